import { defineStaticRule } from '../../engine/define.js'
import { droppedTables, tableLabel } from '../../dialects/mysql/statements.js'
import { reportMysqlDestructive } from './support/mysql-backup.js'
import { isCreatedEarlier } from './support/mysql-pending.js'

/**
 * DROP TABLE deletes the table and every row in it. MySQL commits DDL at once, so not even a
 * transaction around the migration brings it back; only a backup does. A table the pending set
 * created itself holds no older data and is not reported.
 */
export default defineStaticRule({
  id: 'mysql-no-drop-table',
  title: 'Tables are not dropped without a backup (MySQL)',
  severity: 'error',
  dialects: ['mysql'],
  run(ctx) {
    for (const ref of ctx.statements('drop')) {
      const tables = droppedTables(ref.stmt).filter((t) => !isCreatedEarlier(ctx, ref, t))
      if (tables.length === 0) continue
      const names = tables.map(tableLabel)
      const first = tables[0]!
      reportMysqlDestructive(
        ctx,
        ref,
        {
          message: `DROP TABLE deletes ${names.join(', ')} and all ${tables.length === 1 ? 'its' : 'their'} rows; MySQL commits it at once, so the data is gone unless there is a backup.`,
          mitigation: `Rename the table instead (RENAME TABLE ${tableLabel(first)} TO ${first.table}_deprecated) and drop it in a later release once nothing reads it; or copy it first (CREATE TABLE ${first.table}_backup LIKE ${tableLabel(first)}; INSERT INTO ${first.table}_backup SELECT * FROM ${tableLabel(first)}) or record the backup with -- preflight:backup <reference>.`,
          help: 'DDL in MySQL cannot be rolled back: keep the data until the application has shipped without the table, then drop it with a recorded backup.',
          evidence: { tables: names },
          tables: names,
        },
        { tables },
      )
    }
  },
})
