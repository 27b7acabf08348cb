import { defineLiveCheck, outcome, type LiveOutcome } from '../../engine/define.js'
import { describeTransaction, isMissingProcessPrivilege, NEEDS_PROCESS_PRIVILEGE, readTransactions, transactionEvidence, type MysqlTransaction } from '../../dialects/mysql/catalog.js'
import { formatSeconds } from '../../dialects/postgres/catalog/activity.js'

/**
 * InnoDB transactions open for a long time, and sessions idle inside a transaction
 * (information_schema.innodb_trx). Each holds a metadata lock on every table it used until it
 * ends, so an ALTER TABLE on one of them waits, and every later query on that table queues behind
 * the ALTER. They also keep purge from removing old row versions (the history list grows).
 * https://dev.mysql.com/doc/refman/8.4/en/metadata-locking.html
 */
export default defineLiveCheck({
  id: 'mysql-long-transactions',
  title: 'No long-open or idle transactions (MySQL)',
  category: 'locks',
  severity: 'error',
  dialects: ['mysql'],
  async run(ctx) {
    const { longTransactionSeconds, idleInTransactionSeconds } = ctx.target.thresholds
    let open: MysqlTransaction[]
    try {
      open = await readTransactions(ctx)
    } catch (error) {
      if (isMissingProcessPrivilege(error)) return outcome.skip(NEEDS_PROCESS_PRIVILEGE)
      throw error
    }
    const idle = open.filter((t) => t.command === 'Sleep' && t.stateSeconds > idleInTransactionSeconds && t.ageSeconds > idleInTransactionSeconds)
    const long = open.filter((t) => !idle.includes(t) && t.ageSeconds > longTransactionSeconds)
    const evidence = {
      thresholds: { longTransactionSeconds, idleInTransactionSeconds },
      openTransactions: open.length,
      idleInTransaction: idle.map(transactionEvidence),
      longTransactions: long.map(transactionEvidence),
    }
    if (idle.length === 0 && long.length === 0) {
      return {
        status: 'pass',
        summary: `No transaction open longer than ${formatSeconds(longTransactionSeconds)} and none idle in a transaction longer than ${formatSeconds(idleInTransactionSeconds)} (${open.length} open now).`,
        evidence,
      }
    }
    return grade(idle, long, evidence)
  },
})

/** Fails on sessions idle in a transaction (nobody is coming back to end it); warns on long-running ones. */
function grade(idle: readonly MysqlTransaction[], long: readonly MysqlTransaction[], evidence: Record<string, unknown>): LiveOutcome {
  const parts: string[] = []
  if (idle.length > 0) parts.push(`${idle.length} session${idle.length === 1 ? ' is' : 's are'} idle in a transaction: ${idle.map(describeTransaction).join('; ')}`)
  if (long.length > 0) parts.push(`${long.length} transaction${long.length === 1 ? ' has' : 's have'} been open a long time: ${long.map(describeTransaction).join('; ')}`)
  const first = idle[0] ?? long[0]!
  return {
    status: idle.length > 0 ? 'fail' : 'warn',
    summary: `${parts.join('. ')}. Each holds metadata locks on the tables it used until it ends: an ALTER TABLE on them waits, and every later query on the table queues behind the ALTER.`,
    mitigation:
      `Find the owner from user and host and have them COMMIT or ROLLBACK. If a session is abandoned, KILL ${first.threadId} ends it and rolls its transaction back ` +
      '(KILL QUERY only stops a running statement). Set wait_timeout so abandoned sessions end on their own, and run the migration with a short lock_wait_timeout. See runbook/mysql-long-transactions.md.',
    evidence,
  }
}
