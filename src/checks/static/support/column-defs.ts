/**
 * The columns a statement defines or retypes, with their types as written: CREATE TABLE columns,
 * ALTER TABLE ... ADD COLUMN, and ALTER COLUMN ... TYPE. Shared by the design rules.
 */
import type { StaticContext } from '../../../engine/define.js'
import { relationName } from '../../../dialects/postgres/locks.js'
import { columnType, liveColumnType, type ColumnType } from './column-types.js'
import { tableKey } from './created-in-pending.js'
import { executedBefore, type ExecutedStatement } from './executed-sql.js'
import type { AstNode } from './ast.js'

/** One column a statement defines or changes. */
export interface ColumnDefinition {
  readonly table: string
  readonly column: string
  readonly type: ColumnType
  /** How the statement touches it. */
  readonly via: 'create' | 'add' | 'alter-type'
  /** Constraint nodes written on the column (Constraint values). */
  readonly constraints: readonly AstNode[]
}

/** Columns defined or retyped by a CREATE TABLE or ALTER TABLE statement. */
export function columnDefinitions(exec: Pick<ExecutedStatement, 'kind' | 'node'>): ColumnDefinition[] {
  const n = exec.node
  const out: ColumnDefinition[] = []
  const push = (table: string | undefined, def: AstNode | undefined, via: ColumnDefinition['via'], name?: string): void => {
    const type = columnType(def?.typeName)
    const column = name ?? def?.colname
    if (!table || !type || typeof column !== 'string') return
    out.push({ table, column, type, via, constraints: (def?.constraints ?? []).map((c: AstNode) => c?.Constraint).filter(Boolean) })
  }
  if (exec.kind === 'CreateStmt') {
    for (const elt of n.tableElts ?? []) push(relationName(n.relation), elt.ColumnDef, 'create')
  } else if (exec.kind === 'AlterTableStmt' && (!n.objtype || n.objtype === 'OBJECT_TABLE')) {
    const table = relationName(n.relation)
    for (const c of n.cmds ?? []) {
      const cmd = c.AlterTableCmd
      if (cmd?.subtype === 'AT_AddColumn') push(table, cmd.def?.ColumnDef, 'add')
      else if (cmd?.subtype === 'AT_AlterColumnType') push(table, cmd.def?.ColumnDef, 'alter-type', cmd.name)
    }
  }
  return out
}

/** The type a column has before `exec`, from the pending set (latest definition) or the target; undefined when unknown. */
export function knownColumnType(ctx: StaticContext, exec: ExecutedStatement, table: string, column: string): ColumnType | undefined {
  const key = tableKey(table)
  let found: ColumnType | undefined
  for (const earlier of executedBefore(ctx, exec)) {
    for (const def of columnDefinitions(earlier)) {
      if (def.column === column && tableKey(def.table) === key) found = def.type
    }
  }
  return found ?? liveColumnType(ctx, table, column)
}
