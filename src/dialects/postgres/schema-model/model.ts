/**
 * An in-memory model of the part of a PostgreSQL schema that pending migrations touch: loaded
 * from the catalog (load.ts), then changed statement by statement by the simulator
 * (simulate.ts). Keys are "schema.name" exactly as stored (already case-folded by the parser).
 */

/** Relation kinds, named as PostgreSQL's error messages name them. */
export const RELATION_KINDS = [
  'table',
  'partitioned table',
  'view',
  'materialized view',
  'foreign table',
  'sequence',
  'index',
  'partitioned index',
  'composite type',
] as const
export type RelationKind = (typeof RELATION_KINDS)[number]

/** A column type as far as the model knows it. */
export interface TypeRef {
  /** pg_type oid; undefined for a type created by a pending migration or not found. */
  readonly oid?: number
  /** As format_type prints it, with modifiers: "character varying(20)", "integer[]". */
  readonly display: string
  /** pg_type.typcategory ("N" numeric, "S" string, "E" enum, "A" array...). */
  readonly category?: string
  /** Identity of a type created by a pending migration ("schema.name"). */
  readonly createdKey?: string
}

export interface Column {
  readonly name: string
  readonly type: TypeRef
  readonly isNotNull: boolean
  /** The default expression as pg_get_expr prints it. */
  readonly defaultExpr?: string
  /** "a" (ALWAYS) or "d" (BY DEFAULT) for identity columns. */
  readonly identity?: string
  /** "s" for stored generated columns. */
  readonly generated?: string
}

export interface IndexInfo {
  /** Key of the indexed table. */
  readonly table: string
  /** Column names in key order; null for an expression. */
  readonly columns: readonly (string | null)[]
  readonly isUnique: boolean
  readonly isPrimary: boolean
  /** False after a failed CREATE INDEX CONCURRENTLY: the planner ignores it and nothing relies on it. */
  readonly isValid: boolean
  /** False for a deferrable unique index (foreign keys and ON CONFLICT cannot use it). */
  readonly isImmediate: boolean
  readonly isPartial: boolean
  readonly definition?: string
}

export interface Relation {
  readonly schema: string
  name: string
  readonly kind: RelationKind
  readonly oid?: number
  /** Columns in order, for relations that have them. */
  readonly columns: Map<string, Column>
  /** Highest attribute number used, dropped columns included (PostgreSQL's 1,600 limit counts them). */
  attnums: number
  /** Columns are unknown (CREATE TABLE AS, a view, a table created by LIKE of an unknown table). */
  isOpaque: boolean
  /** Set for indexes. */
  index?: IndexInfo
  /** Constraints by name (tables only). */
  readonly constraints: Map<string, Constraint>
  /** Views and rules that depend on the relation, with the columns they use (0 = the whole row). */
  readonly dependents: readonly Dependent[]
  /** Keys of the tables it inherits from or is a partition of: ALTER TABLE on a parent reaches it. */
  parents?: readonly string[]
  /** pg_class.reltuples (-1 or 0 when never analysed), for evidence. */
  readonly estimatedRows?: number
  readonly origin: 'target' | 'migration'
}

export interface Dependent {
  readonly name: string
  readonly kind: RelationKind
  /** Names of the columns it uses; empty when it depends on the whole relation. */
  readonly columns: readonly string[]
}

export const CONSTRAINT_TYPES = { p: 'primary key', u: 'unique', f: 'foreign key', c: 'check', x: 'exclusion', t: 'trigger', n: 'not null' } as const
export type ConstraintType = keyof typeof CONSTRAINT_TYPES

export interface Constraint {
  readonly name: string
  readonly type: ConstraintType
  /** Key of the table it is on. */
  table: string
  readonly columns: readonly string[]
  /** For foreign keys: key of the referenced table and its columns. */
  refTable?: string
  readonly refColumns?: readonly string[]
  readonly isValidated: boolean
  /** Key of the index behind a primary key, unique or exclusion constraint. */
  index?: string
  readonly definition?: string
}

