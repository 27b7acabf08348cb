/**
 * Column types as ALTER COLUMN TYPE sees them, and which changes PostgreSQL makes without a
 * rewrite: binary-coercible casts whose length/precision coercion is a no-op (varchar_support,
 * numeric_support, varbit_support, timestamp_support in the server), checked by
 * ATColumnChangeRequiresRewrite. Measured on PostgreSQL 15 and 18 (relfilenode before/after).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { defineShardIndex, interner } from './carry.js'
import type { StatementRef, StaticContext } from '../../../engine/define.js'
import type { Statement } from '../../../dialects/postgres/parser.js'
import { liveTypeName } from './column-types.js'
import { quoteIdent, relationOf } from './sql-names.js'

/** A column type: canonical base name, type modifiers (-1 when absent) and array-ness. */
export interface TypeSpec {
  readonly base: string
  readonly mods: readonly number[]
  readonly isArray: boolean
}

// Spellings PostgreSQL treats as the same type.
const ALIASES: Readonly<Record<string, string>> = {
  int: 'int4',
  integer: 'int4',
  int4: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  real: 'float4',
  float: 'float8',
  'double precision': 'float8',
  boolean: 'bool',
  'character varying': 'varchar',
  character: 'bpchar',
  char: 'bpchar',
  decimal: 'numeric',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  'time with time zone': 'timetz',
  'bit varying': 'varbit',
}

/** The TypeSpec of a TypeName node. */
export function typeSpecOf(typeName: Record<string, any> | undefined): TypeSpec | undefined {
  const names: string[] = (typeName?.names ?? []).map((s: any) => String(s?.String?.sval ?? ''))
  const raw = names[names.length - 1]
  const last = raw?.toLowerCase()
  if (!raw || !last) return undefined
  const mods = (typeName?.typmods ?? []).map((m: any) => (m?.A_Const ? Number(m.A_Const.ival?.ival ?? 0) : Number.NaN))
  // A lone "char" is the quoted one-byte internal type (format_type prints it so); char(n) parses as pg_catalog.bpchar.
  if (names.length === 1 && names[0] === 'char') return { base: '"char"', mods, isArray: Array.isArray(typeName?.arrayBounds) && typeName.arrayBounds.length > 0 }
  // Built-in names arrive lower-case; a user type ("OrderStatus_new", an enum) keeps its spelling.
  return { base: ALIASES[last] ?? raw, mods, isArray: Array.isArray(typeName?.arrayBounds) && typeName.arrayBounds.length > 0 }
}

// Internal names as people write them.
const SQL_NAMES: Readonly<Record<string, string>> = { int2: 'smallint', int4: 'integer', int8: 'bigint', float4: 'real', float8: 'double precision', bool: 'boolean', bpchar: 'char', '"char"': '"char"' }

/** SQL spelling of a TypeSpec, e.g. `varchar(20)`, `numeric(10,2)[]`, `bigint`. */
export function typeText(t: TypeSpec): string {
  return `${SQL_NAMES[t.base] ?? quoteIdent(t.base)}${t.mods.length > 0 ? `(${t.mods.join(',')})` : ''}${t.isArray ? '[]' : ''}`
}

/** How a type change runs. */
export type ChangeVerdict = 'no-rewrite' | 'rewrite' | 'rewrite-unless-utc'

// Targets a binary-coercible, no-op change can reach from another type or typmod: with an
// unknown old type these are usually widenings and are given the benefit of the doubt (timestamps are judged by the caller).
const WIDENING_TARGETS = new Set(['varchar', 'text', 'bpchar', 'numeric', 'varbit', 'inet', 'citext', 'time', 'interval'])

/** Whether a change to `to` can avoid a rewrite from some other type or typmod. */
export function isPossibleWidening(to: TypeSpec): boolean {
  return !to.isArray && WIDENING_TARGETS.has(to.base)
}

/** Whether changing a column from `from` to `to` rewrites the table (without USING). */
export function changeVerdict(from: TypeSpec, to: TypeSpec, pgMajor: number): ChangeVerdict {
  if (from.isArray || to.isArray) return from.isArray === to.isArray && sameType(from, to) ? 'no-rewrite' : 'rewrite'
  if (sameType(from, to)) return 'no-rewrite'
  if (from.base === to.base) return isNoOpTypmodChange(from, to) ? 'no-rewrite' : 'rewrite'
  const pair = `${from.base}->${to.base}`
  // Binary-coercible casts (pg_cast.castmethod = 'b') that keep the value as it is.
  const textual = new Set(['text', 'varchar', 'citext'])
  if (textual.has(from.base) && textual.has(to.base)) return to.mods.length === 0 ? 'no-rewrite' : 'rewrite'
  if (pair === 'cidr->inet') return to.mods.length === 0 ? 'no-rewrite' : 'rewrite'
  if (pair === 'bit->varbit') return to.mods.length === 0 ? 'no-rewrite' : 'rewrite'
  // From 12 timestamp <-> timestamptz skips the rewrite when the session TimeZone is UTC.
  if (pair === 'timestamp->timestamptz' || pair === 'timestamptz->timestamp') {
    if (pgMajor < 12) return 'rewrite'
    return isNoOpTypmodChange(from, { ...to, base: from.base }) ? 'rewrite-unless-utc' : 'rewrite'
  }
  return 'rewrite'
}

