/**
 * Column types as written in the SQL (TypeName nodes), normalised to PostgreSQL's internal names
 * (int4, varchar, bpchar, timestamptz...), and which type changes certainly narrow the data.
 * See https://www.postgresql.org/docs/current/datatype.html for the names and their aliases.
 */
import type { StaticContext } from '../../../engine/define.js'
import { loadedPostgresParser } from '../../../dialects/postgres/parser.js'
import type { AstNode } from './ast.js'
import { tableKey } from './created-in-pending.js'

/** A column type: internal name, type modifiers (length, precision, scale) and array-ness. */
export interface ColumnType {
  readonly name: string
  readonly mods: readonly number[]
  readonly isArray: boolean
}

// Unqualified spellings that resolve to built-in types (pg_catalog comes first in search_path).
const ALIASES: Readonly<Record<string, string>> = {
  int: 'int4',
  integer: 'int4',
  smallint: 'int2',
  bigint: 'int8',
  serial4: 'serial',
  serial8: 'bigserial',
  serial2: 'smallserial',
  decimal: 'numeric',
  real: 'float4',
  float: 'float8',
  character: 'bpchar',
  char: 'bpchar',
  bool: 'bool',
  boolean: 'bool',
}

const NAMES: Readonly<Record<string, string>> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  bpchar: 'char',
  float4: 'real',
  float8: 'double precision',
  timestamp: 'timestamp',
  timestamptz: 'timestamptz',
}

/** Normalises a TypeName node; undefined when the node is missing. */
export function columnType(typeName: AstNode | undefined): ColumnType | undefined {
  // Loops, not map and filter: this runs for every column of every statement.
  const parts: string[] = []
  for (const n of typeName?.names ?? []) if (typeof n?.String?.sval === 'string') parts.push(n.String.sval)
  if (parts.length === 0) return undefined
  const isBuiltin = parts.length === 1 || parts[0] === 'pg_catalog'
  const raw = parts[parts.length - 1]!
  // The quoted "char" is a one-byte internal type, distinct from char(n) (bpchar).
  const isQuotedChar = parts.length === 1 && raw === 'char'
  const name = isBuiltin && !isQuotedChar ? (ALIASES[raw] ?? raw) : parts.join('.')
  const mods: number[] = []
  for (const m of typeName?.typmods ?? []) if (typeof m?.A_Const?.ival?.ival === 'number') mods.push(m.A_Const.ival.ival)
  // char without a length means char(1); the parser already adds it for the keyword form.
  return { name: isQuotedChar ? '"char"' : name, mods, isArray: Array.isArray(typeName?.arrayBounds) && typeName.arrayBounds.length > 0 }
}

/** A type as people write it, e.g. "varchar(100)", "bigint", "numeric(10,2)[]". */
export function describeType(type: ColumnType): string {
  const base = NAMES[type.name] ?? type.name
  return `${base}${type.mods.length ? `(${type.mods.join(',')})` : ''}${type.isArray ? '[]' : ''}`
}

/** Parses a type as the catalog prints it (format_type, e.g. "character varying(100)"). */
export function parseTypeText(text: string): ColumnType | undefined {
  return columnType(typeNameOfText(text))
}

/** The TypeName node of a type written as text, or undefined when it does not parse as one. */
export function typeNameOfText(text: string): AstNode | undefined {
  const parsed = loadedPostgresParser()?.parse(`SELECT NULL::${text}`)
  if (!parsed || parsed.statements.length !== 1) return undefined
  return parsed.statements[0]!.node.targetList?.[0]?.ResTarget?.val?.TypeCast?.typeName
}

/**
 * The column's type on the connected target before the pending migrations run (LiveFacts.columnTypes,
 * format_type text), as a TypeName node; undefined without a target or for a column it lacks.
 * The one place rules read live column types, so they all key and parse them alike.
 */
