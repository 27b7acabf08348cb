/**
 * Grades a blocking finding by the size of the table it blocks: an index build on a 50-row table
 * is over in milliseconds, on a 50-million-row table it blocks writes for minutes. Sizes come
 * from the target (LiveFacts.tableSizes, read before the rules run) and the thresholds from the
 * target's config (thresholds.largeTableRows / largeTableBytes).
 */
import type { StaticContext } from '../../../engine/define.js'
import type { Evidence, Severity } from '../../../engine/model.js'
import { normaliseTable } from '../../../engine/pending.js'
import { formatBytes, formatCount } from '../../../engine/units.js'

/** Defaults of thresholds.largeTableRows / largeTableBytes, for runs whose facts carry none. */
export const DEFAULT_SIZE_THRESHOLDS = { largeTableRows: 100_000, largeTableBytes: 1024 ** 3 } as const

/** Below this share of both thresholds a table is small: blocking it costs next to nothing. */
export const SMALL_TABLE_SHARE = 0.01

/** A severity for a finding on `table`, the evidence behind it, and a phrase for the message. */
export interface SizeGrade {
  readonly severity: Severity
  /** large, medium, small, new (not on the target) or unknown (no target connected). */
  readonly size: 'large' | 'medium' | 'small' | 'new' | 'unknown'
  readonly evidence: Evidence
  /** e.g. "users has about 50,000,000 rows (12.1 GB)"; empty when unknown. */
  readonly description: string
}

/**
 * Grades by size: at or above either threshold -> error; above 1% of one -> warning; smaller ->
 * info; a table the target does not have yet -> info; without a target -> `unknownSeverity`
 * (the rule's own severity, so lint keeps its behaviour).
 */
export function gradeBySize(ctx: Pick<StaticContext, 'live'>, table: string, unknownSeverity: Severity = 'warning'): SizeGrade {
  const key = normaliseTable(table)
  const thresholds = ctx.live.thresholds ?? DEFAULT_SIZE_THRESHOLDS
  const limits = { largeTableRows: thresholds.largeTableRows, largeTableBytes: thresholds.largeTableBytes }
  const sizes = ctx.live.tableSizes
  if (!sizes) return { severity: unknownSeverity, size: 'unknown', evidence: { table: key, size: 'unknown: no target connected' }, description: '' }
  const size = sizes.get(key)
  if (!size) return { severity: 'info', size: 'new', evidence: { table: key, size: 'not on the target yet' }, description: `${key} does not exist on the target yet` }
  const evidence = { table: key, estimatedRows: size.rows, totalBytes: size.bytes, totalSize: formatBytes(size.bytes), ...limits }
  const description = `${key} has about ${formatCount(size.rows)} rows (${formatBytes(size.bytes)})`
  if (size.rows >= limits.largeTableRows || size.bytes >= limits.largeTableBytes) return { severity: 'error', size: 'large', evidence, description }
  if (size.rows >= limits.largeTableRows * SMALL_TABLE_SHARE || size.bytes >= limits.largeTableBytes * SMALL_TABLE_SHARE) {
    return { severity: 'warning', size: 'medium', evidence, description }
  }
  return { severity: 'info', size: 'small', evidence, description }
}
