import { defineStaticRule, type StaticContext } from '../../engine/define.js'
import { relationName } from '../../dialects/postgres/locks.js'
import { columnDefinitions, knownColumnType } from './support/column-defs.js'
import { describeType, isSmallInteger, type ColumnType } from './support/column-types.js'
import { executedStatements, type ExecutedStatement } from './support/executed-sql.js'
import { displayName, lockFields } from './support/statement-facts.js'
import type { AstNode } from './support/ast.js'

/** Largest value of each small key type, for the message. */
const MAX_VALUE: Readonly<Record<string, string>> = { int2: '32,767', smallserial: '32,767', int4: '2,147,483,647', serial: '2,147,483,647' }

/**
 * An integer (or smallint, serial) primary key runs out: at 2,147,483,647 inserts fail, and
 * widening the key then rewrites the table and every referencing column under ACCESS EXCLUSIVE.
 * Only single-column keys are reported; a composite key usually repeats other tables' keys.
 */
export default defineStaticRule({
  id: 'prefer-bigint-primary-key',
  title: 'Primary keys are bigint',
  severity: 'warning',
  run(ctx) {
    for (const exec of executedStatements(ctx, ['CreateStmt', 'AlterTableStmt'])) {
      const keys = smallKeys(ctx, exec)
      if (keys.length === 0) continue
      const list = keys.map((k) => `${displayName(k.table)}.${displayName(k.column)} (${describeType(k.type)}${k.isIdentity ? ' identity' : ''})`).join(', ')
      const first = keys[0]!
      ctx.report(exec, {
        message: `Primary key ${list} runs out after ${MAX_VALUE[first.type.name]} values; widening it later rewrites the table and every foreign key column under an ACCESS EXCLUSIVE lock.`,
        mitigation: `Declare the key as bigint (bigint GENERATED ALWAYS AS IDENTITY, or bigserial) now, while the table is small; referencing columns should be bigint too.`,
        help: 'bigint costs 4 more bytes per row and is the default for surrogate keys; switch the rule off in config if a small lookup table really needs integer keys.',
        evidence: { keys: keys.map((k) => ({ table: k.table, column: k.column, type: describeType(k.type) })) },
        ...lockFields(ctx, exec.kind, exec.node),
      })
    }
  },
})

/** A single-column primary key of a small integer type. */
interface SmallKey {
  readonly table: string
  readonly column: string
  readonly type: ColumnType
  readonly isIdentity: boolean
}

/** The small-integer single-column primary keys a statement declares. */
function smallKeys(ctx: StaticContext, exec: ExecutedStatement): SmallKey[] {
  const defs = columnDefinitions(ctx, exec).filter((d) => d.via !== 'alter-type')
  const keyed: { table: string; column: string }[] = []
  for (const d of defs) {
    if (d.constraints.some((c) => c.contype === 'CONSTR_PRIMARY')) keyed.push({ table: d.table, column: d.column })
  }
  const table = relationName(exec.node.relation)
  const tableConstraints =
    exec.kind === 'CreateStmt'
      ? (exec.node.tableElts ?? []).map((e: AstNode) => e.Constraint)
      : (exec.node.cmds ?? []).map((c: AstNode) => (c.AlterTableCmd?.subtype === 'AT_AddConstraint' ? c.AlterTableCmd.def?.Constraint : undefined))
  for (const c of tableConstraints) {
    if (c?.contype !== 'CONSTR_PRIMARY' || c.indexname || (c.keys ?? []).length !== 1 || !table) continue
    keyed.push({ table, column: String(c.keys[0]?.String?.sval) })
  }
  const out: SmallKey[] = []
  for (const key of keyed) {
    const def = defs.find((d) => d.column === key.column)
    const type = def?.type ?? knownColumnType(ctx, exec, key.table, key.column)
    if (!type || !isSmallInteger(type)) continue
    out.push({ ...key, type, isIdentity: Boolean(def?.constraints.some((c) => c.contype === 'CONSTR_IDENTITY')) })
  }
  return out
}