export function liveTypeName(ctx: Pick<StaticContext, 'live'>, table: string, column: string): AstNode | undefined {
  const text = ctx.live.columnTypes?.get(`${tableKey(table)}.${column}`)
  return text === undefined ? undefined : typeNameOfText(text)
}

/** liveTypeName as a ColumnType. */
export function liveColumnType(ctx: Pick<StaticContext, 'live'>, table: string, column: string): ColumnType | undefined {
  return columnType(liveTypeName(ctx, table, column))
}

/** Whether the type is one of the integer types that can overflow a growing key. */
export function isSmallInteger(type: ColumnType): boolean {
  return !type.isArray && ['int2', 'int4', 'serial', 'smallserial'].includes(type.name)
}

/** Whether the type is timestamp without time zone. */
export function isTimestampWithoutZone(type: ColumnType): boolean {
  return type.name === 'timestamp'
}

const INTEGER_WIDTH: Readonly<Record<string, number>> = { int2: 2, smallserial: 2, int4: 4, serial: 4, int8: 8, bigserial: 8 }
const TEXT_TYPES = new Set(['text', 'varchar', 'bpchar'])

/** Why changing `from` to `to` certainly narrows the values, or undefined when it does not (or is not certain). */
export function narrowingReason(from: ColumnType, to: ColumnType): string | undefined {
  if (from.isArray !== to.isArray) return undefined
  const fromInt = INTEGER_WIDTH[from.name]
  const toInt = INTEGER_WIDTH[to.name]
  if (fromInt && toInt) return toInt < fromInt ? 'values outside the smaller integer range make it fail' : undefined
  if (to.name === 'int2' || to.name === 'int4' || to.name === 'int8') {
    if (from.name === 'numeric' || from.name === 'float4' || from.name === 'float8') return 'fractional digits are rounded away'
    return undefined
  }
  if (from.name === 'float8' && to.name === 'float4') return 'double precision values lose digits as real'
  if (from.name === 'numeric' && to.name === 'numeric') return numericNarrowing(from.mods, to.mods)
  if (TEXT_TYPES.has(from.name) && (to.name === 'varchar' || to.name === 'bpchar')) return textNarrowing(from, to)
  if ((from.name === 'timestamptz' || from.name === 'timestamp') && to.name === 'date') return 'the time of day is cut off'
  if ((from.name === 'timestamptz' || from.name === 'timestamp') && to.name === from.name) return precisionNarrowing(from.mods, to.mods, 6)
  return undefined
}

/** numeric(p,s) narrowing: fewer integer digits overflow, fewer fractional digits round. */
function numericNarrowing(from: readonly number[], to: readonly number[]): string | undefined {
  if (to.length === 0) return undefined
  const toScale = to[1] ?? 0
  if (from.length === 0) return `unconstrained numeric values are forced into numeric(${to.join(',')})`
  const fromScale = from[1] ?? 0
  const fromInteger = from[0]! - fromScale
  const toInteger = to[0]! - toScale
  if (toInteger < fromInteger) return `values with more than ${toInteger} integer digits make it fail`
  if (toScale < fromScale) return `digits after the ${toScale}th decimal place are rounded away`
  return undefined
}

/** Text to varchar(n)/char(n) narrowing: longer values make the change fail. */
function textNarrowing(from: ColumnType, to: ColumnType): string | undefined {
  const toLength = to.mods[0]
  if (toLength === undefined) return undefined
  const fromLength = from.name === 'text' ? undefined : from.mods[0]
  if (fromLength !== undefined && toLength >= fromLength) return undefined
  return `values longer than ${toLength} characters make it fail`
}

/** Fractional-second precision narrowing of timestamps (default precision 6). */
function precisionNarrowing(from: readonly number[], to: readonly number[], defaultPrecision: number): string | undefined {
  const fromP = from[0] ?? defaultPrecision
  const toP = to[0] ?? defaultPrecision
  return toP < fromP ? `fractional seconds beyond ${toP} digits are rounded away` : undefined
}
