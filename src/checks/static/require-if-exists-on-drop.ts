import { defineStaticRule, type StatementRef } from '../../engine/define.js'
import { relationName } from '../../dialects/postgres/locks.js'
import { isCreatedEarlierInFile, objectKey } from './support/rerun.js'
import { displayName, dropObjectNames, lockFields } from './support/statement-facts.js'
import { isRerunSafe } from './support/transactions.js'
import type { AstNode } from './support/ast.js'

/**
 * A DROP without IF EXISTS fails with "does not exist" when a migration that failed half-way
 * (after the drop) is re-run. Dropping something the same file created earlier is fine: the
 * re-run creates it again first. Files that run in a transaction are not checked.
 */
export default defineStaticRule({
  id: 'require-if-exists-on-drop',
  title: 'DROP statements can run twice',
  severity: 'warning',
  run(ctx) {
    for (const ref of ctx.statements(['DropStmt', 'DropdbStmt', 'DropRoleStmt', 'AlterTableStmt'])) {
      if (isRerunSafe(ctx, ref)) continue
      const drops = dropsWithoutIfExists(ref)
      if (drops.length === 0) continue
      ctx.report(ref, {
        message: `${drops.map((d) => `${d.head} ${d.target}`).join(', ')} fails with "does not exist" if the migration is re-run after failing half-way.`,
        mitigation: `Add IF EXISTS: ${drops.map((d) => `${d.head} IF EXISTS ${d.target}`).join(', ')}.`,
        help: 'IF EXISTS turns the missing object into a notice, so a re-run passes the statement and goes on.',
        evidence: { statement: ref.stmt.kind },
        ...lockFields(ctx, ref.stmt.kind, ref.stmt.node),
      })
    }
  },
})

/** One drop as SQL: the command up to where IF EXISTS goes, and what it drops. */
interface Drop {
  readonly head: string
  readonly target: string
}

/** The drops of a statement that lack IF EXISTS, e.g. { head: "DROP TABLE", target: "orders" }. */
function dropsWithoutIfExists(ref: StatementRef): Drop[] {
  const n = ref.stmt.node
  switch (ref.stmt.kind) {
    case 'DropStmt': {
      if (n.missing_ok) return []
      const kind = String(n.removeType).replace(/^OBJECT_/, '').replace('MATVIEW', 'MATERIALIZED VIEW').replace(/_/g, ' ')
      const names = dropObjectNames(n.objects).filter((name) => !isCreatedEarlierInFile(ref, objectKey(String(n.removeType), name)))
      const head = `DROP ${kind}${n.concurrent ? ' CONCURRENTLY' : ''}`
      return names.length > 0 ? [{ head, target: names.map(displayName).join(', ') }] : []
    }
    case 'DropdbStmt':
      return n.missing_ok ? [] : [{ head: 'DROP DATABASE', target: displayName(String(n.dbname)) }]
    case 'DropRoleStmt':
      return n.missing_ok ? [] : [{ head: 'DROP ROLE', target: (n.roles ?? []).map((r: AstNode) => displayName(String(r?.RoleSpec?.rolename))).join(', ') }]
    case 'AlterTableStmt': {
      const table = relationName(n.relation)
      if (!table) return []
      return (n.cmds ?? [])
        .map((c: AstNode) => c.AlterTableCmd)
        .filter((cmd: AstNode) => (cmd?.subtype === 'AT_DropColumn' || cmd?.subtype === 'AT_DropConstraint') && !cmd.missing_ok)
        .map((cmd: AstNode) => ({ head: `ALTER TABLE ${displayName(table)} DROP ${cmd.subtype === 'AT_DropColumn' ? 'COLUMN' : 'CONSTRAINT'}`, target: displayName(String(cmd.name)) }))
    }
    default:
      return []
  }
}
