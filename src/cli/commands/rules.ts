/**
 * `migrations rules`: every rule and check with id, kind, category, default severity and title,
 * as an aligned table or, with --json, as a JSON array.
 */
import { checkCatalog, type CatalogEntry } from '../../engine/catalog.js'
import { runbookLink } from '../../engine/model.js'

export interface RulesOptions {
  readonly json?: boolean
}

/** Prints the catalog and returns the exit code (always 0). */
export function rulesCommand(opts: RulesOptions, out: NodeJS.WritableStream = process.stdout): number {
  const catalog = checkCatalog()
  out.write(opts.json ? renderRulesJson(catalog) : renderRulesTable(catalog))
  return 0
}

/** JSON array with a fixed key order and each id's runbook page. */
export function renderRulesJson(catalog: readonly CatalogEntry[]): string {
  const rows = catalog.map((e) => ({ id: e.id, kind: e.kind, category: e.category, severity: e.severity, title: e.title, docs: runbookLink(e.id) }))
  return `${JSON.stringify(rows, null, 2)}\n`
}

/** Aligned columns, one line per id, and how to read more. */
export function renderRulesTable(catalog: readonly CatalogEntry[]): string {
  const header = { id: 'ID', kind: 'KIND', category: 'CATEGORY', severity: 'SEVERITY', title: 'TITLE' }
  const rows = [header, ...catalog]
  const width = (key: 'id' | 'kind' | 'category' | 'severity'): number => Math.max(...rows.map((r) => r[key].length))
  const widths = { id: width('id'), kind: width('kind'), category: width('category'), severity: width('severity') }
  const lines = rows.map((r) => `${r.id.padEnd(widths.id)}  ${r.kind.padEnd(widths.kind)}  ${r.category.padEnd(widths.category)}  ${r.severity.padEnd(widths.severity)}  ${r.title}`)
  lines.push('', `${catalog.length} rules and checks. \`migrations explain <id>\` prints the runbook page of one.`, '')
  return lines.join('\n')
}
