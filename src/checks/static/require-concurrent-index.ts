import { defineStaticRule } from '../../engine/define.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { executedStatements, isInProcedure, viaSuffix } from './support/executed-sql.js'
import { lockEffect, lockEvidence } from './support/locking.js'
import { relationOf } from './support/sql-names.js'
import { gradeBySize, withSize } from './support/table-size.js'
import { isInTransaction, noTransactionAdvice, transactionOf } from './support/transactions.js'

/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const SEVERITY = 'error'

/**
 * CREATE INDEX without CONCURRENTLY holds a SHARE lock on the table for the whole build, so every
 * INSERT, UPDATE and DELETE waits (https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY).
 * A table created earlier in the pending set is new and empty: nobody is blocked.
 */
export default defineStaticRule({
  id: 'require-concurrent-index',
  title: 'Create indexes without blocking writes',
  category: 'locks',
  severity: SEVERITY,
  run(ctx) {
    // Statements inside DO blocks and called functions build indexes too.
    for (const ref of executedStatements(ctx, 'IndexStmt')) {
      const n = ref.node
      const table = relationOf(n.relation)
      // ON ONLY a partitioned parent builds nothing: it creates an invalid index to attach partitions to.
      if (!table || n.concurrent || !n.relation?.inh || isCreatedBefore(ctx, ref, table.name)) continue
      const lock = 'SHARE'
      const wrapped = isInTransaction(ctx, ref)
      const grade = gradeBySize(ctx, table.key, SEVERITY)
      ctx.report(ref, {
        message: `CREATE INDEX takes a ${lock} lock on ${withSize(table.display, grade)}${viaSuffix(ref)}: ${lockEffect(lock)} until the build finishes.`,
        severity: grade.severity,
        mitigation: isInProcedure(ref)
          ? `Move it out of the procedural code, to the top level of the migration: ${concurrentText(ref.text, true)}; CONCURRENTLY cannot run inside a DO block or function, and IF NOT EXISTS keeps the re-run safety the block gave.`
          : `Build it without blocking writes: ${concurrentText(ref.text)};` +
            (wrapped ? ` CONCURRENTLY cannot run in a transaction (${transactionOf(ctx, ref).reason}). ${noTransactionAdvice(ctx.layout)}` : ''),
        help: 'CREATE INDEX CONCURRENTLY takes a SHARE UPDATE EXCLUSIVE lock instead: reads and writes continue while it builds. If it fails it leaves an INVALID index: drop it and retry.',
        tables: [table.key],
        lock,
        evidence: lockEvidence(ctx, lock, [table.key], grade.evidence),
      })
    }
  },
})

/** The statement with CONCURRENTLY (and IF NOT EXISTS, when asked and missing) added after CREATE [UNIQUE] INDEX. */
function concurrentText(text: string, ifNotExists = false): string {
  const match = /^(create\s+(?:unique\s+)?index)\b/i.exec(text)
  if (!match) return ifNotExists ? 'CREATE INDEX CONCURRENTLY IF NOT EXISTS ...' : 'CREATE INDEX CONCURRENTLY ...'
  const rest = text.slice(match[1]!.length)
  return `${match[1]} CONCURRENTLY${ifNotExists && !/^\s+if\s+not\s+exists\b/i.test(rest) ? ' IF NOT EXISTS' : ''}${rest}`
}
