/**
 * Names as the blocking rules print them: schema-qualified and quoted where PostgreSQL needs
 * quotes, so the SQL in a message or mitigation can be pasted as it is.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { relationName } from '../../../dialects/postgres/locks.js'
import { tableKey } from './created-in-pending.js'

// Fully reserved keywords (https://www.postgresql.org/docs/current/sql-keywords-appendix.html):
// as bare identifiers they are syntax errors.
const RESERVED = new Set(
  (
    'all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column ' +
    'concurrently constraint create cross current_catalog current_date current_role current_schema current_time ' +
    'current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign freeze from ' +
    'full grant group having ilike in initially inner intersect into is isnull join lateral leading left like limit localtime ' +
    'localtimestamp natural not notnull null offset on only or order outer overlaps placing primary references returning ' +
    'right select session_user similar some symmetric system_user table tablesample then to trailing true union unique user ' +
    'using variadic verbose when where window with'
  ).split(' '),
)

/** Quotes an identifier when PostgreSQL would not read it back as written. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`
}

/** Printable `schema.name` of a canonical table key (`public.orders`, `Sales.Orders`). */
export function displayKey(key: string): string {
  const dot = key.indexOf('.')
  return dot === -1 ? quoteIdent(key) : `${quoteIdent(key.slice(0, dot))}.${quoteIdent(key.slice(dot + 1))}`
}

/** A relation named in a statement: its canonical key and how to print it. */
export interface RelationRef {
  /** `schema.name` with the default `public`, as the other rules and the live checks key tables. */
  readonly key: string
  /** The name as written (`orders` or `app.orders`): what isCreatedBefore resolves through a SET search_path. */
  readonly name: string
  /** Quoted where needed, schema-qualified. */
  readonly display: string
}

/** Key and printable name of a RangeVar, or undefined when the node names nothing. */
export function relationOf(rangeVar: Record<string, any> | undefined): RelationRef | undefined {
  const name = relationName(rangeVar)
  if (!name || !rangeVar) return undefined
  const schema = String(rangeVar.schemaname ?? 'public')
  const relname = String(rangeVar.relname)
  return { key: tableKey(name), name, display: `${quoteIdent(schema)}.${quoteIdent(relname)}` }
}

/** Key and printable name of a `[schema, name]` String-node list (DROP INDEX, ALTER TYPE objects). */
export function qualifiedNameOf(items: readonly any[] | undefined): RelationRef | undefined {
  const parts = (items ?? []).map((i: any) => i?.String?.sval).filter((s: unknown): s is string => typeof s === 'string')
  if (parts.length === 0) return undefined
  const name = parts[parts.length - 1]!
  const schema = parts.length > 1 ? parts[parts.length - 2]! : 'public'
  return { key: `${schema}.${name}`, name: parts.length > 1 ? `${schema}.${name}` : name, display: `${quoteIdent(schema)}.${quoteIdent(name)}` }
}
