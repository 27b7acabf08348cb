import { defineLiveCheck, outcome, type FindingInput, type LiveContext, type ReportTarget, type StatementRef } from '../../engine/define.js'
import { blocksReads, blocksWrites } from '../../dialects/postgres/lock-conflicts.js'
import { lockTimeoutsBefore } from '../../dialects/postgres/lock-timeout.js'
import { statementLocks } from '../../dialects/postgres/locks.js'
import { formatSeconds, readActivity } from '../../dialects/postgres/catalog/activity.js'
import { effectiveSetting, readServerState, settingMs } from '../../dialects/postgres/catalog/server-state.js'
import type { LockMode } from '../../engine/model.js'
import { normaliseTable } from '../../engine/pending.js'
import { describeStatement } from './support/pending-locks.js'

/**
 * Whether a lock queue behind the migration could grow without bound. A statement that needs a lock
 * blocking writes (SHARE or stronger) waits behind any transaction holding a conflicting lock, and
 * every later query on the table waits behind the statement
 * (https://www.postgresql.org/docs/current/explicit-locking.html). `SET lock_timeout` in the
 * migration bounds that wait; without it, and with no server idle_in_transaction_session_timeout,
 * one forgotten idle transaction stalls the table for as long as it stays open.
 * The SQL side is read with the same helper as the static lock_timeout rule (lock-timeout.ts).
 */
export default defineLiveCheck({
  id: 'lock-queue-safety',
  title: 'A lock queue behind the migration cannot grow without bound',
  category: 'locks',
  severity: 'warning',
  async run(ctx) {
    if (ctx.touched.length === 0) return outcome.skip('No pending statement locks a table.')
    const [state, snapshot] = await Promise.all([readServerState(ctx), readActivity(ctx)])
    const existing = new Set(snapshot.tables.filter((t) => t.exists).map((t) => t.name))
    const unbounded = statementsWithoutLockTimeout(ctx, existing)
    const roleLockTimeout = effectiveSetting(state, 'lock_timeout')
    const lockTimeoutMs = settingMs(roleLockTimeout) ?? 0
    const idleSetting = effectiveSetting(state, 'idle_in_transaction_session_timeout')
    const idleTimeoutMs = settingMs(idleSetting) ?? 0
    const holders = new Set(snapshot.locks.filter((l) => l.granted && l.pid !== null && unbounded.some((u) => u.table === l.table)).map((l) => l.pid))
    const idleNow = snapshot.sessions.filter((s) => s.state?.startsWith('idle in transaction')).length
    const evidence = {
      statementsWithoutLockTimeout: unbounded.length,
      tables: [...new Set(unbounded.map((u) => u.table))],
      migrationRole: state.migrationRole,
      roleLockTimeoutMs: lockTimeoutMs,
      roleLockTimeoutSource: roleLockTimeout?.source ?? null,
      idleInTransactionSessionTimeoutMs: idleTimeoutMs,
      idleInTransactionSessionTimeoutSource: idleSetting?.source ?? null,
      sessionsHoldingLocksOnThoseTables: holders.size,
      sessionsIdleInTransactionNow: idleNow,
    }
    if (unbounded.length === 0) {
      return outcome.pass('Every pending statement that blocks writes on an existing table runs with a lock_timeout set earlier in its file.', evidence)
    }
    if (lockTimeoutMs > 0) {
      return outcome.pass(`The migration role ${state.migrationRole} starts with lock_timeout ${formatSeconds(lockTimeoutMs / 1000)} (${roleLockTimeout?.source === 'role' ? 'ALTER ROLE/DATABASE ... SET' : 'server default'}), which bounds the wait of ${unbounded.length} statement${unbounded.length === 1 ? '' : 's'} that set none.`, evidence)
    }
    if (idleTimeoutMs > 0) {
      return outcome.pass(
        `${unbounded.length} statement${unbounded.length === 1 ? '' : 's'} block${unbounded.length === 1 ? 's' : ''} writes without a lock_timeout, but idle_in_transaction_session_timeout (${formatSeconds(idleTimeoutMs / 1000)}) ends forgotten transactions; a long-running query can still stall the queue (see the static lock_timeout rule).`,
        evidence,
      )
    }
    const findings: (FindingInput & { at?: ReportTarget })[] = unbounded.map((u) => ({
      message: `${describeStatement(u.ref)} needs ${u.lock} on ${u.table} with no lock_timeout, and the server has no idle_in_transaction_session_timeout: if any transaction holds a lock on ${u.table}, the statement waits indefinitely and ${blocksReads(u.lock) ? 'every query' : 'every write'} on ${u.table} queues behind it.`,
      mitigation: MITIGATION,
      evidence: { table: u.table, lockNeeded: u.lock, lockTimeoutMs: 0, idleInTransactionSessionTimeoutMs: 0, sessionsHoldingLocksNow: new Set(snapshot.locks.filter((l) => l.granted && l.table === u.table && l.pid !== null).map((l) => l.pid)).size },
      tables: [u.table],
      lock: u.lock,
      at: u.ref,
    }))
    return {
      status: 'warn',
      summary: `${unbounded.length} pending statement${unbounded.length === 1 ? '' : 's'} take${unbounded.length === 1 ? 's' : ''} write-blocking locks on ${evidence.tables.length} existing table${evidence.tables.length === 1 ? '' : 's'} without SET lock_timeout, the role ${state.migrationRole} has no lock_timeout default and idle_in_transaction_session_timeout is 0: one idle transaction would stall those tables for as long as it stays open (now ${holders.size} session${holders.size === 1 ? ' holds' : 's hold'} locks on them and ${idleNow} ${idleNow === 1 ? 'is' : 'are'} idle in a transaction).`,
      mitigation: MITIGATION,
      evidence,
      findings,
    }
  },
})

const MITIGATION =
  "Add SET lock_timeout = '5s' (or SET LOCAL inside the transaction) before the statement, and retry the migration when it times out. " +
  "Also consider ALTER ROLE <migration role> SET lock_timeout = '5s' and a server idle_in_transaction_session_timeout (e.g. '5min'). See runbook/lock-queue-safety.md."

/** A pending statement that needs a write-blocking lock on an existing table with no lock_timeout in force. */
interface Unbounded {
  readonly ref: StatementRef
  readonly table: string
  readonly lock: LockMode
}

/** Statements taking SHARE or stronger on existing tables with no lock_timeout set earlier in their file. */
function statementsWithoutLockTimeout(ctx: LiveContext, existing: ReadonlySet<string>): Unbounded[] {
  const major = Math.floor(ctx.server.major)
  const out: Unbounded[] = []
  for (const file of ctx.pending) {
    const timeouts = lockTimeoutsBefore(file.parsed.statements, file.migration.runsInTransaction)
    for (const [i, stmt] of file.parsed.statements.entries()) {
      const timeout = timeouts[i]
      if (timeout && timeout.ms > 0) continue
      for (const { table, lock } of statementLocks(stmt, major)) {
        const name = normaliseTable(table)
        if (existing.has(name) && blocksWrites(lock)) {
          out.push({ ref: { file, stmt }, table: name, lock })
          break
        }
      }
    }
  }
  return out
}
