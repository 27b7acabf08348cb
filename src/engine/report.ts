/**
 * The report of one run: what ran where, every check with its result, and the verdict.
 * Every renderer (txt, json, md, sarif) is a pure function of this object.
 */
import { STATUS_RANK, type CheckResult, type LockMode, type Status } from './model.js'

export const REPORT_SCHEMA_VERSION = 1

export type Verdict = 'passed' | 'failed' | 'error'
export type FailOn = 'error' | 'warning' | 'never'

export interface PendingMigrationSummary {
  readonly id: string
  readonly name: string
  readonly path: string
  readonly runsInTransaction: boolean
}

/** The lock a pending statement needs, for the JSON report and the live lock checks. */
export interface StatementLockSummary {
  readonly file: string
  readonly line: number
  readonly col: number
  readonly kind: string
  readonly tables: readonly { table: string; lock: LockMode }[]
}

export interface Report {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION
  readonly tool: { readonly name: string; readonly version: string }
  readonly run: {
    readonly command: 'preflight' | 'lint'
    readonly target: string | null
    readonly dialect: string
    readonly startedAt: string
    readonly finishedAt: string
    readonly durationMs: number
    readonly user: string
    readonly host: string
    readonly configFile: string | null
    readonly configHash: string
    readonly failOn: FailOn
    readonly server: { readonly version: string; readonly host: string; readonly port: number; readonly database: string } | null
    readonly postgresVersion: { readonly major: number; readonly source: string }
  }
  readonly migrations: {
    readonly path: string | null
    readonly layout: string | null
    readonly layoutReason: string | null
    readonly total: number
    readonly applied: number
    readonly historyTable: string | null
    readonly historyExists: boolean | null
    readonly pending: readonly PendingMigrationSummary[]
    readonly statements: readonly StatementLockSummary[]
  }
  readonly verdict: Verdict
  readonly counts: Readonly<Record<Status, number>> & { readonly findings: number; readonly suppressed: number }
  readonly checks: readonly CheckResult[]
}

/** Counts results by status, and active and suppressed findings. */
export function countResults(checks: readonly CheckResult[]): Report['counts'] {
  const counts = { pass: 0, warn: 0, fail: 0, skip: 0, error: 0, findings: 0, suppressed: 0 }
  for (const c of checks) {
    counts[c.status]++
    for (const f of c.findings) {
      if (f.suppressed) counts.suppressed++
      else counts.findings++
    }
  }
  return counts
}

/** The verdict: any error is an error, any fail (or warn with --fail-on warning) fails. */
export function verdictOf(checks: readonly CheckResult[], failOn: FailOn): Verdict {
  if (failOn === 'never') return checks.some((c) => c.status === 'error') ? 'error' : 'passed'
  if (checks.some((c) => c.status === 'error')) return 'error'
  if (checks.some((c) => c.status === 'fail')) return 'failed'
  if (failOn === 'warning' && checks.some((c) => c.status === 'warn')) return 'failed'
  return 'passed'
}

/** Exit code for a verdict: 0 passed, 1 failed or a check errored (a check that could not run is not a pass). */
export function exitCodeOf(verdict: Verdict): number {
  return verdict === 'passed' ? 0 : 1
}

/** Checks ordered worst first, then by id: the order an operator reads them in. */
export function worstFirst(checks: readonly CheckResult[]): CheckResult[] {
  return [...checks].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.id.localeCompare(b.id))
}

/** The server product and version for a report header: "PostgreSQL 16.4", "MariaDB 10.11.19", "MySQL 8.0.36". */
export function serverLabel(run: Pick<Report['run'], 'dialect' | 'server'>): string {
  const version = run.server?.version ?? ''
  if (run.dialect !== 'mysql') return `PostgreSQL ${version}`
  return /mariadb/i.test(version) ? `MariaDB ${version.replace(/-MariaDB$/i, '')}` : `MySQL ${version}`
}
