import { defineStaticRule, type StaticContext } from '../../engine/define.js'
import { executedStatements, isInProcedure, viaSuffix, type ExecutedStatement } from './support/executed-sql.js'
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
    // Read with the same helper as the live lock-queue-safety check, so both agree on what each file sets.
    const stepsOf = new Map(ctx.files.map((file) => [file, lockTimeoutSteps(file.parsed.statements, file.migration.runsInTransaction)]))
    // Top-level statements whose DO block or function sets lock_timeout itself, from that point on.
    const setInside = new Set<object>()
    // What DO blocks and called functions run waits for locks too.
    for (const ref of executedStatements(ctx)) {
      if (isInProcedure(ref) && setsLockTimeout(ref)) setInside.add(ref.stmt)
      const step = stepsOf.get(ref.file)?.[ref.stmt.index]
      if (!step || (step.before && step.before.ms > 0) || setInside.has(ref.stmt) || (ref.kind === 'LockStmt' && ref.node.nowait)) continue
      const strong = existingLocks(ctx, ref).filter((l) => isAtLeast(l.lock, 'SHARE'))
      if (strong.length > 0) report(ctx, ref, strong, step.ignoredLocal?.line)
    }
  },
})

/** Whether a statement run by procedural code sets a non-zero lock_timeout (SET or SET LOCAL). */
function setsLockTimeout(ref: ExecutedStatement): boolean {
  const n = ref.node
  if (ref.kind !== 'VariableSetStmt' || String(n.name).toLowerCase() !== 'lock_timeout') return false
  const value = n.args?.[0]?.A_Const
  if (typeof value?.sval?.sval === 'string') return !/^0\s*(ms|s|min)?$/i.test(value.sval.sval.trim())
  return (value?.ival?.ival ?? 0) !== 0
}

/** Reports one statement that can queue traffic behind its lock. */
function report(ctx: StaticContext, ref: ExecutedStatement, locks: readonly ExistingLock[], ineffectiveLocalLine: number | undefined): void {
  const lock = locks.map((l) => l.lock).reduce(strongerLock)
  const tables = locks.map((l) => l.display).join(', ')
  const keys = locks.filter((l) => l.isKnown).map((l) => l.key)
  ctx.report(ref, {
    message:
      `${commandName(ref)} waits for ${lockWithArticle(lock)} lock on ${tables} with no lock_timeout${viaSuffix(ref)}: ` +
      `while it waits behind a running query, every new ${lock === 'ACCESS EXCLUSIVE' ? 'query' : 'write'} on ${locks.length > 1 ? 'them' : 'the table'} queues behind it.` +
      (ineffectiveLocalLine ? ` SET LOCAL lock_timeout at line ${ineffectiveLocalLine} does nothing outside a transaction block.` : ''),
    mitigation: "Start the file with SET lock_timeout = '5s'; (any short, non-zero value) so the statement gives up instead of stalling traffic, and retry the migration later if it does.",
    help: 'lock_timeout bounds only the wait for the lock; statement_timeout would also cut off the work itself.',
    tables: keys,
    lock,
    evidence: lockEvidence(ctx, lock, keys),
  })
}