/** Same base type and same modifiers. */
function sameType(a: TypeSpec, b: TypeSpec): boolean {
  return a.base === b.base && a.mods.length === b.mods.length && a.mods.every((m, i) => m === b.mods[i])
}

/** Whether a typmod change within one base type is a no-op length/precision coercion. */
function isNoOpTypmodChange(from: TypeSpec, to: TypeSpec): boolean {
  const [fromFirst, fromSecond = 0] = from.mods
  const [toFirst, toSecond = 0] = to.mods
  switch (from.base) {
    case 'varchar':
    case 'varbit':
    case 'timestamp':
    case 'timestamptz':
    case 'time':
      // Unbounded target, or a larger bound than a bounded source.
      return toFirst === undefined || (fromFirst !== undefined && toFirst >= fromFirst)
    case 'numeric':
      return toFirst === undefined || (fromFirst !== undefined && toSecond === fromSecond && toFirst >= fromFirst)
    case 'bpchar':
    case 'interval':
      return toFirst === undefined
    default:
      return false
  }
}

/** One declaration or change of a column's type in the pending set. */
interface TypeRecord {
  readonly at: number
  /** The declared type; undefined once the column is dropped or renamed away, or when it is unknown. */
  readonly type: TypeSpec | undefined
  /** For a column renamed from one the pending set never declared: its name on the target. */
  readonly liveName?: string
  readonly table: string
  readonly column: string
}

/**
 * Every column type declaration and change of the pending set, by table and column: the current
 * shard's in statement order, and for earlier shards only the latest (every later statement comes
 * after all of it), carried across shards. Types are shared between columns, one object per spelling.
 */
class TypeIndex {
  readonly past = new Map<string, Map<string, TypeRecord>>()
  current = new Map<string, TypeRecord[]>()
  order = new Map<Statement, number>()
  /** One object per distinct type. */
  readonly #shared = interner((t: TypeSpec) => `${t.base}(${t.mods.join(',')})${t.isArray ? '[]' : ''}`)
  #next = 0

  /** The latest record of the column before statement `at` (of the current shard). */
  latest(table: string, column: string, at: number): TypeRecord | undefined {
    let last: TypeRecord | undefined
    for (const change of this.current.get(`${table}|${column}`) ?? []) {
      if (change.at >= at) break
      last = change
    }
    return last ?? this.past.get(table)?.get(column)
  }

  extend(ctx: StaticContext): void {
    this.#carryCurrent()
    this.order = new Map()
    this.current = new Map()
    let at = 0
    const set = (table: string, column: string, type: TypeSpec | undefined, liveName?: string): void => {
      const key = `${table}|${column}`
      const record = { at, type: type && this.#shared(type), ...(liveName === undefined ? {} : { liveName }), table, column }
      const list = this.current.get(key)
      if (list) list.push(record)
      else this.current.set(key, [record])
    }
    for (const file of ctx.files) {
      for (const stmt of file.parsed.statements) {
        at = this.#next++
        this.order.set(stmt, at)
        const n = stmt.node
        const table = relationOf(n.relation)?.key
        if (table && stmt.kind === 'CreateStmt') {
          for (const elt of n.tableElts ?? []) if (elt.ColumnDef?.colname) set(table, elt.ColumnDef.colname, typeSpecOf(elt.ColumnDef.typeName))
        } else if (table && stmt.kind === 'AlterTableStmt') {
          for (const c of n.cmds ?? []) {
            const cmd = c.AlterTableCmd ?? {}
            if (cmd.subtype === 'AT_AddColumn' && cmd.def?.ColumnDef?.colname) set(table, cmd.def.ColumnDef.colname, typeSpecOf(cmd.def.ColumnDef.typeName))
            else if (cmd.subtype === 'AT_AlterColumnType' && cmd.name) set(table, cmd.name, typeSpecOf(cmd.def?.ColumnDef?.typeName))
            else if (cmd.subtype === 'AT_DropColumn' && cmd.name) set(table, cmd.name, undefined)
          }
        } else if (table && stmt.kind === 'RenameStmt' && n.renameType === 'OBJECT_COLUMN' && n.subname && n.newname) {
          // Rename keeps the type; a column the pending set never declared keeps its target type, under its old name.
          const before = this.latest(table, n.subname, at + 1)
          if (before) set(table, n.newname, before.type, before.liveName)
          else set(table, n.newname, undefined, n.subname)
          set(table, n.subname, undefined)
        }
      }
    }
  }

  /** Folds the finished shard's records into `past`, keeping each column's latest. */
  #carryCurrent(): void {
    for (const records of this.current.values()) {
      const last = records[records.length - 1]!
      let columns = this.past.get(last.table)
      if (!columns) this.past.set(last.table, (columns = new Map()))
      columns.set(last.column, last)
    }
  }
}

/**
 * The column's type just before `ref`: from the pending set itself (CREATE TABLE, ADD COLUMN,
 * ALTER TYPE, RENAME COLUMN), else from the target when one is connected (live facts).
 */
export function typeBefore(ctx: StaticContext, ref: StatementRef, table: string, column: string): TypeSpec | undefined {
  const index = typeIndex(ctx)
  const last = index.latest(table, column, index.order.get(ref.stmt) ?? -1)
  if (last?.type) return last.type
  const liveName = last ? last.liveName : column
  return liveName === undefined ? undefined : typeSpecOf(liveTypeName(ctx, table, liveName))
}

/** The TypeIndex of the run, up to the end of the current shard. */
const typeIndex = defineShardIndex(() => new TypeIndex())
