/**
 * The results the engine builds itself rather than a rule or a check: their ids and metadata in
 * one place, for the reports (run.ts) and for `migrations rules`, the runbook index and operator
 * acceptance (catalog.ts).
 */
import type { Category, Severity } from './model.js'

export const ENGINE_CHECK_IDS = ['config-secrets', 'preflight-engine'] as const
export type EngineCheckId = (typeof ENGINE_CHECK_IDS)[number]

export interface EngineCheckMeta {
  readonly category: Category
  readonly severity: Severity
  readonly title: string
}

/** The Record type forces one entry per id. */
export const ENGINE_CHECKS: Readonly<Record<EngineCheckId, EngineCheckMeta>> = {
  'config-secrets': { category: 'config', severity: 'warning', title: 'Keep secrets out of the config file' },
  'preflight-engine': { category: 'config', severity: 'error', title: 'Preflight ran to completion' },
}
