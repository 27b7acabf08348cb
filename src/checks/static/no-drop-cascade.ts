import { defineStaticRule } from '../../engine/define.js'
import { relationName } from '../../dialects/postgres/locks.js'
import { reportDestructive } from './support/backup-evidence.js'
import { isCreatedBefore, isSchemaCreatedBefore } from './support/created-in-pending.js'
import { executedStatements, viaSuffix, type ExecutedStatement } from './support/executed-sql.js'
import type { StaticContext } from '../../engine/define.js'
import { displayName, dropObjectNames, lockFields } from './support/statement-facts.js'
import type { AstNode } from './support/ast.js'

/**
 * DROP ... CASCADE also drops every object that depends on the named one: views, foreign keys,
 * columns of other tables using a type, functions... none of which the migration names.
 * Dropping objects the pending set created is not reported: whatever depends on them is new too.
 */
export default defineStaticRule({
  id: 'no-drop-cascade',
  title: 'DROP does not cascade to unnamed objects',
  severity: 'error',
  run(ctx) {
    for (const exec of executedStatements(ctx, ['DropStmt', 'AlterTableStmt'])) {
      const dropped = cascadingDrops(ctx, exec)
      if (dropped.length === 0) continue
      const what =
        exec.kind === 'DropStmt'
          ? `DROP ${objectKind(exec.node.removeType)} ${dropped.map(displayName).join(', ')}`
          : `ALTER TABLE ${displayName(relationName(exec.node.relation) ?? '')} DROP ${dropped.join(', ')}`
      reportDestructive(
        ctx,
        exec,
        {
          message: `${what} CASCADE also drops every object that depends on ${dropped.length === 1 ? 'it' : 'them'}${viaSuffix(exec)}, without naming them; ${possibleDependents(exec)} can disappear.`,
          mitigation: 'Drop with the default RESTRICT to see what depends on the object, then drop or change each dependent explicitly in this migration; record a backup with -- preflight:backup <reference> if CASCADE must stay.',
          help: 'Find dependents with: SELECT * FROM pg_depend WHERE refobjid = \'<name>\'::regclass; or run the DROP without CASCADE on a copy of production and read the error.',
          evidence: { objects: dropped.map((d) => (exec.kind === 'DropStmt' ? d : `${relationName(exec.node.relation)}: ${d}`)), ...(exec.via ? { via: exec.via } : {}) },
          ...lockFields(ctx, exec.kind, exec.node),
        },
        { accept: ['directive', 'pitr'] },
      )
    }
  },
})

/** The objects a statement drops with CASCADE (for ALTER TABLE, "COLUMN x"/"CONSTRAINT y"), leaving out what the pending set created. */
function cascadingDrops(ctx: StaticContext, exec: ExecutedStatement): string[] {
  if (exec.kind === 'DropStmt') {
    if (exec.node.behavior !== 'DROP_CASCADE') return []
    const names = dropObjectNames(exec.node.objects)
    if (exec.node.removeType === 'OBJECT_TABLE') return names.filter((t) => !isCreatedBefore(ctx, exec, t))
    if (exec.node.removeType === 'OBJECT_SCHEMA') return names.filter((s) => !isSchemaCreatedBefore(ctx, exec, s))
    return names
  }
  const table = relationName(exec.node.relation)
  if (!table || isCreatedBefore(ctx, exec, table)) return []
  return (exec.node.cmds ?? [])
    .map((c: AstNode) => c.AlterTableCmd)
    .filter((cmd: AstNode) => cmd?.behavior === 'DROP_CASCADE' && (cmd.subtype === 'AT_DropColumn' || cmd.subtype === 'AT_DropConstraint'))
    .filter((cmd: AstNode) => !(cmd.subtype === 'AT_DropColumn' && isCreatedBefore(ctx, exec, table, cmd.name)))
    .map((cmd: AstNode) => `${cmd.subtype === 'AT_DropColumn' ? 'COLUMN' : 'CONSTRAINT'} ${displayName(String(cmd.name))}`)
}

/** What can depend on the dropped objects: only foreign keys hang on an index or a constraint, more on tables, types and columns. */
function possibleDependents(exec: ExecutedStatement): string {
  if (exec.kind === 'DropStmt') return exec.node.removeType === 'OBJECT_INDEX' ? 'foreign keys that use it as their unique index' : 'views, foreign keys and columns elsewhere'
  const dropsColumn = (exec.node.cmds ?? []).some((c: AstNode) => c.AlterTableCmd?.behavior === 'DROP_CASCADE' && c.AlterTableCmd.subtype === 'AT_DropColumn')
  return dropsColumn ? 'views, foreign keys and indexes using the column' : 'foreign keys that reference the constraint'
}

/** "OBJECT_MATVIEW" -> "MATERIALIZED VIEW". */
function objectKind(removeType: unknown): string {
  const kind = String(removeType ?? '').replace(/^OBJECT_/, '')
  return kind === 'MATVIEW' ? 'MATERIALIZED VIEW' : kind.replace(/_/g, ' ')
}
