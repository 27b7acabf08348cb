import { defineStaticRule, type StatementRef, type StaticContext } from '../../engine/define.js'
import { lockTimeoutSteps } from '../../dialects/postgres/lock-timeout.js'
import { commandName } from './support/commands.js'
import { existingLocks, isAtLeast, lockEvidence, lockWithArticle, type ExistingLock } from './support/locking.js'
import { strongerLock } from '../../dialects/postgres/locks.js'

/**
 * A statement that needs a strong lock (SHARE or stronger) waits for every conflicting lock, and
 * while it waits every later query on the table queues behind it: a long SELECT plus a migration
 * is an outage. `SET lock_timeout` earlier in the file makes it fail fast instead
 * (https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LOCK-TIMEOUT).
 */
export default defineStaticRule({
  id: 'require-lock-timeout',
  title: 'Set lock_timeout before taking strong locks',
  category: 'locks',
  severity: 'error',
  run(ctx) {
    for (const file of ctx.files) {
      // Read with the same helper as the live lock-queue-safety check, so both agree on what the file sets.
      const steps = lockTimeoutSteps(file.parsed.statements, file.migration.runsInTransaction)
      for (const [i, stmt] of file.parsed.statements.entries()) {
        const step = steps[i]!
        if ((step.before && step.before.ms > 0) || (stmt.kind === 'LockStmt' && stmt.node.nowait)) continue
        const ref: StatementRef = { file, stmt }
        const strong = existingLocks(ctx, ref).filter((l) => isAtLeast(l.lock, 'SHARE'))
        if (strong.length > 0) report(ctx, ref, strong, step.ignoredLocal?.line)
      }
    }
  },
})

/** Reports one statement that can queue traffic behind its lock. */
function report(ctx: StaticContext, ref: StatementRef, locks: readonly ExistingLock[], ineffectiveLocalLine: number | undefined): void {
  const lock = locks.map((l) => l.lock).reduce(strongerLock)
  const tables = locks.map((l) => l.display).join(', ')
  const keys = locks.filter((l) => l.isKnown).map((l) => l.key)
  ctx.report(ref, {
    message:
      `${commandName(ref.stmt)} waits for ${lockWithArticle(lock)} lock on ${tables} with no lock_timeout: ` +
      `while it waits behind a running query, every new ${lock === 'ACCESS EXCLUSIVE' ? 'query' : 'write'} on ${locks.length > 1 ? 'them' : 'the table'} queues behind it.` +
      (ineffectiveLocalLine ? ` SET LOCAL lock_timeout at line ${ineffectiveLocalLine} does nothing outside a transaction block.` : ''),
    mitigation: "Start the file with SET lock_timeout = '5s'; (any short, non-zero value) so the statement gives up instead of stalling traffic, and retry the migration later if it does.",
    help: 'lock_timeout bounds only the wait for the lock; statement_timeout would also cut off the work itself.',
    tables: keys,
    lock,
    evidence: lockEvidence(ctx, lock, keys),
  })
}
