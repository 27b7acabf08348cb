/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { executedStatements, isInProcedure, viaSuffix } from './support/executed-sql.js'
import { defineStaticRule } from '../../engine/define.js'
import { indexTableBefore, lockEffect, lockEvidence } from './support/locking.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { displayKey, qualifiedNameOf, type RelationRef } from './support/sql-names.js'
import { isInTransaction, noTransactionAdvice, transactionOf } from './support/transactions.js'

/**
 * DROP INDEX without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on the index's table: it first
 * waits behind every running query on the table, and everything queues behind it
 * (https://www.postgresql.org/docs/current/sql-dropindex.html).
 */
export default defineStaticRule({
  id: 'require-concurrent-drop-index',
  title: 'Drop indexes without blocking the table',
  category: 'locks',
  severity: 'error',
  run(ctx) {
    // Statements inside DO blocks and called functions drop indexes too.
    for (const ref of executedStatements(ctx, 'DropStmt')) {
      const n = ref.node
      if (n.removeType !== 'OBJECT_INDEX' || n.concurrent) continue
      const indexes: RelationRef[] = (n.objects ?? []).flatMap((o: any) => {
        const index = qualifiedNameOf(o?.List?.items)
        return index ? [index] : []
      })
      // An index on a table created earlier in the pending set blocks nobody.
      const blocking = indexes.filter((index) => {
        const table = indexTableBefore(ctx, ref, index.key)
        return !table || !isCreatedBefore(ctx, ref, table)
      })
      if (blocking.length === 0) continue
      const lock = 'ACCESS EXCLUSIVE'
      const tables = blocking.flatMap((index) => {
        const table = indexTableBefore(ctx, ref, index.key)
        return table ? [table] : []
      })
      const where = tables.length > 0 ? tables.map(displayKey).join(', ') : `the table of ${blocking.map((i) => i.display).join(', ')}`
      const ifExists = n.missing_ok ? 'IF EXISTS ' : ''
      const inProcedure = isInProcedure(ref)
      const safe = blocking.map((index) => `DROP INDEX CONCURRENTLY ${inProcedure ? 'IF EXISTS ' : ifExists}${index.display};`).join(' ')
      ctx.report(ref, {
        message: `DROP INDEX takes an ${lock} lock on ${where}${viaSuffix(ref)}: ${lockEffect(lock)} while it waits for running queries and while it drops.`,
        mitigation: inProcedure
          ? `Move it out of the procedural code, to the top level of the migration: ${safe} CONCURRENTLY cannot run inside a DO block or function, and IF EXISTS keeps the re-run safety the block gave.`
          : `Use ${safe} (one index per statement, without CASCADE).` +
            (isInTransaction(ctx, ref) ? ` CONCURRENTLY cannot run in a transaction (${transactionOf(ctx, ref).reason}). ${noTransactionAdvice(ctx.layout)}` : ''),
        help: 'DROP INDEX CONCURRENTLY waits for queries using the index to finish without blocking reads or writes of the table.',
        tables,
        lock,
        evidence: lockEvidence(ctx, lock, tables, { indexes: blocking.map((i) => i.key) }),
      })
    }
  },
})
