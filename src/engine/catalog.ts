/**
 * Every id a report can carry, with its metadata, read from the registries at run time:
 * the static rules, the live checks and the results the engine produces itself.
 * `migrations rules`, the runbook index and operator acceptance all list ids from here.
 */
import { liveChecks } from '../checks/live/index.js'
import { staticRules } from '../checks/static/index.js'
import type { Category, Severity } from './model.js'
import { ENGINE_CHECK_IDS, ENGINE_CHECKS } from './engine-checks.js'

/** Where an id comes from: a static rule, a live check, or the engine itself. */
export type CatalogKind = 'static' | 'live' | 'engine'

/** One rule or check as listed by `migrations rules`. */
export interface CatalogEntry {
  readonly id: string
  readonly kind: CatalogKind
  readonly category: Category
  readonly severity: Severity
  readonly title: string
}

/** Every rule and check, sorted by id. */
export function checkCatalog(): CatalogEntry[] {
  const entries: CatalogEntry[] = [
    ...staticRules.map((r) => ({ id: r.id, kind: 'static' as const, category: r.category, severity: r.severity, title: r.title })),
    ...liveChecks.map((c) => ({ id: c.id, kind: 'live' as const, category: c.category, severity: c.severity, title: c.title })),
    ...ENGINE_CHECK_IDS.map((id) => ({ id, kind: 'engine' as const, ...ENGINE_CHECKS[id] })),
  ]
  return entries.sort((a, b) => a.id.localeCompare(b.id))
}
