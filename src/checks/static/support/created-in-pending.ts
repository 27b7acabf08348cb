/**
 * Which tables, columns and schemas the pending set itself creates before a given statement.
 * Something created earlier in the same pending set is new and empty: dropping it loses no data,
 * and locking it blocks nobody. Shared by the destructive and the blocking rules.
 *
 * Names compare as PostgreSQL resolves them with the default search_path: an unqualified name
 * means `public`, so `orders` and `public.orders` are the same table; quoted identifiers keep
 * their case (`"Public"."Orders"` is not `public.orders`), as the parser already folded the rest.
 * After a `SET search_path` in a file, an unqualified name is created in the path's first schema
 * and found in the first schema of the path where the pending set created it, for the rest of the
 * file (each file is a migration of its own, as for the live checks' name resolution).
 * `CREATE ... IF NOT EXISTS` counts as a creation unless live facts show the table already exists
 * on the target: then the statement does nothing and the table keeps its data.
 */
import type { StatementRef, StaticContext } from '../../../engine/define.js'
import { objectNames, relationName } from '../../../dialects/postgres/locks.js'
import { executedPosition, executedStatements } from './executed-sql.js'
import type { AstNode } from './ast.js'
import { defineShardIndex } from './carry.js'
import { searchPathArgs } from '../../../dialects/postgres/schema-model/names.js'

/**
 * Whether `table` (and `column` of it, when given) was created by a pending statement before `ref`.
 * `ref` may be an ExecutedStatement inside a DO block: statements before it in the same body count.
 */
export function isCreatedBefore(ctx: StaticContext, ref: StatementRef, table: string, column?: string): boolean {
  const index = createdIndex(ctx)
  const at = executedPosition(ctx, ref)
  for (const key of index.candidateKeys(table, at)) {
    // A table's own history wins; without one, a table in a schema the set created is new too.
    const isTableNew = index.stateAt('t', key, at) ?? index.stateAt('n', schemaOf(key), at) ?? false
    if (isTableNew) return true
    if (column !== undefined && (index.stateAt('c', `${key}:${column}`, at) ?? false)) return true
  }
  return false
}

/** Whether `schema` was created (without IF NOT EXISTS on an existing one) by a pending statement before `ref`. */
export function isSchemaCreatedBefore(ctx: StaticContext, ref: StatementRef, schema: string): boolean {
  return createdIndex(ctx).stateAt('s', schema, executedPosition(ctx, ref)) ?? false
}

/** Canonical `schema.name` key of a table name as written (`orders`, `public.orders`, `Sales.Orders`). */
export function tableKey(name: string): string {
  return name.includes('.') ? name : `public.${name}`
}


/** Schema part of a canonical table key. */
function schemaOf(key: string): string {
  return key.slice(0, key.lastIndexOf('.'))
}

/** What a key names: a table, a column (`table:column`), a schema, or the tables of a schema ("namespace"). */
type ObjectKind = 't' | 'c' | 's' | 'n'

/** One state change of an object: from statement number `at` on, it is new (or not). */
interface Transition {
  readonly at: number
  readonly isNew: boolean
}

/**
 * When objects become new or stop being new, in pending order (executed-statement places). Carried
 * across shards as plain names and places, and extended with each shard's statements.
 */
class CreatedIndex {
  // One map per kind of object, so a lookup builds no prefixed key.
  readonly #transitions: Record<ObjectKind, Map<string, Transition[]>> = { t: new Map(), c: new Map(), s: new Map(), n: new Map() }
  // Objects the set dropped or renamed away: a later CREATE ... IF NOT EXISTS really creates them.
  readonly #absent = new Set<string>()
  // The search_path a file SET, at the places of the current shard's statements it governs (none: the default).
  #pathAt = new Map<number, readonly string[]>()

  /** The keys an unqualified `table` may mean at statement number `at`, in search_path order; a qualified one means itself. */
  candidateKeys(table: string, at: number): readonly string[] {
    const path = table.includes('.') ? undefined : this.#pathAt.get(at)
    return path ? path.map((schema) => `${schema}.${table}`) : [tableKey(table)]
  }

