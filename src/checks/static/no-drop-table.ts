import { defineStaticRule } from '../../engine/define.js'
import { objectNames } from '../../dialects/postgres/locks.js'
import { reportDestructive } from './support/backup-evidence.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { executedStatements, viaSuffix } from './support/executed-sql.js'
import { displayName, lockFields } from './support/statement-facts.js'

/**
 * DROP TABLE deletes the table and every row in it; only a backup brings them back.
 * A table the pending set created itself holds no older data, so dropping it is not reported.
 */
export default defineStaticRule({
  id: 'no-drop-table',
  title: 'Tables are not dropped without a backup',
  severity: 'error',
  run(ctx) {
    for (const exec of executedStatements(ctx, 'DropStmt')) {
      if (exec.node.removeType !== 'OBJECT_TABLE') continue
      const tables = objectNames(exec.node.objects).filter((t) => !isCreatedBefore(ctx, exec, t))
      if (tables.length === 0) continue
      const names = tables.map(displayName).join(', ')
      const isCascade = exec.node.behavior === 'DROP_CASCADE'
      const cascade = isCascade ? ' CASCADE also drops every view, foreign key and other object that depends on it.' : ''
      reportDestructive(
        ctx,
        exec,
        {
          message: `DROP TABLE deletes ${names} and all ${tables.length === 1 ? 'its' : 'their'} rows under an ACCESS EXCLUSIVE lock${viaSuffix(exec)}; the data is gone unless there is a backup.${cascade}`,
          mitigation: `Rename the table instead (ALTER TABLE ${displayName(tables[0]!)} RENAME TO ${tables[0]!.split('.').pop()}_deprecated) and drop it in a later release once nothing reads it; or copy it first (CREATE TABLE ... AS SELECT * FROM ${displayName(tables[0]!)}) or record the backup with -- preflight:backup <reference>.`,
          help: 'Dropping a table cannot be rolled back after commit. Keep the data until the application has shipped without it, then drop it with a recorded backup.',
          evidence: { tables, cascade: isCascade, ...(exec.via ? { via: exec.via } : {}) },
          ...lockFields(ctx, exec.kind, exec.node),
        },
        { tables },
      )
    }
  },
})
