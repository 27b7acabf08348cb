/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { executedStatements, isInProcedure, viaSuffix } from './support/executed-sql.js'
import { defineStaticRule } from '../../engine/define.js'
import type { Statement } from '../../dialects/postgres/parser.js'
import { isTrueOption } from '../../dialects/postgres/locks.js'
import { isConcurrentReindex } from './support/locking.js'
import { noTransactionAdvice, transactionOf } from './support/transactions.js'

/**
 * Commands PostgreSQL refuses inside a transaction block (PreventInTransactionBlock, SQLSTATE
 * 25001): the CONCURRENTLY forms, VACUUM, CREATE/DROP DATABASE, ALTER SYSTEM and a few more.
 * Checked on PostgreSQL 15 and 18; REFRESH MATERIALIZED VIEW CONCURRENTLY and ANALYZE are allowed.
 */
export default defineStaticRule({
  id: 'concurrently-in-transaction',
  title: 'Run non-transactional commands outside a transaction',
  category: 'static-analysis',
  severity: 'error',
  run(ctx) {
    for (const ref of executedStatements(ctx)) {
      // A set lookup, not executedStatements' kinds: merging thirteen kinds back into order cost more than the rule.
      if (!NON_TRANSACTIONAL_KINDS.has(ref.kind)) continue
      const command = nonTransactionalCommand(ref)
      if (!command) continue
      if (isInProcedure(ref)) {
        // A DO block or function always runs in a transaction, whatever the file does.
        ctx.report(ref, {
          message: `${command} cannot run inside a DO block or function${viaSuffix(ref)}: the migration fails at this statement (SQLSTATE 25001).`,
          mitigation: `Move it to the top level of the migration (with IF NOT EXISTS / IF EXISTS for the re-run safety the block gave). ${noTransactionAdvice(ctx.layout)}`,
          help: 'PostgreSQL runs these commands in several transactions of their own (or they cannot be rolled back), so it refuses them where a transaction is already open.',
          evidence: { command, via: ref.via ?? '' },
        })
        continue
      }
      const tx = transactionOf(ctx, ref)
      if (tx.kind === 'none') continue
      ctx.report(ref, {
        message: `${command} cannot run inside a transaction block, and ${tx.reason}: the migration fails at this statement (SQLSTATE 25001).`,
        mitigation: tx.kind === 'explicit' ? `Move it out of the BEGIN ... COMMIT block. ${noTransactionAdvice(ctx.layout)}` : noTransactionAdvice(ctx.layout),
        help: 'PostgreSQL runs these commands in several transactions of their own (or they cannot be rolled back), so it refuses them inside one.',
        evidence: { command, transaction: tx.reason, layout: ctx.layout ?? 'unknown' },
      })
    }
  },
})

/** The statement kinds nonTransactionalCommand can name. */
const NON_TRANSACTIONAL_KINDS = new Set([
  'IndexStmt',
  'DropStmt',
  'ReindexStmt',
  'AlterTableStmt',
  'VacuumStmt',
  'ClusterStmt',
  'CreatedbStmt',
  'DropdbStmt',
  'AlterSystemStmt',
  'CreateTableSpaceStmt',
  'DropTableSpaceStmt',
  'AlterDatabaseStmt',
  'CreateSubscriptionStmt',
])

/** The command name when the statement cannot run in a transaction block, else undefined. */
export function nonTransactionalCommand(stmt: Pick<Statement, 'kind' | 'node'>): string | undefined {
  const n = stmt.node
  switch (stmt.kind) {
    case 'IndexStmt':
      return n.concurrent ? 'CREATE INDEX CONCURRENTLY' : undefined
    case 'DropStmt':
      return n.concurrent ? 'DROP INDEX CONCURRENTLY' : undefined
    case 'ReindexStmt':
      if (isConcurrentReindex(n)) return 'REINDEX CONCURRENTLY'
      if (n.kind === 'REINDEX_OBJECT_SCHEMA') return 'REINDEX SCHEMA'
      if (n.kind === 'REINDEX_OBJECT_DATABASE') return 'REINDEX DATABASE'
      if (n.kind === 'REINDEX_OBJECT_SYSTEM') return 'REINDEX SYSTEM'
      return undefined
    case 'AlterTableStmt':
      return (n.cmds ?? []).some((c: any) => c.AlterTableCmd?.subtype === 'AT_DetachPartition' && c.AlterTableCmd.def?.PartitionCmd?.concurrent)
        ? 'ALTER TABLE ... DETACH PARTITION CONCURRENTLY'
        : undefined
    case 'VacuumStmt':
      return n.is_vacuumcmd ? 'VACUUM' : undefined
    case 'ClusterStmt':
      // CLUSTER with no table reclusters every clustered table, one transaction each.
      return n.relation ? undefined : 'CLUSTER without a table name'
    case 'CreatedbStmt':
      return 'CREATE DATABASE'
    case 'DropdbStmt':
      return 'DROP DATABASE'
    case 'AlterSystemStmt':
      return 'ALTER SYSTEM'
    case 'CreateTableSpaceStmt':
      return 'CREATE TABLESPACE'
    case 'DropTableSpaceStmt':
      return 'DROP TABLESPACE'
    case 'AlterDatabaseStmt':
      return (n.options ?? []).some((o: any) => o.DefElem?.defname === 'tablespace') ? 'ALTER DATABASE SET TABLESPACE' : undefined
    case 'CreateSubscriptionStmt': {
      // Creating the replication slot (the default) cannot be rolled back.
      const createSlot = (n.options ?? []).find((o: any) => o.DefElem?.defname === 'create_slot')?.DefElem
      const connect = (n.options ?? []).find((o: any) => o.DefElem?.defname === 'connect')?.DefElem
      return (createSlot ? isTrueOption(createSlot) : true) && (connect ? isTrueOption(connect) : true) ? 'CREATE SUBSCRIPTION (with create_slot)' : undefined
    }
    default:
      return undefined
  }
}
