import { defineStaticRule } from '../../engine/define.js'
import { tableLabel, truncatedTables } from '../../dialects/mysql/statements.js'
import { reportMysqlDestructive } from './support/mysql-backup.js'
import { isCreatedEarlier } from './support/mysql-pending.js'

/**
 * TRUNCATE TABLE empties a table at once: MySQL drops and recreates it, fires no DELETE triggers,
 * commits implicitly and cannot be rolled back.
 */
export default defineStaticRule({
  id: 'mysql-no-truncate',
  title: 'Tables are not truncated without a backup (MySQL)',
  severity: 'error',
  dialects: ['mysql'],
  run(ctx) {
    for (const ref of ctx.statements('truncate')) {
      const tables = truncatedTables(ref.stmt).filter((t) => !isCreatedEarlier(ctx, ref, t))
      if (tables.length === 0) continue
      const name = tableLabel(tables[0]!)
      reportMysqlDestructive(
        ctx,
        ref,
        {
          message: `TRUNCATE TABLE deletes every row of ${name} and commits at once; no DELETE trigger fires and nothing can roll it back.`,
          mitigation: `Delete only what must go, in batches (DELETE FROM ${name} WHERE ... LIMIT 10000); or copy it first (CREATE TABLE ${tables[0]!.table}_backup LIKE ${name}; INSERT INTO ${tables[0]!.table}_backup SELECT * FROM ${name}) or record the backup with -- preflight:backup <reference>.`,
          help: 'TRUNCATE is DDL in MySQL: it needs an exclusive metadata lock on the table and resets AUTO_INCREMENT.',
          evidence: { tables: tables.map(tableLabel) },
          tables: tables.map(tableLabel),
        },
        { tables },
      )
    }
  },
})
