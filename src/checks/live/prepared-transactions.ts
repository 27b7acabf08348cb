import { defineLiveCheck, outcome, type FindingInput, type ReportTarget } from '../../engine/define.js'
import { locksConflict } from '../../dialects/postgres/lock-conflicts.js'
import { formatSeconds, readActivity, type PreparedXact, type TableLockInfo } from '../../dialects/postgres/catalog/activity.js'
import { readServerState, settingMs } from '../../dialects/postgres/catalog/server-state.js'
import { describeStatement, firstConflictingStatement, touchedByName } from './support/pending-locks.js'

/**
 * Prepared transactions (PREPARE TRANSACTION, two-phase commit) in the target database. They have
 * no session: nothing times them out, they survive restarts, and they keep their locks and hold
 * back vacuum until someone runs COMMIT PREPARED or ROLLBACK PREPARED
 * (https://www.postgresql.org/docs/current/sql-prepare-transaction.html).
 */
export default defineLiveCheck({
  id: 'prepared-transactions',
  title: 'No prepared transaction holds locks or holds back vacuum',
  category: 'locks',
  severity: 'error',
  async run(ctx) {
    const [state, snapshot] = await Promise.all([readServerState(ctx), readActivity(ctx)])
    const max = Number(state.settings.max_prepared_transactions?.value ?? '0')
    if (snapshot.prepared.length === 0) {
      return outcome.pass(
        max === 0 ? 'max_prepared_transactions is 0: the server cannot have prepared transactions.' : `No prepared transaction in database ${ctx.server.database} (max_prepared_transactions ${max}).`,
        { maxPreparedTransactions: max, prepared: 0 },
      )
    }
    const touched = touchedByName(ctx)
    const findings: (FindingInput & { at?: ReportTarget })[] = []
    const blocking = new Set<string>()
    for (const p of snapshot.prepared) {
      for (const lock of locksOf(p, snapshot.locks)) {
        const t = touched.get(lock.table)
        if (!t || !lock.granted || !locksConflict(lock.mode, t.lock)) continue
        blocking.add(p.gid)
        const needed = firstConflictingStatement(ctx, t, lock.mode)
        findings.push({
          message: `Prepared transaction '${p.gid}' (owner ${p.owner}, prepared ${formatSeconds(p.ageSeconds)} ago) holds ${lock.mode} on ${lock.table}; ${needed ? describeStatement(needed.ref) : 'the migration'} needs ${needed?.lock ?? t.lock} and will wait until the transaction is committed or rolled back.`,
          mitigation: mitigation(ctx.server.database),
          evidence: { gid: p.gid, owner: p.owner, preparedAt: p.preparedAt, ageSeconds: p.ageSeconds, table: lock.table, lockHeld: lock.mode },
          tables: [lock.table],
          ...(needed ? { at: needed.ref, lock: needed.lock } : {}),
        })
      }
    }
    const limit = ctx.target.thresholds.idleInTransactionSeconds
    const old = snapshot.prepared.filter((p) => p.ageSeconds > limit)
    const evidence = {
      maxPreparedTransactions: max,
      idleTimeoutMs: settingMs(state.settings.idle_in_transaction_session_timeout) ?? null,
      prepared: snapshot.prepared.map((p) => ({
        gid: p.gid,
        owner: p.owner,
        preparedAt: p.preparedAt,
        ageSeconds: p.ageSeconds,
        locksOnTouchedTables: locksOf(p, snapshot.locks).map((l) => `${l.mode} on ${l.table}`),
      })),
    }
    const list = snapshot.prepared.map((p) => `'${p.gid}' (owner ${p.owner}, ${formatSeconds(p.ageSeconds)} old)`).join(', ')
    if (blocking.size > 0) {
      return {
        status: 'fail',
        summary: `${blocking.size} prepared transaction${blocking.size === 1 ? '' : 's'} hold${blocking.size === 1 ? 's' : ''} locks the migration needs: ${[...blocking].map((g) => `'${g}'`).join(', ')}. Prepared transactions never time out, so the migration would wait until someone resolves them.`,
        mitigation: mitigation(ctx.server.database),
        evidence,
        findings,
      }
    }
    if (old.length > 0) {
      return outcome.warn(
        `${old.length} prepared transaction${old.length === 1 ? ' is' : 's are'} older than ${formatSeconds(limit)}: ${list}. They hold their locks and keep vacuum from cleaning up until resolved.`,
        mitigation(ctx.server.database),
        evidence,
      )
    }
    return outcome.pass(`${snapshot.prepared.length} recent prepared transaction${snapshot.prepared.length === 1 ? '' : 's'} (${list}), none holding locks on the touched tables.`, evidence)
  },
})

/** Table locks held by one prepared transaction (pg_locks shows them with no pid, under its dummy virtual transaction). */
function locksOf(p: PreparedXact, locks: readonly TableLockInfo[]): TableLockInfo[] {
  return p.virtualTransaction === null ? [] : locks.filter((l) => l.pid === null && l.virtualTransaction === p.virtualTransaction)
}

/** What to do about a prepared transaction. */
function mitigation(database: string): string {
  return (
    `Ask the owner of the two-phase commit (the application or transaction manager that issued PREPARE TRANSACTION) to finish it. ` +
    `For an orphan, decide whether its work should stand, then in database ${database} as its owner or a superuser run COMMIT PREPARED 'gid' or ROLLBACK PREPARED 'gid'. ` +
    'See runbook/prepared-transactions.md.'
  )
}
