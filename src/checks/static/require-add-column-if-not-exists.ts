import { defineStaticRule } from '../../engine/define.js'
import { relationName } from '../../dialects/postgres/locks.js'
import { displayName, lockFields } from './support/statement-facts.js'
import { isRerunSafe } from './support/transactions.js'
import type { AstNode } from './support/ast.js'

/**
 * ALTER TABLE ... ADD COLUMN without IF NOT EXISTS fails with "column already exists" when a
 * migration that failed half-way outside a transaction is run again.
 */
export default defineStaticRule({
  id: 'require-add-column-if-not-exists',
  title: 'ADD COLUMN can run twice',
  severity: 'warning',
  run(ctx) {
    for (const ref of ctx.statements('AlterTableStmt')) {
      if (isRerunSafe(ctx, ref)) continue
      const table = relationName(ref.stmt.node.relation)
      if (!table) continue
      const columns: string[] = (ref.stmt.node.cmds ?? [])
        .map((c: AstNode) => c.AlterTableCmd)
        .filter((cmd: AstNode) => cmd?.subtype === 'AT_AddColumn' && !cmd.missing_ok)
        .map((cmd: AstNode) => String(cmd.def?.ColumnDef?.colname ?? ''))
      if (columns.length === 0) continue
      const list = columns.map(displayName).join(', ')
      if (ref.stmt.node.objtype === 'OBJECT_TYPE') {
        // ALTER TYPE ... ADD ATTRIBUTE has no IF NOT EXISTS: the advice differs.
        ctx.report(ref, {
          message: `ADD ATTRIBUTE ${list} on type ${displayName(table)} fails with "already exists" if the migration is re-run after failing half-way.`,
          mitigation: `ALTER TYPE has no ADD ATTRIBUTE IF NOT EXISTS: run the file in a transaction, or add the attribute in a DO block that first looks it up in pg_attribute.`,
          evidence: { type: table, attributes: columns },
        })
        continue
      }
      ctx.report(ref, {
        message: `ADD COLUMN ${list} on ${displayName(table)} fails with "already exists" if the migration is re-run after failing half-way.`,
        mitigation: `Write ALTER TABLE ${displayName(table)} ADD COLUMN IF NOT EXISTS ${displayName(columns[0]!)} ..., or run the file in a transaction.`,
        help: 'IF NOT EXISTS skips a column that is already there, whatever its type: check the type by hand if an earlier run may have added a different one.',
        evidence: { table, columns },
        ...lockFields(ctx, ref.stmt.kind, ref.stmt.node),
      })
    }
  },
})