  /** Whether the object is "created in pending" just before statement number `at`; undefined when no statement touched it yet. */
  stateAt(kind: ObjectKind, key: string, at: number): boolean | undefined {
    let state: boolean | undefined
    for (const t of this.#transitions[kind].get(key) ?? []) {
      if (t.at > at) break
      state = t.isNew
    }
    return state
  }

  /** Records what the shard's executed statements create, drop and rename. */
  extend(ctx: StaticContext): void {
    const transitions = this.#transitions
    const absent = this.#absent
    const existing = ctx.live.tableSizes
    let at = 0
    const set = (kind: ObjectKind, key: string, isNew: boolean): void => {
      const list = transitions[kind].get(key)
      if (list) list.push({ at, isNew })
      else transitions[kind].set(key, [{ at, isNew }])
    }
    const current = (kind: ObjectKind, key: string): boolean | undefined => {
      const list = transitions[kind].get(key)
      return list?.[list.length - 1]?.isNew
    }
    const existsOnTarget = (key: string): boolean =>
      existing !== undefined && (existing.has(key) || (key.startsWith('public.') && existing.has(key.slice('public.'.length))))
    const create = (kind: ObjectKind, key: string, ifNotExists: boolean, existsBefore: boolean): void => {
      // IF NOT EXISTS on something that exists does nothing, and the old object keeps its data.
      if (ifNotExists && !absent.has(`${kind}:${key}`) && (current(kind, key) !== undefined || existsBefore)) return
      absent.delete(`${kind}:${key}`)
      set(kind, key, true)
    }
    const remove = (kind: ObjectKind, key: string): void => {
      absent.add(`${kind}:${key}`)
      set(kind, key, false)
    }
    const move = (kind: ObjectKind, from: string, to: string, wasNew: boolean): void => {
      remove(kind, from)
      absent.delete(`${kind}:${to}`)
      set(kind, to, wasNew)
    }
    // Under a SET search_path: new tables go to its first schema; other names mean the first schema where the set made them.
    let path: readonly string[] | undefined
    const createdKey = (name: string): string => (path && !name.includes('.') ? `${path[0]}.${name}` : tableKey(name))
    const foundKey = (name: string): string => {
      if (!path || name.includes('.')) return tableKey(name)
      return path.map((schema) => `${schema}.${name}`).find((key) => (current('t', key) ?? current('n', schemaOf(key))) === true) ?? `${path[0]}.${name}`
    }
    const recorder: Recorder = {
      createTable: (name, ifNotExists) => create('t', createdKey(name), ifNotExists, existsOnTarget(createdKey(name))),
      dropTable: (name) => remove('t', foundKey(name)),
      moveTable: (from, to) => {
        const fromKey = foundKey(from)
        move('t', fromKey, tableKey(to), current('t', fromKey) ?? current('n', schemaOf(fromKey)) ?? false)
      },
      addColumn: (table, column, ifNotExists) => create('c', `${foundKey(table)}:${column}`, ifNotExists, false),
      dropColumn: (table, column) => remove('c', `${foundKey(table)}:${column}`),
      renameColumn: (table, from, to) => {
        const key = foundKey(table)
        move('c', `${key}:${from}`, `${key}:${to}`, current('c', `${key}:${from}`) ?? false)
      },
      createSchema: (schema, ifNotExists) => {
        create('s', schema, ifNotExists, false)
        // Only a plain CREATE SCHEMA proves the schema was empty, so every table in it is new.
        if (!ifNotExists) set('n', schema, true)
      },
      dropSchema: (schema) => {
        remove('s', schema)
        set('n', schema, false)
      },
    }
    this.#pathAt = new Map()
    let file: StatementRef['file'] | undefined
    for (const exec of executedStatements(ctx)) {
      if (exec.file !== file) {
        file = exec.file
        path = undefined
      }
      const position = executedPosition(ctx, exec)
      if (path) this.#pathAt.set(position, path)
      // A statement's own effect counts only for the statements after it.
      at = position + 1
      if (exec.kind === 'VariableSetStmt' && exec.node.name === 'search_path') path = searchPathOf(exec.node)
      else recordStatement(exec.kind, exec.node, recorder)
    }
  }
}

/**
 * The schemas a SET search_path names, without the ones no table is created in or usually found
 * in ("$user", pg_catalog, pg_temp); undefined for SET ... TO DEFAULT, RESET, or a path of none of them.
 */
