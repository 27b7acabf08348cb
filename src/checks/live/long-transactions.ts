/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { defineLiveCheck, type LiveContext, type LiveOutcome } from '../../engine/define.js'
import { SEE_ALL_SESSIONS, describePids, describeSession, formatSeconds, hiddenSessions, readActivity, sessionEvidence, visibilityNote, type SessionInfo } from '../../dialects/postgres/catalog/activity.js'

/**
 * Transactions open for a long time in the target database, and sessions idle in a transaction.
 * Both hold their locks and their snapshot until they end: vacuum cannot remove rows they might
 * still see, and CREATE INDEX CONCURRENTLY and REINDEX CONCURRENTLY wait for every transaction
 * older than themselves
 * (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY).
 * An idle one is waiting for its application, which may never come back.
 */

const IDLE_STATES = new Set(['idle in transaction', 'idle in transaction (aborted)'])

export default defineLiveCheck({
  id: 'long-transactions',
  title: 'No long-open or idle transactions',
  category: 'locks',
  severity: 'error',
  async run(ctx) {
    const snapshot = await readActivity(ctx)
    const { longTransactionSeconds, idleInTransactionSeconds } = ctx.target.thresholds
    const idle: SessionInfo[] = []
    const long: SessionInfo[] = []
    for (const s of snapshot.sessions) {
      if (s.isAutovacuum || s.backendType === 'parallel worker' || s.transactionSeconds === null) continue
      if (s.state !== null && IDLE_STATES.has(s.state) && (s.stateSeconds ?? 0) > idleInTransactionSeconds) idle.push(s)
      else if (s.transactionSeconds > longTransactionSeconds) long.push(s)
    }
    const note = visibilityNote(snapshot)
    const concurrent = usesConcurrentBuild(ctx)
    // Hidden sessions inside a transaction: pg_locks shows that they are, not for how long.
    const unknownAge = hiddenSessions(snapshot).filter((s) => s.isInTransaction)
    const evidence = {
      thresholds: { longTransactionSeconds, idleInTransactionSeconds },
      idleInTransaction: idle.map(sessionEvidence),
      longTransactions: long.map(sessionEvidence),
      ...(concurrent ? { concurrentStatement: concurrent } : {}),
      ...(unknownAge.length > 0 ? { transactionsOfUnknownAge: unknownAge.map(sessionEvidence) } : {}),
      ...(note ? { note } : {}),
    }
    if (idle.length === 0 && long.length === 0 && unknownAge.length > 0) {
      const n = unknownAge.length
      return {
        status: 'warn',
        summary:
          `No visible transaction is open longer than ${formatSeconds(longTransactionSeconds)}, but ${n} session${n === 1 ? '' : 's'} of other roles (${describePids(unknownAge)}) ${n === 1 ? 'is' : 'are'} inside a transaction ` +
          `whose age and state the preflight login may not see: ${n === 1 ? 'it' : 'any of them'} could be idle in a transaction for hours.`,
        mitigation: `${SEE_ALL_SESSIONS} Until then, check pg_stat_activity for these pids as a superuser before migrating.`,
        evidence,
      }
    }
    if (idle.length === 0 && long.length === 0) {
      return {
        status: 'pass',
        summary: `No transaction open longer than ${formatSeconds(longTransactionSeconds)} and none idle in a transaction longer than ${formatSeconds(idleInTransactionSeconds)}.${note ? ' Sessions of other roles are hidden from the preflight login, but pg_locks shows none of them inside a transaction.' : ''}`,
        evidence,
      }
    }
    return grade(idle, long, concurrent, evidence)
  },
})

/** Fails on idle transactions, and on long ones when a pending CONCURRENTLY statement would wait for them; warns otherwise. */
function grade(idle: readonly SessionInfo[], long: readonly SessionInfo[], concurrent: string | undefined, evidence: Record<string, unknown>): LiveOutcome {
  const parts: string[] = []
  if (idle.length > 0) parts.push(`${idle.length} session${idle.length === 1 ? ' is' : 's are'} idle in a transaction: ${idle.map(describeSession).join('; ')}`)
  if (long.length > 0) parts.push(`${long.length} transaction${long.length === 1 ? ' has' : 's have'} been open a long time: ${long.map(describeSession).join('; ')}`)
  const consequence = concurrent
    ? ` ${concurrent} waits for every older transaction to end, so it will hang until they do.`
    : ' They hold their locks and keep vacuum from cleaning up until they end.'
  const mitigation =
    'Find the owner from application and client address and have them COMMIT or ROLLBACK. If a session is abandoned, SELECT pg_terminate_backend(pid) ends it and rolls its transaction back ' +
    '(pg_cancel_backend does nothing to an idle session). Set idle_in_transaction_session_timeout so abandoned sessions end on their own. See runbook/long-transactions.md.'
  const status = idle.length > 0 || concurrent ? 'fail' : 'warn'
  return { status, summary: `${parts.join('. ')}.${consequence}`, mitigation, evidence }
}

/** The first pending concurrent index build, which waits for every older transaction in the database, described. */
function usesConcurrentBuild(ctx: LiveContext): string | undefined {
  for (const file of ctx.pending) {
    for (const stmt of file.parsed.statements) {
      const n = stmt.node
      const isConcurrent =
        (stmt.kind === 'IndexStmt' && n.concurrent) ||
        (stmt.kind === 'ReindexStmt' && (n.params ?? []).some((p: any) => p.DefElem?.defname === 'concurrently'))
      if (isConcurrent) return `The CONCURRENTLY statement at ${file.migration.path}:${stmt.line}:${stmt.col}`
    }
  }
  return undefined
}
