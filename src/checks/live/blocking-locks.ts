import { defineLiveCheck, outcome, type FindingInput, type ReportTarget } from '../../engine/define.js'
import { locksConflict } from '../../dialects/postgres/lock-conflicts.js'
import { strongerLock } from '../../dialects/postgres/locks.js'
import { describeSession, readActivity, sessionEvidence, sessionsByPid, visibilityNote, type SessionInfo, type TableLockInfo } from '../../dialects/postgres/catalog/activity.js'
import type { LockMode } from '../../engine/model.js'
import { describeStatement, firstConflictingStatement, touchedByName } from './support/pending-locks.js'

/**
 * Sessions that hold, or already wait for, a lock on a touched table that conflicts with the lock
 * a pending statement needs (https://www.postgresql.org/docs/current/explicit-locking.html).
 * The migration would wait for them, and while it waits every later query on the table queues
 * behind it. Autovacuum is left to autovacuum-on-touched-tables and prepared transactions to
 * prepared-transactions.
 */

/** A holder younger than this, running a query right now, is ordinary traffic: warn, do not fail. */
const TRANSIENT_SECONDS = 1

const MITIGATION =
  'Wait for these transactions to finish and run preflight again. If one is stuck, end it: SELECT pg_cancel_backend(pid) cancels its running query; ' +
  'SELECT pg_terminate_backend(pid) closes the session and rolls back its transaction (the application sees an error, so ask its owner first). ' +
  'Always run the migration with SET lock_timeout so it gives up instead of stalling the table. See runbook/blocking-locks.md.'

interface Blocker {
  readonly table: string
  readonly session: SessionInfo
  readonly mode: LockMode
  readonly granted: boolean
}

export default defineLiveCheck({
  id: 'blocking-locks',
  title: 'No session holds a lock the migration must wait for',
  category: 'locks',
  severity: 'error',
  async run(ctx) {
    if (ctx.touched.length === 0) return outcome.skip('No pending statement locks a table.')
    const snapshot = await readActivity(ctx)
    const existing = snapshot.tables.filter((t) => t.exists).map((t) => t.name)
    if (existing.length === 0) return outcome.pass('The pending statements lock only tables they create themselves: nobody else can hold them.', { tables: 0 })
    const blockers = findBlockers(ctx.touched, snapshot.locks, sessionsByPid(snapshot))
    const touched = touchedByName(ctx)
    const findings: (FindingInput & { at?: ReportTarget })[] = []
    for (const b of blockers) {
      const t = touched.get(b.table)!
      const needed = firstConflictingStatement(ctx, t, b.mode)
      const what = needed ? `${describeStatement(needed.ref)} needs ${needed.lock}` : `The migration needs ${t.lock}`
      const message = b.granted
        ? `${what} on ${b.table}, but ${describeSession(b.session)} holds ${b.mode} on it: the migration will wait for that transaction, and every later query on ${b.table} will queue behind the migration.`
        : `${describeSession(b.session)} already waits for ${b.mode} on ${b.table}: ${what.charAt(0).toLowerCase()}${what.slice(1)} and would queue behind it.`
      findings.push({
        message,
        mitigation: MITIGATION,
        severity: isTransient(b) ? 'warning' : 'error',
        evidence: { table: b.table, lockHeld: b.granted ? b.mode : null, lockAwaited: b.granted ? null : b.mode, lockNeeded: needed?.lock ?? t.lock, ...sessionEvidence(b.session) },
        tables: [b.table],
        ...(needed ? { at: needed.ref, lock: needed.lock } : {}),
      })
    }
    const note = visibilityNote(snapshot)
    const evidence = {
      tablesChecked: existing.length,
      holders: blockers.filter((b) => b.granted).map((b) => ({ table: b.table, mode: b.mode, ...sessionEvidence(b.session) })),
      waiters: blockers.filter((b) => !b.granted).map((b) => ({ table: b.table, mode: b.mode, ...sessionEvidence(b.session) })),
      ...(note ? { note } : {}),
    }
    if (blockers.length === 0) {
      return outcome.pass(`No session holds or awaits a lock that conflicts with the pending statements on ${existing.length} existing table${existing.length === 1 ? '' : 's'}.`, evidence)
    }
    const pids = [...new Set(blockers.map((b) => b.session.pid))]
    const tables = [...new Set(blockers.map((b) => b.table))]
    const who = pids.length === 1 ? `1 session (pid ${pids[0]}) holds or awaits` : `${pids.length} sessions (pid ${pids.join(', ')}) hold or await`
    const summary = `${who} conflicting locks on ${tables.join(', ')}: the migration would wait for them and block queries on ${tables.length === 1 ? 'that table' : 'those tables'} meanwhile.`
    if (blockers.every(isTransient)) {
      return { status: 'warn', summary: `${summary} They are short transactions running right now, which is normal on a busy table.`, mitigation: MITIGATION, evidence, findings }
    }
    return { status: 'fail', summary, mitigation: MITIGATION, evidence, findings }
  },
})

/** Other sessions' locks on touched tables that conflict with the lock the migration needs there, strongest per session and table. */
function findBlockers(touched: readonly { table: string; lock: LockMode }[], locks: readonly TableLockInfo[], sessions: ReadonlyMap<number, SessionInfo>): Blocker[] {
  const needed = new Map(touched.map((t) => [t.table, t.lock]))
  const byKey = new Map<string, Blocker>()
  for (const l of locks) {
    const need = needed.get(l.table)
    if (l.pid === null || !need || !locksConflict(l.mode, need)) continue
    const session = sessions.get(l.pid)
    // Autovacuum (and a vacuum whose kind is hidden) has its own check; a parallel worker's leader holds the same lock.
    if (!session || session.isAutovacuum || session.isHiddenVacuum || session.backendType === 'parallel worker') continue
    const key = `${l.table}\u0000${l.pid}\u0000${l.granted}`
    const previous = byKey.get(key)
    byKey.set(key, { table: l.table, session, granted: l.granted, mode: previous ? strongerLock(previous.mode, l.mode) : l.mode })
  }
  return [...byKey.values()].sort((a, b) => a.table.localeCompare(b.table) || Number(b.granted) - Number(a.granted) || a.session.pid - b.session.pid)
}

/** A holder that is running a query in a transaction younger than TRANSIENT_SECONDS. */
function isTransient(b: Blocker): boolean {
  return b.granted && b.session.state === 'active' && (b.session.transactionSeconds ?? Infinity) < TRANSIENT_SECONDS
}