function searchPathOf(n: AstNode): readonly string[] | undefined {
  if (n.kind !== 'VAR_SET_VALUE') return undefined
  const schemas = searchPathArgs(n).filter((s) => s !== 'pg_catalog' && !s.startsWith('pg_temp'))
  return schemas.length > 0 ? schemas : undefined
}

/** The index up to the end of the current shard. */
function createdIndex(ctx: StaticContext): CreatedIndex {
  return createdIndexOf(ctx)
}

/** The effects a statement can have on what is new. */
interface Recorder {
  createTable(name: string, ifNotExists: boolean): void
  dropTable(name: string): void
  moveTable(from: string, to: string): void
  addColumn(table: string, column: string, ifNotExists: boolean): void
  dropColumn(table: string, column: string): void
  renameColumn(table: string, from: string, to: string): void
  createSchema(schema: string, ifNotExists: boolean): void
  dropSchema(schema: string): void
}

/** Records what one statement creates, drops or renames. */
function recordStatement(kind: string, n: AstNode, r: Recorder, inSchema?: string): void {
  const withSchema = (rv: AstNode | undefined): string | undefined =>
    inSchema && rv && !rv.schemaname ? `${inSchema}.${rv.relname}` : relationName(rv)
  switch (kind) {
    case 'CreateStmt': {
      const name = withSchema(n.relation)
      if (name) r.createTable(name, Boolean(n.if_not_exists))
      return
    }
    case 'CreateTableAsStmt': {
      const name = withSchema(n.into?.rel)
      if (name) r.createTable(name, Boolean(n.if_not_exists))
      return
    }
    case 'SelectStmt': {
      const name = relationName(n.intoClause?.rel)
      if (name) r.createTable(name, false)
      return
    }
    case 'CreateSchemaStmt': {
      const schema: string | undefined = n.schemaname ?? n.authrole?.rolename
      if (!schema) return
      r.createSchema(schema, Boolean(n.if_not_exists))
      for (const elt of n.schemaElts ?? []) {
        const [eltKind] = Object.keys(elt)
        if (eltKind) recordStatement(eltKind, elt[eltKind], r, schema)
      }
      return
    }
    case 'DropStmt':
      if (['OBJECT_TABLE', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE'].includes(n.removeType)) {
        for (const name of objectNames(n.objects)) r.dropTable(name)
      } else if (n.removeType === 'OBJECT_SCHEMA') {
        for (const object of n.objects ?? []) {
          const schema = object?.String?.sval
          if (typeof schema === 'string') r.dropSchema(schema)
        }
      }
      return
    case 'AlterTableStmt':
      recordAlterTable(n, r)
      return
    case 'RenameStmt': {
      const table = relationName(n.relation)
      if (!table) return
      if (n.renameType === 'OBJECT_TABLE' || n.renameType === 'OBJECT_MATVIEW') {
        // RENAME TO keeps the schema: ALTER TABLE s.t RENAME TO u makes s.u.
        const schema = schemaOf(tableKey(table))
        r.moveTable(table, `${schema}.${n.newname}`)
      } else if (n.renameType === 'OBJECT_COLUMN') {
        r.renameColumn(table, n.subname, n.newname)
      }
      return
    }
    case 'AlterObjectSchemaStmt': {
      const table = relationName(n.relation)
      if (table && n.newschema) r.moveTable(table, `${n.newschema}.${n.relation.relname}`)
      return
    }
    default:
      return
  }
}

/** Records the ADD COLUMN and DROP COLUMN sub-commands of an ALTER TABLE. */
function recordAlterTable(n: AstNode, r: Recorder): void {
  const table = relationName(n.relation)
  if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE')) return
  for (const c of n.cmds ?? []) {
    const cmd = c.AlterTableCmd ?? {}
    if (cmd.subtype === 'AT_AddColumn') {
      const column = cmd.def?.ColumnDef?.colname
      if (typeof column === 'string') r.addColumn(table, column, Boolean(cmd.missing_ok))
    } else if (cmd.subtype === 'AT_DropColumn' && typeof cmd.name === 'string') {
      r.dropColumn(table, cmd.name)
    }
  }
}

/** The CreatedIndex of the run, up to the end of the current shard. */
const createdIndexOf = defineShardIndex(() => new CreatedIndex())
