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
import { defineShardIndex, interner, shardMemo } from './carry.js'

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

/** Columns defined or retyped by a CREATE TABLE or ALTER TABLE statement (computed once per statement: the index and three rules ask). */
export function columnDefinitions(ctx: Pick<StaticContext, 'files'>, exec: Pick<ExecutedStatement, 'kind' | 'node'>): readonly ColumnDefinition[] {
  return definitionsOf(ctx, exec)
}

const definitionsOf = shardMemo(readColumnDefinitions)

/** Reads columnDefinitions' answer from the statement. */
function readColumnDefinitions(exec: Pick<ExecutedStatement, 'kind' | 'node'>): ColumnDefinition[] {
  const n = exec.node
  const out: ColumnDefinition[] = []
  const push = (table: string | undefined, def: AstNode | undefined, via: ColumnDefinition['via'], name?: string): void => {
    const type = columnType(def?.typeName)
    const column = name ?? def?.colname
    if (!table || !type || typeof column !== 'string') return
    const constraints: AstNode[] = []
    for (const c of def?.constraints ?? []) if (c?.Constraint) constraints.push(c.Constraint)
    out.push({ table, column, type, via, constraints })
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

/** The type of the latest pending definition of the column before `exec` (only ALTER COLUMN TYPE ones when `onlyTypeChanges`). */
export function definedTypeBefore(ctx: StaticContext, exec: ExecutedStatement, table: string, column: string, onlyTypeChanges = false): ColumnType | undefined {
  const index = definitionsIndexOf(ctx)
  const key = tableKey(table)
  const at = executedPosition(ctx, exec)
  let found: ColumnType | undefined
  for (const def of index.current.get(key)?.get(column) ?? []) {
    if (def.position >= at) break
    if (!onlyTypeChanges || def.via === 'alter-type') found = def.type
  }
  if (found) return found
  const past = index.past.get(key)?.get(column)
  return onlyTypeChanges ? past?.alterType : past?.latest
}

/** A column definition and the place of its statement among the executed statements. */
interface PlacedDefinition {
  readonly position: number
  readonly type: ColumnType
  readonly via: ColumnDefinition['via']
}

/** What earlier shards defined for a column: every later statement comes after all of it, so the latest is all that is asked. */
interface PastDefinition {
  readonly latest: ColumnType
  readonly alterType?: ColumnType
}

/**
 * Every column definition of the pending set so far, by table key and column: the current shard's
 * in execution order (a lookup reads one column's, not every earlier statement's), and for earlier
 * shards only the latest, carried across shards. Types are shared between columns (one object per
 * spelling): a large set defines hundreds of thousands of columns with a dozen types.
 */
class DefinitionsIndex {
  readonly past = new Map<string, Map<string, PastDefinition>>()
  current = new Map<string, Map<string, PlacedDefinition[]>>()
  /** One object per distinct type. */
  readonly #shared = interner((t: ColumnType) => `${t.name}(${t.mods.join(',')})${t.isArray ? '[]' : ''}`)

  extend(ctx: StaticContext): void {
    this.#carryCurrent()
    const current = new Map<string, Map<string, PlacedDefinition[]>>()
    for (const exec of executedStatements(ctx, ['CreateStmt', 'AlterTableStmt'])) {
      const position = executedPosition(ctx, exec)
      for (const def of columnDefinitions(ctx, exec)) {
        const key = tableKey(def.table)
        let columns = current.get(key)
        if (!columns) current.set(key, (columns = new Map()))
        const placed = { position, type: this.#shared(def.type), via: def.via }
        const list = columns.get(def.column)
        if (list) list.push(placed)
        else columns.set(def.column, [placed])
      }
    }
    this.current = current
  }

  /** Folds the finished shard's definitions into `past`. */
  #carryCurrent(): void {
    for (const [table, columns] of this.current) {
      let past = this.past.get(table)
      if (!past) this.past.set(table, (past = new Map()))
      for (const [column, defs] of columns) {
        const before = past.get(column)
        const alterType = defs.filter((d) => d.via === 'alter-type').pop()?.type ?? before?.alterType
        past.set(column, { latest: defs[defs.length - 1]!.type, ...(alterType ? { alterType } : {}) })
      }
    }
  }
}

/** The DefinitionsIndex of the run, up to the end of the current shard. */
const definitionsIndexOf = defineShardIndex(() => new DefinitionsIndex())
