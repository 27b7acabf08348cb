import { executedStatements, isInProcedure, viaSuffix } from './support/executed-sql.js'
import { defineStaticRule, type StatementRef, type StaticContext } from '../../engine/define.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { indexTableBefore, isConcurrentReindex, lockEvidence } from './support/locking.js'
import { displayKey, quoteIdent, relationOf } from './support/sql-names.js'
import { gradeLargest, INDEX_KEY_PREFIX, withSize } from './support/table-size.js'
import { isInTransaction, noTransactionAdvice, transactionOf } from './support/transactions.js'

const KIND_WORDS: Readonly<Record<string, string>> = {
  REINDEX_OBJECT_INDEX: 'INDEX',
  REINDEX_OBJECT_TABLE: 'TABLE',
  REINDEX_OBJECT_SCHEMA: 'SCHEMA',
  REINDEX_OBJECT_DATABASE: 'DATABASE',
  REINDEX_OBJECT_SYSTEM: 'SYSTEM',
}

/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const SEVERITY = 'error'

/**
 * REINDEX without CONCURRENTLY locks the table against writes (SHARE) and each index it rebuilds
 * against every use (ACCESS EXCLUSIVE); since queries plan with every index of their table, reads
 * wait too (https://www.postgresql.org/docs/current/sql-reindex.html). CONCURRENTLY exists from
 * PostgreSQL 12; before that the way out is building a replacement index concurrently.
 */
export default defineStaticRule({
  id: 'require-concurrent-reindex',
  title: 'Rebuild indexes without blocking the table',
  category: 'locks',
  severity: SEVERITY,
  run(ctx) {
    // Statements inside DO blocks and called functions rebuild indexes too.
    for (const ref of executedStatements(ctx, 'ReindexStmt')) {
      const n = ref.node
      if (isConcurrentReindex(n)) continue
      const kind = KIND_WORDS[String(n.kind)] ?? 'INDEX'
      const object = relationOf(n.relation)
      const table = kind === 'TABLE' ? object?.key : kind === 'INDEX' && object ? indexTableBefore(ctx, ref, object.key) : undefined
      if (table && isCreatedBefore(ctx, ref, table)) continue
      const sqlTarget = object?.display ?? (n.name ? quoteIdent(String(n.name)) : '')
      const target = sqlTarget || 'the current database'
      const lock = 'SHARE'
      // REINDEX INDEX names no table: unless the pending set created the index, its table's size is read by index name.
      const sized = table ?? (kind === 'INDEX' && object ? `${INDEX_KEY_PREFIX}${object.key}` : undefined)
      // SCHEMA, DATABASE and SYSTEM name no table: they keep the rule's severity.
      const grade = gradeLargest(ctx, sized ? [sized] : [], SEVERITY)
      const where =
        kind === 'INDEX'
          ? `${withSize(table ? displayKey(table) : `the table of ${target}`, grade)} and an ACCESS EXCLUSIVE lock on index ${target}`
          : kind === 'TABLE'
            ? `${withSize(target, grade)} and an ACCESS EXCLUSIVE lock on each of its indexes`
            : `every table in ${kind.toLowerCase()} ${target} in turn, and ACCESS EXCLUSIVE on each index`
      ctx.report(ref, {
        message: `REINDEX ${kind} takes a ${lock} lock on ${where}${viaSuffix(ref)}: writes are blocked, and so are queries that plan with the indexes, until the rebuild finishes.`,
        severity: grade.severity,
        mitigation: mitigationFor(ctx.postgresVersion, kind, sqlTarget) + transactionNote(ctx, ref, kind),
        help:
          ctx.postgresVersion >= 12
            ? 'REINDEX CONCURRENTLY builds the new index beside the old one under SHARE UPDATE EXCLUSIVE and swaps them; a failure leaves an INVALID "_ccnew" index to drop.'
            : `PostgreSQL ${ctx.postgresVersion} has no REINDEX CONCURRENTLY (added in 12).`,
        tables: table ? [table] : [],
        lock,
        evidence: lockEvidence(ctx, lock, sized ? [sized] : [], { reindex: kind, object: object?.key ?? n.name, ...grade.evidence }),
      })
    }
  },
})

/** The safe way to rebuild, by server version and REINDEX form. */
function mitigationFor(pg: number, kind: string, target: string): string {
  if (kind === 'SYSTEM') return 'REINDEX SYSTEM cannot run concurrently: run it in a maintenance window, not in a migration.'
  if (pg >= 12) return `Use REINDEX ${kind} CONCURRENTLY${target ? ` ${target}` : ''}; outside a transaction.`
  return (
    `PostgreSQL ${pg} has no REINDEX CONCURRENTLY: build a replacement and swap it in, e.g. ` +
    'CREATE INDEX CONCURRENTLY new_idx ON <table> (<same columns>); DROP INDEX CONCURRENTLY old_idx; ALTER INDEX new_idx RENAME TO old_idx; ' +
    '(each outside a transaction).'
  )
}

/** Why CONCURRENTLY would also need the statement to leave its DO block, or the file its transaction. */
function transactionNote(ctx: StaticContext, ref: StatementRef, kind: string): string {
  if (kind === 'SYSTEM' || ctx.postgresVersion < 12) return ''
  if (isInProcedure(ref)) return ' CONCURRENTLY cannot run inside a DO block or function: move the statement to the top level of the migration.'
  if (!isInTransaction(ctx, ref)) return ''
  return ` CONCURRENTLY cannot run in a transaction (${transactionOf(ctx, ref).reason}). ${noTransactionAdvice(ctx.layout)}`
}
