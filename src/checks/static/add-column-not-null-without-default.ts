import { defineStaticRule, type StaticContext } from '../../engine/define.js'
import { normaliseTable } from '../../engine/pending.js'
import { columnType, describeType } from './support/column-types.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { executedStatements, viaSuffix, type ExecutedStatement } from './support/executed-sql.js'
import { relationOf } from './support/sql-names.js'
import { displayName, lockFields } from './support/statement-facts.js'
import { withSize, gradeBySize } from './support/table-size.js'
import type { AstNode } from './support/ast.js'

const SERIAL_TYPES = new Set(['smallserial', 'serial', 'bigserial', 'serial2', 'serial4', 'serial8'])

/** An empty table's heap is 0 bytes and each index one 8 kB page: above this a table without a row estimate has rows. */
const EMPTY_TABLE_BYTES = 16_384

/**
 * ALTER TABLE ... ADD COLUMN ... NOT NULL (or PRIMARY KEY) without a DEFAULT fails on a table that
 * has rows: every existing row gets NULL in the new column, which the constraint rejects ("column
 * ... contains null values", SQLSTATE 23502). It passes on the empty tables of development and CI
 * and fails in production. serial types, identity and generated columns give every row a value;
 * a table the pending set created is empty. Checked on PostgreSQL 15 and 18.
 * https://www.postgresql.org/docs/current/sql-altertable.html
 */
export default defineStaticRule({
  id: 'add-column-not-null-without-default',
  title: 'NOT NULL columns are added with a default',
  severity: 'error',
  run(ctx) {
    for (const exec of executedStatements(ctx, 'AlterTableStmt')) {
      const table = relationOf(exec.node.relation)
      if (!table || (exec.node.objtype && exec.node.objtype !== 'OBJECT_TABLE') || isCreatedBefore(ctx, exec, table.name)) continue
      for (const c of exec.node.cmds ?? []) {
        const cmd = c.AlterTableCmd
        const def = cmd?.subtype === 'AT_AddColumn' ? cmd.def?.ColumnDef : undefined
        const requirement = def ? unfilledRequirement(def) : undefined
        if (!def || !requirement) continue
        // ADD COLUMN IF NOT EXISTS of a column the target has does nothing.
        if (cmd.missing_ok && ctx.live.columnTypes?.has(`${table.key}.${def.colname}`)) continue
        report(ctx, exec, table.display, table.key, def, requirement)
      }
    }
  },
})

/** "NOT NULL" or "PRIMARY KEY" when the column must have a value that nothing gives existing rows. */
function unfilledRequirement(def: AstNode): string | undefined {
  const constraints: AstNode[] = (def.constraints ?? []).map((c: AstNode) => c?.Constraint).filter(Boolean)
  const has = (type: string): boolean => constraints.some((c) => c.contype === type)
  const requirement = has('CONSTR_PRIMARY') ? 'PRIMARY KEY' : has('CONSTR_NOTNULL') ? 'NOT NULL' : undefined
  if (!requirement) return undefined
  // A default fills existing rows, unless it is DEFAULT NULL.
  const defaults = constraints.filter((c) => c.contype === 'CONSTR_DEFAULT')
  if (defaults.some((c) => !c.raw_expr?.A_Const?.isnull)) return undefined
  if (has('CONSTR_IDENTITY') || has('CONSTR_GENERATED')) return undefined
  const typeName = String(def.typeName?.names?.at(-1)?.String?.sval ?? '').toLowerCase()
  return SERIAL_TYPES.has(typeName) ? undefined : requirement
}

/** Reports one column, graded by what the target says of the table's rows. */
function report(ctx: StaticContext, exec: ExecutedStatement, display: string, key: string, def: AstNode, requirement: string): void {
  const column = displayName(String(def.colname))
  const type = columnType(def.typeName)
  const typeText = type ? describeType(type) : 'type'
  const size = ctx.live.tableSizes?.get(normaliseTable(key))
  const grade = gradeBySize(ctx, key, 'error')
  // On the target now: rows (or, never analysed, more than an empty table's pages) fail it; an empty table does not, yet.
  const hasRows = size === undefined ? undefined : size.rows > 0 || (size.isRowsKnown === false && size.bytes > EMPTY_TABLE_BYTES)
  if (ctx.live.tableSizes && size === undefined) return
  ctx.report(exec, {
    message:
      hasRows === false
        ? `ADD COLUMN ${column} ${requirement} without a DEFAULT works on ${display} only while it is empty, as it is on the target now${viaSuffix(exec)}: once it has a row, the statement fails ("column ... contains null values").`
        : `ADD COLUMN ${column} ${requirement} without a DEFAULT fails on ${withSize(display, grade)} if it has any row${viaSuffix(exec)}: every existing row gets NULL in the new column, which ${requirement} rejects ("column ... contains null values", SQLSTATE 23502).`,
    mitigation:
      `Give it a default: ADD COLUMN ${column} ${typeText} ${requirement} DEFAULT <value> (a constant default rewrites nothing since PostgreSQL 11). ` +
      `Or add it nullable, fill it in batches, then add the constraint (for NOT NULL without a long lock: CHECK (${column} IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT, then SET NOT NULL).`,
    help: 'Migrations run on empty tables in development and CI, so this passes there and fails on the first database with data.',
    evidence: { table: key, column: String(def.colname), requirement, ...(size ? { rows: size.isRowsKnown === false ? null : size.rows, bytes: size.bytes } : {}), ...(exec.via ? { via: exec.via } : {}) },
    ...(hasRows === false ? { severity: 'info' as const } : {}),
    ...lockFields(ctx, exec.kind, exec.node),
  })
}
