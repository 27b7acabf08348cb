import { defineStaticRule, type StatementRef, type StaticContext } from '../../engine/define.js'
import { commandName } from './support/commands.js'
import { executedStatements, isInProcedure, type ExecutedStatement } from './support/executed-sql.js'
import { existingLocks, lockEvidence, type ExistingLock } from './support/locking.js'
import { relationOf } from './support/sql-names.js'
import { transactionOf } from './support/transactions.js'

/**
 * Locks are held until the transaction ends. A transaction that takes ACCESS EXCLUSIVE on one
 * existing table and then waits for another keeps the first one blocked for the whole wait, and
 * two such migrations (or a migration and the application) taking them in another order deadlock
 * (https://www.postgresql.org/docs/current/explicit-locking.html#LOCKING-DEADLOCKS).
 */
export default defineStaticRule({
  id: 'one-access-exclusive-per-transaction',
  title: 'Lock at most one existing table ACCESS EXCLUSIVE per transaction',
  category: 'locks',
  severity: 'warning',
  run(ctx) {
    // Per transaction: the tables locked so far (first statement for each), whether reported, and
    // the names tables were renamed to in it (a renamed table is still the one already locked).
    const seen = new Map<string, { tables: Map<string, { lock: ExistingLock; ref: StatementRef }>; isReported: boolean; renamed: Map<string, string> }>()
    // What DO blocks and called functions run takes locks too, held until the transaction ends.
    for (const ref of executedStatements(ctx)) {
      const tx = transactionOrBlock(ctx, ref)
      if (!tx) continue
      const state = seen.get(tx.id) ?? { tables: new Map(), isReported: false, renamed: new Map() }
      seen.set(tx.id, state)
      for (const lock of existingLocks(ctx, ref)) {
        const key = state.renamed.get(lock.key) ?? lock.key
        // A DROP INDEX whose table is unknown may hit a table already counted: skip it.
        if (lock.lock !== 'ACCESS EXCLUSIVE' || !lock.isKnown || state.tables.has(key)) continue
        state.tables.set(key, { lock, ref })
        if (state.tables.size < 2 || state.isReported) continue
        state.isReported = true
        const [first, second] = [...state.tables.values()]
        const where = (r: StatementRef): string => {
          const line = r.span?.line ?? r.stmt.line
          return r.file === ref.file ? `line ${line}` : `${r.file.migration.path}:${line}`
        }
        ctx.report(ref, {
          message:
            `This transaction already holds an ACCESS EXCLUSIVE lock on ${first!.lock.display} (${where(first!.ref)}) and now takes one on ${second!.lock.display}: ` +
            `reads and writes of ${first!.lock.display} stay blocked while it waits, and the same locks taken in another order elsewhere deadlock.`,
          mitigation: `Change one table per transaction: split the statements into separate migrations (or separate BEGIN ... COMMIT blocks), with SET lock_timeout in each.`,
          help: `Why this is one transaction: ${tx.reason}.`,
          tables: [...state.tables.keys()],
          lock: 'ACCESS EXCLUSIVE',
          evidence: lockEvidence(
            ctx,
            'ACCESS EXCLUSIVE',
            [...state.tables.keys()],
            { transaction: tx.reason },
          ),
        })
      }
      const rename = tableRename(ref)
      if (rename) state.renamed.set(rename.to, state.renamed.get(rename.from) ?? rename.from)
    }
  },
})

/**
 * The transaction the statement runs in; for one inside a DO block or function outside any
 * transaction, that top-level statement's own (it runs as one statement); undefined for none.
 */
function transactionOrBlock(ctx: StaticContext, ref: ExecutedStatement): { readonly id: string; readonly reason: string } | undefined {
  const tx = transactionOf(ctx, ref)
  if (tx.kind !== 'none') return tx
  if (!isInProcedure(ref)) return undefined
  return { id: `statement ${ref.file.migration.path}:${ref.stmt.index}`, reason: `the ${commandName(ref.stmt)} at line ${ref.stmt.line} runs as one statement, in one transaction` }
}

/** The old and new key of a table that `ALTER TABLE ... RENAME TO` renames, or undefined. */
function tableRename(ref: ExecutedStatement): { from: string; to: string } | undefined {
  const n = ref.node
  if (ref.kind !== 'RenameStmt' || n.renameType !== 'OBJECT_TABLE' || typeof n.newname !== 'string') return undefined
  const from = relationOf(n.relation)
  return from ? { from: from.key, to: `${from.key.slice(0, from.key.lastIndexOf('.'))}.${n.newname}` } : undefined
}
