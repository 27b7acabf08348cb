/**
 * The columns a statement defines or retypes, with their types as written: CREATE TABLE columns,
 * ALTER TABLE ... ADD COLUMN, and ALTER COLUMN ... TYPE. Shared by the design rules.
 */
import type { StaticContext } from '../../../engine/define.js'
import { relationName } from '../../../dialects/postgres/locks.js'
import { columnType, liveColumnType, type ColumnType } from './column-types.js'
import { tableKey } from './created-in-pending.js'
import { executedPosition, executedStatements, type ExecutedStatement } from './executed-sql.js'
import type { AstNode } from './ast.js'
import { defineShardIndex } from './carry.js'

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
  return definedTypeBefore(ctx, exec, table, column) ?? liveColumnType(ctx, table, column)
}

/** The type of the latest pending definition of the column before `exec` (only of the given kinds, when given). */
export function definedTypeBefore(ctx: StaticContext, exec: ExecutedStatement, table: string, column: string, vias?: readonly ColumnDefinition['via'][]): ColumnType | undefined {
  const at = executedPosition(ctx, exec)
  let found: ColumnType | undefined
  for (const def of definitionsIndex(ctx).byColumn.get(columnKey(tableKey(table), column)) ?? []) {
    if (def.position >= at) break
    if (!vias || vias.includes(def.via)) found = def.type
  }
  return found
}

/** A column definition and the place of its statement among the executed statements. */
interface PlacedDefinition {
  readonly position: number
  readonly type: ColumnType
  readonly via: ColumnDefinition['via']
}

/**
 * Every column definition of the pending set so far, by table key and column, in execution order:
 * each lookup then reads one column's definitions, not every earlier statement's. Carried across
 * shards, and extended with each shard's definitions.
 */
class DefinitionsIndex {
  readonly byColumn = new Map<string, PlacedDefinition[]>()

  extend(ctx: StaticContext): void {
    for (const exec of executedStatements(ctx, ['CreateStmt', 'AlterTableStmt'])) {
      const position = executedPosition(ctx, exec)
      for (const def of columnDefinitions(exec)) {
        const key = columnKey(tableKey(def.table), def.column)
        const placed = { position, type: def.type, via: def.via }
        const list = this.byColumn.get(key)
        if (list) list.push(placed)
        else this.byColumn.set(key, [placed])
      }
    }
  }
}

/** The index, up to the end of the current shard. */
function definitionsIndex(ctx: StaticContext): DefinitionsIndex {
  return definitionsIndexOf(ctx)
}

/** Map key of a column: canonical table key and column name (a NUL cannot be in either). */
function columnKey(table: string, column: string): string {
  return `${table}\u0000${column}`
}

/** The DefinitionsIndex of the run, up to the end of the current shard. */
const definitionsIndexOf = defineShardIndex(() => new DefinitionsIndex())
