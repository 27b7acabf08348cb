/**
 * Grades a blocking finding by the size of the table it blocks: an index build on a 50-row table
 * is over in milliseconds, on a 50-million-row table it blocks writes for minutes. Sizes come
 * from the target (LiveFacts.tableSizes, read before the rules run) and the thresholds from the
 * target's config (thresholds.largeTableRows / largeTableBytes).
 */
import { INDEX_TABLE_KEY_PREFIX } from '../../../dialects/postgres/catalog/table-sizes.js'
import type { StaticContext } from '../../../engine/define.js'
import type { Evidence, Severity } from '../../../engine/model.js'
import { normaliseTable } from '../../../engine/pending.js'
import { formatBytes, formatCount } from '../../../engine/units.js'
import { displayKey } from './sql-names.js'

/** Defaults of thresholds.largeTableRows / largeTableBytes, for runs whose facts carry none. */
export const DEFAULT_SIZE_THRESHOLDS = { largeTableRows: 100_000, largeTableBytes: 1024 ** 3 } as const

/** Below this share of both thresholds a table is small: blocking it costs next to nothing. */
export const SMALL_TABLE_SHARE = 0.01

/** Prefix of a tableSizes key naming an index, whose value is its table's size (facts.ts reads them). */
export const INDEX_KEY_PREFIX = INDEX_TABLE_KEY_PREFIX

/** A severity for a finding on `table`, the evidence behind it, and a phrase for the message. */
export interface SizeGrade {
  readonly severity: Severity
  /** large, medium, small, new (not on the target) or unknown (no target connected, or no table named). */
  readonly size: 'large' | 'medium' | 'small' | 'new' | 'unknown'
  /** The table graded, when there was one. */
  readonly table?: string
  /** The grade and thresholds (sizes themselves are in lockEvidence's `sizes`); empty when unknown. */
  readonly evidence: Evidence
  /** e.g. "public.users has about 50,000,000 rows (12.1 GB)"; empty when unknown. */
  readonly description: string
}

// Which grade is larger when a statement blocks several tables; a table not on the target counts less than any table that is.
const RANK: Readonly<Record<SizeGrade['size'], number>> = { unknown: 0, new: 1, small: 2, medium: 3, large: 4 }

/**
 * Grades by size: at or above either threshold -> error; above 1% of one -> warning; smaller ->
 * info; a table the target does not have yet -> info; without a target -> `unknownSeverity`
 * (the rule's own severity, so lint keeps its behaviour).
 */
export function gradeBySize(ctx: Pick<StaticContext, 'live'>, table: string, unknownSeverity: Severity = 'warning'): SizeGrade {
  const key = keyOf(table)
  const sizes = ctx.live.tableSizes
  if (!sizes) return unknownGrade(unknownSeverity)
  const limits = thresholdsOf(ctx)
  const evidence = (size: SizeGrade['size']): Evidence => ({ sizeGrade: size, gradedTable: key, thresholds: limits })
  const size = sizes.get(key)
  if (!size) return { severity: 'info', size: 'new', table: key, evidence: evidence('new'), description: `${describeKey(key, 'missing')} does not exist on the target yet` }
  const description =
    size.isRowsKnown === false
      ? `${describeKey(key, 'table')} has an unknown number of rows (never analysed; ${formatBytes(size.bytes)})`
      : `${describeKey(key, 'table')} has about ${formatCount(size.rows)} rows (${formatBytes(size.bytes)})`
  if (size.rows >= limits.largeTableRows || size.bytes >= limits.largeTableBytes) return { severity: 'error', size: 'large', table: key, evidence: evidence('large'), description }
  if (size.rows >= limits.largeTableRows * SMALL_TABLE_SHARE || size.bytes >= limits.largeTableBytes * SMALL_TABLE_SHARE) {
    return { severity: 'warning', size: 'medium', table: key, evidence: evidence('medium'), description }
  }
  return { severity: 'info', size: 'small', table: key, evidence: evidence('small'), description }
}

/**
 * Grades a statement that blocks several tables (a foreign key locks both ends) by the largest
 * of them; with no table named (REINDEX DATABASE, VACUUM FULL of everything) the size is unknown
 * and the rule keeps `unknownSeverity`.
 */
export function gradeLargest(ctx: Pick<StaticContext, 'live'>, tables: readonly string[], unknownSeverity: Severity = 'warning'): SizeGrade {
  let largest = unknownGrade(unknownSeverity)
  for (const table of tables) {
    const grade = gradeBySize(ctx, table, unknownSeverity)
    if (RANK[grade.size] > RANK[largest.size] || (RANK[grade.size] === RANK[largest.size] && bytesOf(ctx, grade) > bytesOf(ctx, largest))) largest = grade
  }
  return largest
}

/** `name`, followed by the size in parentheses when the target was read: "public.users (about 50 rows (16.0 kB))", "it (public.users has about 50 rows (16.0 kB))", "public.users (an unknown number of rows (never analysed; 16.0 kB))". */
export function withSize(name: string, grade: SizeGrade): string {
  if (!grade.description) return name
  // When `name` is the graded table itself, say the size without naming it twice: "public.users (about 50 rows (16.0 kB))".
  const self = grade.table && !grade.table.startsWith(INDEX_KEY_PREFIX) ? displayKey(grade.table) : undefined
  if (self && name === self) return `${name} (${grade.description.slice(`${self} `.length).replace(/^has /, '')})`
  return `${name} (${grade.description})`
}

/** One table's size as evidence, in the one shape every finding uses; undefined without a target. */
export function sizeEvidence(ctx: Pick<StaticContext, 'live'>, table: string): Evidence | undefined {
  const sizes = ctx.live.tableSizes
  if (!sizes) return undefined
  const key = keyOf(table)
  const size = sizes.get(key)
  if (!size) return { table: key, size: 'not on the target yet' }
  const rows = size.isRowsKnown === false ? { estimatedRows: null, rowsUnknown: 'never vacuumed or analysed' } : { estimatedRows: size.rows }
  return { table: key, ...rows, totalBytes: size.bytes, totalSize: formatBytes(size.bytes) }
}

/** The tableSizes key of a table name (unqualified means public) or of an index key. */
function keyOf(table: string): string {
  return table.startsWith(INDEX_KEY_PREFIX) ? table : normaliseTable(table)
}

/** The grade without a target (or without a table): the rule's own severity, nothing to show. */
function unknownGrade(severity: Severity): SizeGrade {
  return { severity, size: 'unknown', evidence: {}, description: '' }
}

/** Thresholds from the facts, or the config defaults. */
function thresholdsOf(ctx: Pick<StaticContext, 'live'>): { largeTableRows: number; largeTableBytes: number } {
  const thresholds = ctx.live.thresholds ?? DEFAULT_SIZE_THRESHOLDS
  return { largeTableRows: thresholds.largeTableRows, largeTableBytes: thresholds.largeTableBytes }
}

/** Total bytes behind a grade, to pick the larger of two equal grades. */
function bytesOf(ctx: Pick<StaticContext, 'live'>, grade: SizeGrade): number {
  return grade.table ? (ctx.live.tableSizes?.get(grade.table)?.bytes ?? 0) : 0
}

/** Printable name of a key: `public."Orders"`, or `the table of index public.orders_idx` for an index key. */
function describeKey(key: string, what: 'table' | 'missing'): string {
  if (!key.startsWith(INDEX_KEY_PREFIX)) return displayKey(key)
  const index = displayKey(key.slice(INDEX_KEY_PREFIX.length))
  return what === 'table' ? `the table of index ${index}` : `index ${index}`
}
