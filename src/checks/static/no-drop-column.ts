import { defineStaticRule } from '../../engine/define.js'
import { relationName } from '../../dialects/postgres/locks.js'
import { reportDestructive } from './support/backup-evidence.js'
import { isCreatedBefore, tableKey } from './support/created-in-pending.js'
import { executedStatements, viaSuffix } from './support/executed-sql.js'
import { displayName, lockFields } from './support/statement-facts.js'
import type { AstNode } from './support/ast.js'

/**
 * ALTER TABLE ... DROP COLUMN deletes the column's values in every row; only a backup brings them back,
 * and application code still reading the column breaks at once.
 * A column (or table) the pending set created itself holds no older data and is not reported, nor
 * is a generated column on the target: its values are computed from the others (dropping and
 * adding it again is how its expression changes before PostgreSQL 17).
 */
export default defineStaticRule({
  id: 'no-drop-column',
  title: 'Columns are not dropped without a backup',
  severity: 'error',
  run(ctx) {
    for (const exec of executedStatements(ctx, 'AlterTableStmt')) {
      const table = relationName(exec.node.relation)
      if (!table || (exec.node.objtype && exec.node.objtype !== 'OBJECT_TABLE')) continue
      const columns: string[] = (exec.node.cmds ?? [])
        .map((c: AstNode) => c.AlterTableCmd)
        .filter((cmd: AstNode) => cmd?.subtype === 'AT_DropColumn' && typeof cmd.name === 'string')
        .map((cmd: AstNode) => cmd.name as string)
        .filter((column: string) => !isCreatedBefore(ctx, exec, table, column) && !ctx.live.generatedColumns?.has(`${tableKey(table)}.${column}`))
      if (columns.length === 0) continue
      const list = columns.map(displayName).join(', ')
      const name = displayName(table)
      reportDestructive(
        ctx,
        exec,
        {
          message: `DROP COLUMN deletes ${name}.${list} in every row under an ACCESS EXCLUSIVE lock on ${name}${viaSuffix(exec)}; the values are gone unless there is a backup, and code still reading ${columns.length === 1 ? 'it' : 'them'} fails.`,
          mitigation: `First ship code that no longer reads or writes ${list}; copy the values if they may be needed (CREATE TABLE ${table.split('.').pop()}_${columns[0]}_backup AS SELECT id, ${displayName(columns[0]!)} FROM ${name}) or record the backup with -- preflight:backup <reference>; then drop the column in a later release.`,
          help: 'Dropping a column is instant but irreversible after commit. Stop using it in the application first (expand/contract), then drop it with a recorded backup.',
          evidence: { table, columns, ...(exec.via ? { via: exec.via } : {}) },
          ...lockFields(ctx, exec.kind, exec.node),
        },
        // One copy must hold every dropped column; with several columns only `*` does.
        { tables: [table], ...(columns.length === 1 ? { column: columns[0] } : {}) },
      )
    }
  },
})
