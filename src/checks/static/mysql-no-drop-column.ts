import { defineStaticRule } from '../../engine/define.js'
import { alterItems, alteredTable, tableLabel } from '../../dialects/mysql/statements.js'
import { reportMysqlDestructive } from './support/mysql-backup.js'
import { isCreatedEarlier } from './support/mysql-pending.js'

/**
 * ALTER TABLE ... DROP COLUMN deletes the column's values in every row, and the application
 * version still running may read or write it. MySQL commits the change at once.
 */
export default defineStaticRule({
  id: 'mysql-no-drop-column',
  title: 'Columns are not dropped while code may use them (MySQL)',
  severity: 'error',
  dialects: ['mysql'],
  run(ctx) {
    for (const ref of ctx.statements('alter')) {
      const table = alteredTable(ref.stmt)
      if (!table || isCreatedEarlier(ctx, ref, table)) continue
      const columns = alterItems(ref.stmt)
        .filter((i) => i.action === 'drop' && i.resource === 'column')
        .map((i) => String(i.column?.column ?? '?'))
      if (columns.length === 0) continue
      const name = tableLabel(table)
      const list = columns.join(', ')
      reportMysqlDestructive(
        ctx,
        ref,
        {
          message: `DROP COLUMN deletes ${list} from every row of ${name}; MySQL commits it at once, and application code still reading ${columns.length === 1 ? 'it' : 'them'} fails with "Unknown column".`,
          mitigation: `Ship code that no longer uses ${list} first, then drop ${columns.length === 1 ? 'it' : 'them'} in a later migration; copy the values first (CREATE TABLE ${table.table}_${columns[0]}_backup AS SELECT <primary key>, ${columns[0]} FROM ${name}) or record the backup with -- preflight:backup <reference>.`,
          help: 'Expand and contract: stop using the column, deploy, then drop it. MySQL 8.0.29+ and MariaDB 10.4+ drop a column instantly (ALGORITHM=INSTANT); older servers rebuild the table.',
          evidence: { table: name, columns },
          tables: [name],
        },
        { tables: [table], columns },
      )
    }
  },
})
