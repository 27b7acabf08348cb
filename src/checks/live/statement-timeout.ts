/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { defineLiveCheck, outcome, type FindingInput, type LiveContext, type ReportTarget, type StatementRef } from '../../engine/define.js'
import { formatSeconds } from '../../dialects/postgres/catalog/activity.js'
import { effectiveSetting, readServerState, settingMs } from '../../dialects/postgres/catalog/server-state.js'
import { readTableSizes, type TableSize } from '../../dialects/postgres/catalog/table-sizes.js'
import { timeoutSteps } from '../../dialects/postgres/lock-timeout.js'
import { relationName } from '../../dialects/postgres/locks.js'
import { statementRebuilds } from '../../dialects/postgres/rebuilds.js'
import { normaliseTable } from '../../engine/pending.js'
import { formatBytes } from '../../engine/units.js'

/**
 * A statement_timeout that the migration role's sessions start with (ALTER ROLE/DATABASE ... SET,
 * or the server's) applies to the migration too: an index build, a table rewrite or a validating
 * scan on a large table that runs past it is cancelled half-way. The work is lost, the file stops
 * there (files run outside a transaction stay half-applied), and CREATE INDEX CONCURRENTLY leaves
 * an INVALID index behind (https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-STATEMENT-TIMEOUT).
 * A file that sets statement_timeout itself has decided, and is left alone.
 */
export default defineLiveCheck({
  id: 'statement-timeout',
  title: 'Long migration statements are not cut off by statement_timeout',
  category: 'locks',
  severity: 'warning',
  async run(ctx) {
    const long = longStatements(ctx)
    if (long.length === 0) return outcome.pass('No pending statement does work proportional to the size of an existing table.')
    const state = await readServerState(ctx)
    const setting = effectiveSetting(state, 'statement_timeout')
    const timeoutMs = settingMs(setting) ?? 0
    const evidence = { migrationRole: state.migrationRole, statementTimeoutMs: timeoutMs, statementTimeoutSource: setting?.source ?? null }
    if (timeoutMs === 0) return outcome.pass(`The migration role ${state.migrationRole} runs without a statement_timeout: long statements are not cut off.`, evidence)
    const sizes = await readTableSizes(ctx)
    // Only tables with rows: a table the pending set creates, or an empty one, is done at once.
    const atRisk = long.flatMap((l) => {
      const size = sizes.get(normaliseTable(l.table))
      return size && (size.rows > 0 || size.tableBytes > 8192) ? [{ ...l, size }] : []
    })
    const limit = formatSeconds(timeoutMs / 1000)
    const source = setting?.source === 'role' ? `ALTER ROLE/DATABASE ... SET for ${state.migrationRole}` : 'the server default'
    if (atRisk.length === 0) {
      return outcome.pass(`statement_timeout is ${limit} (${source}), and no long pending statement works on an existing table with rows.`, { ...evidence, longStatements: long.length })
    }
    const findings: (FindingInput & { at?: ReportTarget })[] = atRisk.map((r) => ({
      message:
        `${r.work} on ${r.size.resolved} (${describeSize(r.size)}) runs under the migration role's statement_timeout of ${limit} (${source}): ` +
        `if it takes longer it is cancelled half-way${r.isConcurrentIndex ? ', leaving an INVALID index behind' : ''}, and the migration stops there.`,
      mitigation: MITIGATION,
      evidence: { table: r.size.resolved, rows: r.size.rows, totalBytes: r.size.totalBytes, work: r.work, statementTimeoutMs: timeoutMs },
      tables: [r.size.resolved],
      at: r.ref,
    }))
    const tables = [...new Set(atRisk.map((r) => r.size.resolved))]
    return {
      status: 'warn',
      summary: `statement_timeout is ${limit} for ${state.migrationRole} (${source}) and ${atRisk.length} pending statement${atRisk.length === 1 ? ' does' : 's do'} work proportional to ${tables.length === 1 ? tables[0] : `${tables.length} tables`} without setting statement_timeout first: ${atRisk.length === 1 ? 'it is' : 'they are'} cancelled if slower.`,
      mitigation: MITIGATION,
      evidence: { ...evidence, tables, statements: atRisk.length },
      findings,
    }
  },
})

const MITIGATION =
  "Start the migration file with SET statement_timeout = 0; (or a value above the longest expected statement) after SET lock_timeout: it applies to the migration's session only, " +
  'and the role default keeps protecting the application. See runbook/statement-timeout.md.'

/** A pending statement whose duration grows with the size of a table. */
interface LongStatement {
  readonly ref: StatementRef
  readonly table: string
  /** What it does, for messages: "CREATE INDEX", "VALIDATE CONSTRAINT orders_fk (scans the table)". */
  readonly work: string
  readonly isConcurrentIndex: boolean
}

/** Statements that rebuild, scan or rewrite the rows of a table, in files that do not set statement_timeout before them. */
function longStatements(ctx: LiveContext): LongStatement[] {
  const out: LongStatement[] = []
  for (const file of ctx.pending) {
    const steps = timeoutSteps(file.parsed.statements, 'statement_timeout', file.migration.runsInTransaction)
    for (const [i, stmt] of file.parsed.statements.entries()) {
      // The file chose its own value (0 disables it): that decision is the file's.
      if (steps[i]?.before !== undefined) continue
      const ref: StatementRef = { file, stmt }
      const rebuilds = statementRebuilds(ref)
      for (const r of rebuilds) out.push({ ref, table: r.table, work: r.reason, isConcurrentIndex: stmt.kind === 'IndexStmt' && stmt.node.concurrent === true })
      if (rebuilds.length === 0) out.push(...scans(ref))
    }
  }
  return out
}

/** Statements that read or change every row without rebuilding: validating constraints, SET NOT NULL, UPDATE and DELETE. */
function scans(ref: StatementRef): LongStatement[] {
  const n = ref.stmt.node
  const at = (table: string | undefined, work: string): LongStatement[] => (table ? [{ ref, table, work, isConcurrentIndex: false }] : [])
  switch (ref.stmt.kind) {
    case 'UpdateStmt':
      return at(relationName(n.relation), 'UPDATE')
    case 'DeleteStmt':
      return at(relationName(n.relation), 'DELETE')
    case 'AlterTableStmt': {
      const works = (n.cmds ?? []).flatMap((c: any) => {
        const cmd = c.AlterTableCmd ?? {}
        const con = cmd.def?.Constraint
        if (cmd.subtype === 'AT_ValidateConstraint') return [`VALIDATE CONSTRAINT ${cmd.name} (scans the table)`]
        if (cmd.subtype === 'AT_SetNotNull') return [`SET NOT NULL on ${cmd.name} (scans the table)`]
        if (cmd.subtype === 'AT_AddConstraint' && (con?.contype === 'CONSTR_FOREIGN' || con?.contype === 'CONSTR_CHECK') && !con.skip_validation) {
          return [`ADD ${con.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY' : 'CHECK'} (checks every row)`]
        }
        return []
      })
      return works.length > 0 ? at(relationName(n.relation), works.join(', ')) : []
    }
    default:
      return []
  }
}

/** "200,000 rows, 12 MB" (or only the size when the row count is an estimate of nothing). */
function describeSize(size: TableSize): string {
  const rows = size.isRowsKnown ? `${size.rows.toLocaleString('en-US')} rows, ` : ''
  return `${rows}${formatBytes(size.totalBytes)}`
}
