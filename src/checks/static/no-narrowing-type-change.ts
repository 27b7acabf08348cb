import { defineStaticRule, type StaticContext } from '../../engine/define.js'
import { relationName } from '../../dialects/postgres/locks.js'
import { reportDestructive } from './support/backup-evidence.js'
import { columnType, describeType, liveColumnType, narrowingReason, type ColumnType } from './support/column-types.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { executedStatements, viaSuffix, type ExecutedStatement } from './support/executed-sql.js'
import { definedTypeBefore } from './support/column-defs.js'
import { displayName, lockFields } from './support/statement-facts.js'
import type { AstNode } from './support/ast.js'

// Functions that cut values by definition, so a USING clause calling them loses data whatever the old type.
const LOSSY_FUNCTIONS = new Set(['left', 'right', 'substr', 'substring', 'trunc', 'round', 'date_trunc'])

/**
 * ALTER COLUMN ... TYPE to a narrower type (varchar(100) -> varchar(50), bigint -> integer,
 * numeric(12,4) -> numeric(12,2), timestamptz -> date) fails on values that do not fit, or
 * silently rounds or cuts them, after rewriting the table under ACCESS EXCLUSIVE.
 * Reported only when narrowing is certain: the old type is known from an earlier statement of the
 * pending set or from the target (live facts), or the USING clause cuts values itself.
 */
export default defineStaticRule({
  id: 'no-narrowing-type-change',
  title: 'Column types are not narrowed',
  severity: 'error',
  run(ctx) {
    for (const exec of executedStatements(ctx, 'AlterTableStmt')) {
      const table = relationName(exec.node.relation)
      if (!table || (exec.node.objtype && exec.node.objtype !== 'OBJECT_TABLE')) continue
      for (const c of exec.node.cmds ?? []) {
        const cmd = c.AlterTableCmd
        if (cmd?.subtype !== 'AT_AlterColumnType' || typeof cmd.name !== 'string') continue
        if (isCreatedBefore(ctx, exec, table, cmd.name)) continue
        checkTypeChange(ctx, exec, table, cmd.name, cmd.def?.ColumnDef)
      }
    }
  },
})

/** Reports one ALTER COLUMN TYPE when it certainly narrows the column. */
function checkTypeChange(ctx: StaticContext, exec: ExecutedStatement, table: string, column: string, def: AstNode | undefined): void {
  const to = columnType(def?.typeName)
  if (!to) return
  const previous = previousType(ctx, exec, table, column)
  const reason = (previous && narrowingReason(previous.type, to)) ?? lossyUsing(def?.raw_default)
  if (!reason) return
  const name = `${displayName(table)}.${displayName(column)}`
  const from = previous ? ` from ${describeType(previous.type)}` : ''
  reportDestructive(
    ctx,
    exec,
    {
      message: `Changing ${name}${from} to ${describeType(to)} narrows it: ${reason}, after rewriting ${displayName(table)} under an ACCESS EXCLUSIVE lock${viaSuffix(exec)}.`,
      mitigation: `Check the data first (for example SELECT count(*) FROM ${displayName(table)} WHERE length(${displayName(column)}) > <new length>); to change the type safely, add a new column of the new type, backfill it in batches, switch the application, then drop the old column in a later release.`,
      help: 'A narrowing type change cannot be undone without the lost digits or characters; widening later does not bring them back.',
      evidence: { table, column, ...(previous ? { from: describeType(previous.type), fromSource: previous.source } : {}), to: describeType(to), reason, ...(exec.via ? { via: exec.via } : {}) },
      ...lockFields(ctx, exec.kind, exec.node),
    },
    { tables: [table], column },
  )
}

/** The column's type before this statement: from an earlier ALTER COLUMN TYPE in the pending set, else from the target. */
function previousType(ctx: StaticContext, exec: ExecutedStatement, table: string, column: string): { type: ColumnType; source: string } | undefined {
  const found = definedTypeBefore(ctx, exec, table, column, true)
  if (found) return { type: found, source: 'an earlier statement of the pending set' }
  const live = liveColumnType(ctx, table, column)
  return live ? { type: live, source: 'the target' } : undefined
}

/** Why the USING expression itself cuts every value it changes, or undefined. */
function lossyUsing(using: AstNode | undefined): string | undefined {
  const call = using?.FuncCall
  const parts = (call?.funcname ?? []).map((p: AstNode) => p?.String?.sval)
  const name = parts[parts.length - 1]
  if (typeof name === 'string' && LOSSY_FUNCTIONS.has(name) && (parts.length === 1 || parts[0] === 'pg_catalog')) return `USING ${name}(...) cuts the values`
  const cast = using?.TypeCast
  if (cast && columnType(cast.typeName)?.name === 'date') return 'USING ...::date drops the time of day'
  return undefined
}
