/**
 * The check model shared by every rule, live check, report and frontend.
 * Fixed sets are `as const` tuples so their types derive from the values.
 */

export const STATUSES = ['pass', 'warn', 'fail', 'skip', 'error'] as const
export type Status = (typeof STATUSES)[number]

export const SEVERITIES = ['error', 'warning', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

export const CATEGORIES = [
  'connectivity',
  'versions',
  'locks',
  'capacity',
  'schema',
  'migration-state',
  'static-analysis',
  'window',
  'privileges',
  'config',
] as const
export type Category = (typeof CATEGORIES)[number]

/** PostgreSQL table-level lock modes, weakest first (https://www.postgresql.org/docs/current/explicit-locking.html). */
export const LOCK_MODES = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
] as const
export type LockMode = (typeof LOCK_MODES)[number]

/** Observed numbers and facts behind a result; values are JSON-serialisable. */
export type Evidence = Readonly<Record<string, unknown>>

/** A 1-based position range in a migration file. */
export interface SourceRange {
  readonly file: string
  readonly line: number
  readonly col: number
  readonly endLine: number
  readonly endCol: number
}

/** Why a finding does not count against the verdict. */
export interface Suppression {
  readonly kind: 'comment' | 'config' | 'accepted'
  readonly reason: string
  /** Who accepted it (operator name) when kind is 'accepted'. */
  readonly by?: string
}

/** One problem found by a rule or check, optionally at a place in a file. */
export interface Finding {
  readonly id: string
  readonly severity: Severity
  readonly message: string
  readonly file?: string
  readonly line?: number
  readonly col?: number
  readonly endLine?: number
  readonly endCol?: number
  readonly evidence?: Evidence
  readonly mitigation: string
  readonly help?: string
  readonly docs: string
  /** Tables the statement touches, schema-qualified when the SQL qualifies them. */
  readonly tables?: readonly string[]
  /** Strongest table lock the statement takes. */
  readonly lock?: LockMode
  readonly suppressed?: Suppression
}

/** The result of running one check or rule. */
export interface CheckResult {
  readonly id: string
  readonly title: string
  readonly category: Category
  readonly kind: 'static' | 'live'
  readonly severity: Severity
  readonly status: Status
  /** One sentence: what was found, or why the check was skipped. */
  readonly summary: string
  readonly evidence?: Evidence
  readonly mitigation?: string
  readonly docs: string
  readonly durationMs: number
  readonly findings: readonly Finding[]
}

/** Repository-relative link to the runbook page of a check or rule id. */
export function runbookLink(id: string): string {
  return `runbook/${id}.md`
}

/** Orders statuses from worst to best, for sorting and verdicts. */
export const STATUS_RANK: Readonly<Record<Status, number>> = { error: 0, fail: 1, warn: 2, skip: 3, pass: 4 }

/** Deterministic finding order: file, line, col, id (squawk sorts by range start). */
export function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0) || compareText(a.id, b.id)
}

/** localeCompare, without calling it for the same string (most findings of a rule share a file): 0 either way, and cheaper. */
function compareText(a: string, b: string): number {
  return a === b ? 0 : a.localeCompare(b)
}

/**
 * Order of rule and check ids. Ids are kebab-case ASCII (lowercase letters, digits, "-"), for
 * which code-unit order is the order localeCompare gives; comparing code units spares a run
 * that sorts nothing else ICU's collator, which takes milliseconds to load.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