/** A type: user-defined ones are kept by key in `types`; every lookup is kept in `resolvedTypes`. */
export interface TypeInfo {
  readonly schema: string
  name: string
  /** pg_type.typtype: e enum, d domain, c composite, r range, b base, m multirange, p pseudo. */
  readonly typtype: string
  readonly oid?: number
  /** format_type(oid, NULL), or the name for a type created by a pending migration. */
  readonly display: string
  /** pg_type.typcategory ("N" numeric, "S" string, "E" enum...). */
  readonly category: string
  readonly arrayOid?: number
  readonly arrayDisplay?: string
  /** Enum labels in order. */
  readonly labels: string[]
  /** For composite types: the kind of relation behind them (every table has a row type). */
  readonly relationKind?: RelationKind
  readonly origin: 'target' | 'migration'
}

export interface ExtensionInfo {
  readonly name: string
  readonly version: string
  readonly schema: string
}

/** The model; mutable so the simulator can replay statements on it. */
export interface SchemaModel {
  /** Schemas known to exist. */
  readonly schemas: Set<string>
  /** Schemas the loader looked at: absence from `schemas` means "does not exist". */
  readonly searchedSchemas: ReadonlySet<string>
  /** Relation names the loader looked up: absence from `relations` means "does not exist". */
  readonly searchedRelations: ReadonlySet<string>
  readonly relations: Map<string, Relation>
  readonly types: Map<string, TypeInfo>
  /** Catalog lookups by quoted name ('"pg_catalog"."int4"', '"text"'); null when there is no such type. */
  readonly resolvedTypes: ReadonlyMap<string, TypeInfo | null>
  readonly extensions: Map<string, ExtensionInfo>
  /** Extensions whose files are installed on the server (pg_available_extensions). */
  readonly availableExtensions: ReadonlySet<string>
  /** The session's effective search path (current_schemas(false)). */
  searchPath: string[]
  /** True when every user schema was loaded (snapshots), not only referenced names. */
  readonly isComplete: boolean
}

/** "schema.name" key of an object. */
export function keyOf(schema: string, name: string): string {
  return `${schema}.${name}`
}

/** Splits a key back into schema and name (names may contain dots; schemas are taken up to the first). */
export function splitKey(key: string): { schema: string; name: string } {
  const dot = key.indexOf('.')
  return { schema: key.slice(0, dot), name: key.slice(dot + 1) }
}

/** Quotes an identifier the way PostgreSQL prints it: only when needed. */
export function displayIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`
}

/** A key for messages: "public.users" -> "users" when in public, else "app.users". */
export function displayKey(key: string): string {
  const { schema, name } = splitKey(key)
  return schema === 'public' ? displayIdent(name) : `${displayIdent(schema)}.${displayIdent(name)}`
}

/** An empty model. */
export function emptyModel(isComplete = false): SchemaModel {
  return {
    schemas: new Set(),
    searchedSchemas: new Set(),
    searchedRelations: new Set(),
    relations: new Map(),
    types: new Map(),
    resolvedTypes: new Map(),
    extensions: new Map(),
    availableExtensions: new Set(),
    searchPath: ['public'],
    isComplete,
  }
}

/** Tables in the model that inherit from `key` or are its partitions, at any depth. */
export function descendantsOf(model: SchemaModel, key: string): Relation[] {
  const out: Relation[] = []
  const seen = new Set([key])
  let frontier = [key]
  while (frontier.length > 0) {
    const next: string[] = []
    for (const [k, r] of model.relations) {
      if (seen.has(k) || !r.parents?.some((p) => frontier.includes(p))) continue
      seen.add(k)
      out.push(r)
      next.push(k)
    }
    frontier = next
  }
  return out
}

/** Indexes of a table in the model. */
export function indexesOf(model: SchemaModel, tableKey: string): Relation[] {
  return [...model.relations.values()].filter((r) => r.index?.table === tableKey)
}
