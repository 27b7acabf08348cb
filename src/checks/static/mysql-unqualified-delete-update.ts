import { defineStaticRule, type StatementRef, type StaticContext } from '../../engine/define.js'
import { changedRows, tableLabel, updatedColumns } from '../../dialects/mysql/statements.js'
import { reportMysqlDestructive } from './support/mysql-backup.js'
import { isColumnAddedEarlier, isCreatedEarlier } from './support/mysql-pending.js'

/**
 * DELETE or UPDATE without WHERE changes every row of the table, usually by mistake, and InnoDB
 * keeps a lock on each row until the statement commits (LIMIT alone picks arbitrary rows). An
 * UPDATE that only fills columns the pending set added (a backfill) overwrites no existing data,
 * as in the PostgreSQL rule no-unqualified-delete-update.
 */
export default defineStaticRule({
  id: 'mysql-unqualified-delete-update',
  title: 'DELETE and UPDATE say which rows (MySQL)',
  severity: 'error',
  dialects: ['mysql'],
  run(ctx) {
    for (const ref of ctx.statements(['delete', 'update'])) {
      const change = changedRows(ref.stmt)
      if (!change || change.hasWhere || isCreatedEarlier(ctx, ref, change.table) || isBackfill(ctx, ref)) continue
      const name = tableLabel(change.table)
      const hasLimit = ref.stmt.node.limit?.value?.length > 0
      const scope = hasLimit ? `arbitrary rows of ${name} (LIMIT without WHERE)` : `every row of ${name}`
      reportMysqlDestructive(
        ctx,
        ref,
        {
          message:
            change.verb === 'DELETE'
              ? `DELETE without WHERE deletes ${scope}, locking each row until it commits.`
              : `UPDATE without WHERE overwrites ${scope}, locking each row until it commits; the old values are gone.`,
          mitigation: `Add a WHERE clause naming the rows (WHERE 1 = 1 if every row is meant), and change large tables in batches by key range (WHERE id BETWEEN ... AND ...); copy the rows first or record the backup with -- preflight:backup <reference>.`,
          help: 'A DELETE or UPDATE without WHERE is a common accident. Writing the condition, even WHERE 1 = 1, shows the change was intended.',
          evidence: { table: name, statement: change.verb, limit: hasLimit },
          tables: [name],
        },
        { tables: [change.table] },
      )
    }
  },
})

/** True for an UPDATE that only sets columns added earlier in the pending set. */
function isBackfill(ctx: StaticContext, ref: StatementRef): boolean {
  const columns = updatedColumns(ref.stmt)
  return columns.length > 0 && columns.every((c) => isColumnAddedEarlier(ctx, ref, c.table, c.column))
}
