/**
 * Loads the schema model from the catalog in a fixed number of queries, whatever the number of
 * tables: each query takes arrays of names or oids (`= ANY($1)`). Either only the names pending
 * statements mention, or every user object (for snapshots and drift).
 * Catalog reference: https://www.postgresql.org/docs/current/catalogs.html
 */
import type { ReadOnlySession } from '../../../engine/define.js'
import {
  emptyModel,
  keyOf,
  type Column,
  type Constraint,
  type ConstraintType,
  type Dependent,
  type ExtensionInfo,
  type Relation,
  type RelationKind,
  type SchemaModel,
  type TypeInfo,
} from './model.js'
import type { ReferencedNames } from './names.js'
import { ALWAYS_RESOLVED, lookupKeys } from './type-names.js'

/** What to load: the names statements mention, or every user object. */
export type LoadScope = { readonly kind: 'names'; readonly names: ReferencedNames } | { readonly kind: 'all' }

/** pg_class.relkind to the model's kind. */
const RELKINDS: Readonly<Record<string, RelationKind>> = {
  r: 'table',
  p: 'partitioned table',
  v: 'view',
  m: 'materialized view',
  f: 'foreign table',
  S: 'sequence',
  i: 'index',
  I: 'partitioned index',
  c: 'composite type',
}

/** SQL condition for a schema that holds user objects. */
const USER_SCHEMA = `n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'`

/** SQL condition excluding objects that belong to an extension (they come and go with it). */
const NOT_EXTENSION_MEMBER = (catalog: string, oid: string): string =>
  `NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = '${catalog}'::regclass AND e.objid = ${oid} AND e.deptype = 'e')`

/** Loads the model; the number of queries is constant (seven at most). */
export async function loadSchemaModel(db: ReadOnlySession, scope: LoadScope): Promise<SchemaModel> {
  const isAll = scope.kind === 'all'
  const names = scope.kind === 'names' ? scope.names : undefined
  const meta = await loadMeta(db, names, isAll)
  const searchedSchemas = new Set([...(names?.schemas ?? []), ...meta.searchPath])
  const relations = await loadRelations(db, names, searchedSchemas, isAll)
  const tableOids = relations.filter((r) => r.kind !== 'index' && r.kind !== 'partitioned index' && r.kind !== 'sequence').map((r) => r.oid!)
  const indexOids = relations.filter((r) => r.kind === 'index' || r.kind === 'partitioned index').map((r) => r.oid!)
  const byOid = new Map(relations.map((r) => [r.oid!, r]))
  await loadColumns(db, tableOids, byOid)
  const indexes = await loadIndexes(db, tableOids, indexOids, byOid)
  const constraints = await loadConstraints(db, tableOids)
  const dependents = isAll ? new Map<number, Dependent[]>() : await loadDependents(db, tableOids)
  const types = await loadTypes(db, names, searchedSchemas, isAll)

  const model = {
    ...emptyModel(isAll),
    schemas: new Set(meta.schemas),
    searchedSchemas,
    searchedRelations: new Set(names?.relations ?? []),
    extensions: new Map(meta.extensions.map((e) => [e.name, e])),
    availableExtensions: new Set(meta.available),
    searchPath: meta.searchPath,
    resolvedTypes: types.resolved,
    types: types.user,
  }
  for (const [oid, relation] of byOid) {
    const withIndex = indexes.has(oid) ? { ...relation, index: indexes.get(oid)! } : relation
    model.relations.set(keyOf(relation.schema, relation.name), { ...withIndex, dependents: dependents.get(oid) ?? [] })
  }
  for (const constraint of constraints) {
    // A foreign key from an unloaded table into a loaded one: the referencing table joins the
    // model as a stub with unknown columns, so dropping the referenced table sees it.
    if (!model.relations.has(constraint.table)) model.relations.set(constraint.table, stubTable(constraint.table))
    model.relations.get(constraint.table)!.constraints.set(constraint.name, constraint)
  }
  return model
}

/** A table known only by name (it references a loaded table). */
function stubTable(key: string): Relation {
  const dot = key.indexOf('.')
  return {
    schema: key.slice(0, dot),
    name: key.slice(dot + 1),
    kind: 'table',
    columns: new Map(),
    attnums: 0,
    isOpaque: true,
    constraints: new Map(),
    dependents: [],
    origin: 'target',
  }
}

interface Meta {
  readonly searchPath: string[]
  readonly schemas: string[]
  readonly extensions: ExtensionInfo[]
  readonly available: string[]
}

/** Search path, the schemas and extensions asked for, and which extensions the server could install. */
async function loadMeta(db: ReadOnlySession, names: ReferencedNames | undefined, isAll: boolean): Promise<Meta> {
  const [row] = await db.query<{ search_path: string[]; schemas: string[]; extensions: ExtensionInfo[] | null; available: string[] }>(
    `SELECT pg_catalog.current_schemas(false)::text[] AS search_path,
            ARRAY(SELECT n.nspname::text FROM pg_catalog.pg_namespace n
                   WHERE n.nspname = ANY($1::text[]) OR n.nspname = ANY(pg_catalog.current_schemas(false)) OR ($3 AND ${USER_SCHEMA})
                   ORDER BY 1) AS schemas,
            (SELECT json_agg(json_build_object('name', x.extname, 'version', x.extversion, 'schema', n.nspname) ORDER BY x.extname)
               FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
              WHERE x.extname = ANY($2::text[]) OR $3) AS extensions,
            ARRAY(SELECT a.name::text FROM pg_catalog.pg_available_extensions a WHERE a.name = ANY($2::text[])) AS available`,
    [[...(names?.schemas ?? [])], [...(names?.extensions ?? [])], isAll],
  )
  return { searchPath: row!.search_path, schemas: row!.schemas, extensions: row!.extensions ?? [], available: row!.available }
}

interface RelationRow extends Record<string, unknown> {
  oid: number
  schema: string
  name: string
  relkind: string
  reltuples: number
  parents: string[]
}

/** Relations by name in the searched schemas, or every user relation. */
async function loadRelations(db: ReadOnlySession, names: ReferencedNames | undefined, schemas: ReadonlySet<string>, isAll: boolean): Promise<Relation[]> {
  const rows = await db.query<RelationRow>(
    `SELECT c.oid, n.nspname::text AS schema, c.relname::text AS name, c.relkind::text AS relkind, c.reltuples::float8 AS reltuples,
            ARRAY(SELECT pn.nspname || '.' || p.relname FROM pg_catalog.pg_inherits i
                    JOIN pg_catalog.pg_class p ON p.oid = i.inhparent JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
                   WHERE i.inhrelid = c.oid ORDER BY i.inhseqno)::text[] AS parents
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r','p','v','m','f','S','i','I','c')
        AND ((c.relname = ANY($1::text[]) AND n.nspname = ANY($2::text[]))
             OR ($3 AND ${USER_SCHEMA} AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}))
      ORDER BY 2, 3`,
    [[...(names?.relations ?? [])], [...schemas], isAll],
  )
  return rows.map((r) => ({
    schema: r.schema,
    name: r.name,
    kind: RELKINDS[r.relkind] ?? 'table',
    oid: r.oid,
    columns: new Map<string, Column>(),
    attnums: 0,
    isOpaque: false,
    constraints: new Map<string, Constraint>(),
    dependents: [],
    estimatedRows: r.reltuples,
    ...(r.parents.length > 0 && r.relkind !== 'i' && r.relkind !== 'I' ? { parents: r.parents } : {}),
    origin: 'target' as const,
  }))
}

interface ColumnRow extends Record<string, unknown> {
  relid: number
  attnum: number
  name: string
  dropped: boolean
  type: string
  typid: number
  category: string | null
  notnull: boolean
  default_expr: string | null
  identity: string
  generated: string
}

/** Columns of the loaded relations, dropped ones counted for the 1,600-column limit. */
async function loadColumns(db: ReadOnlySession, oids: readonly number[], byOid: ReadonlyMap<number, Relation>): Promise<void> {
  if (oids.length === 0) return
  const rows = await db.query<ColumnRow>(
    `SELECT a.attrelid AS relid, a.attnum::int AS attnum, a.attname::text AS name, a.attisdropped AS dropped,
            pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.atttypid AS typid, t.typcategory::text AS category,
            a.attnotnull AS notnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid) AS default_expr,
            a.attidentity::text AS identity, a.attgenerated::text AS generated
       FROM pg_catalog.pg_attribute a
       LEFT JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = ANY($1::oid[]) AND a.attnum > 0
      ORDER BY a.attrelid, a.attnum`,
    [oids],
  )
  for (const row of rows) {
    const relation = byOid.get(row.relid)
    if (!relation) continue
    relation.attnums = Math.max(relation.attnums, row.attnum)
    if (row.dropped) continue
    relation.columns.set(row.name, {
      name: row.name,
      type: { oid: row.typid, display: row.type, ...(row.category ? { category: row.category } : {}) },
      isNotNull: row.notnull,
      ...(row.default_expr !== null ? { defaultExpr: row.default_expr } : {}),
      ...(row.identity ? { identity: row.identity } : {}),
      ...(row.generated ? { generated: row.generated } : {}),
    })
  }
}

interface IndexRow extends Record<string, unknown> {
  indexrelid: number
  table_schema: string
  table_name: string
  columns: (string | null)[]
  unique: boolean
  primary: boolean
  valid: boolean
  immediate: boolean
  partial: boolean
  definition: string
}

/** Index facts (validity included) for the loaded tables and the indexes named directly. */
async function loadIndexes(
  db: ReadOnlySession,
  tableOids: readonly number[],
  indexOids: readonly number[],
  byOid: Map<number, Relation>,
): Promise<Map<number, NonNullable<Relation['index']>>> {
  const out = new Map<number, NonNullable<Relation['index']>>()
  if (tableOids.length === 0 && indexOids.length === 0) return out
  const rows = await db.query<IndexRow & { index_schema: string; index_name: string; relkind: string }>(
    `SELECT i.indexrelid, tn.nspname::text AS table_schema, tc.relname::text AS table_name,
            xn.nspname::text AS index_schema, xc.relname::text AS index_name, xc.relkind::text AS relkind,
            ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, ord)
                    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum AND k.attnum > 0
                   WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS columns,
            i.indisunique AS unique, i.indisprimary AS primary, i.indisvalid AS valid, i.indimmediate AS immediate,
            i.indpred IS NOT NULL AS partial, pg_catalog.pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class tc ON tc.oid = i.indrelid JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
       JOIN pg_catalog.pg_class xc ON xc.oid = i.indexrelid JOIN pg_catalog.pg_namespace xn ON xn.oid = xc.relnamespace
      WHERE i.indrelid = ANY($1::oid[]) OR i.indexrelid = ANY($2::oid[])
      ORDER BY 4, 5`,
    [tableOids, indexOids],
  )
  for (const row of rows) {
    if (!byOid.has(row.indexrelid)) {
      // An index of a loaded table that statements do not name: the model still needs it.
      byOid.set(row.indexrelid, {
        schema: row.index_schema,
        name: row.index_name,
        kind: row.relkind === 'I' ? 'partitioned index' : 'index',
        oid: row.indexrelid,
        columns: new Map(),
        attnums: 0,
        isOpaque: false,
        constraints: new Map(),
        dependents: [],
        origin: 'target',
      })
    }
    out.set(row.indexrelid, {
      table: keyOf(row.table_schema, row.table_name),
      columns: row.columns,
      isUnique: row.unique,
      isPrimary: row.primary,
      isValid: row.valid,
      isImmediate: row.immediate,
      isPartial: row.partial,
      definition: row.definition,
    })
  }
  return out
}

interface ConstraintRow extends Record<string, unknown> {
  name: string
  contype: string
  table_schema: string
  table_name: string
  ref_schema: string | null
  ref_name: string | null
  columns: string[]
  ref_columns: string[]
  validated: boolean
  index_schema: string | null
  index_name: string | null
  definition: string
}

/** Constraints on the loaded tables and foreign keys pointing at them. */
async function loadConstraints(db: ReadOnlySession, tableOids: readonly number[]): Promise<Constraint[]> {
  if (tableOids.length === 0) return []
  const rows = await db.query<ConstraintRow>(
    `SELECT c.conname::text AS name, c.contype::text AS contype,
            tn.nspname::text AS table_schema, tc.relname::text AS table_name,
            rn.nspname::text AS ref_schema, rc.relname::text AS ref_name,
            ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns,
            c.convalidated AS validated, xn.nspname::text AS index_schema, xc.relname::text AS index_name,
            pg_catalog.pg_get_constraintdef(c.oid) AS definition
       FROM pg_catalog.pg_constraint c
       JOIN pg_catalog.pg_class tc ON tc.oid = c.conrelid JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
       LEFT JOIN pg_catalog.pg_class rc ON rc.oid = c.confrelid LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
       LEFT JOIN pg_catalog.pg_class xc ON xc.oid = c.conindid AND c.contype IN ('p','u','x')
       LEFT JOIN pg_catalog.pg_namespace xn ON xn.oid = xc.relnamespace
      WHERE c.conrelid = ANY($1::oid[]) OR c.confrelid = ANY($1::oid[])
      ORDER BY 3, 4, 1`,
    [tableOids],
  )
  return rows.map((r) => ({
    name: r.name,
    type: r.contype as ConstraintType,
    table: keyOf(r.table_schema, r.table_name),
    columns: r.columns,
    ...(r.ref_schema && r.ref_name ? { refTable: keyOf(r.ref_schema, r.ref_name), refColumns: r.ref_columns } : {}),
    isValidated: r.validated,
    ...(r.index_schema && r.index_name ? { index: keyOf(r.index_schema, r.index_name) } : {}),
    definition: r.definition,
  }))
}

/** Views and materialized views whose rules use the loaded relations, with the columns they use. */
async function loadDependents(db: ReadOnlySession, tableOids: readonly number[]): Promise<Map<number, Dependent[]>> {
  const out = new Map<number, Dependent[]>()
  if (tableOids.length === 0) return out
  const rows = await db.query<{ relid: number; schema: string; name: string; relkind: string; columns: string[] }>(
    `SELECT d.refobjid AS relid, vn.nspname::text AS schema, v.relname::text AS name, v.relkind::text AS relkind,
            array_remove(array_agg(DISTINCT a.attname::text), NULL) AS columns
       FROM pg_catalog.pg_depend d
       JOIN pg_catalog.pg_rewrite r ON r.oid = d.objid
       JOIN pg_catalog.pg_class v ON v.oid = r.ev_class JOIN pg_catalog.pg_namespace vn ON vn.oid = v.relnamespace
       LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid AND d.refobjsubid > 0
      WHERE d.classid = 'pg_catalog.pg_rewrite'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
        AND d.refobjid = ANY($1::oid[]) AND r.ev_class <> d.refobjid
      GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3`,
    [tableOids],
  )
  for (const row of rows) {
    const list = out.get(row.relid) ?? []
    list.push({ name: keyOf(row.schema, row.name), kind: RELKINDS[row.relkind] ?? 'view', columns: row.columns })
    out.set(row.relid, list)
  }
  return out
}

interface TypeRow extends Record<string, unknown> {
  key: string | null
  oid: number | null
  schema: string
  name: string
  display: string
  typtype: string
  category: string
  array_oid: number | null
  array_display: string | null
  labels: string[]
  relkind: string | null
}

const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema'])

/** Resolves type names (every candidate qualification at once), or lists every user type. */
async function loadTypes(
  db: ReadOnlySession,
  names: ReferencedNames | undefined,
  schemas: ReadonlySet<string>,
  isAll: boolean,
): Promise<{ resolved: Map<string, TypeInfo | null>; user: Map<string, TypeInfo> }> {
  const keys = new Set<string>(ALWAYS_RESOLVED)
  for (const parts of names?.types.values() ?? []) for (const key of lookupKeys(parts, schemas)) keys.add(key)
  const rows = await db.query<TypeRow>(
    `WITH wanted AS (
       SELECT k.key, pg_catalog.to_regtype(k.key) AS oid FROM unnest($1::text[]) AS k(key)
       UNION ALL
       SELECT NULL, t.oid FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
        WHERE $2 AND ${USER_SCHEMA} AND t.typcategory <> 'A' AND ${NOT_EXTENSION_MEMBER('pg_type', 't.oid')}
          AND (t.typtype IN ('e','d','r','m') OR (t.typtype = 'c' AND EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c')))
     )
     SELECT w.key, t.oid, n.nspname::text AS schema, t.typname::text AS name, pg_catalog.format_type(t.oid, NULL) AS display,
            t.typtype::text AS typtype, t.typcategory::text AS category,
            NULLIF(t.typarray, 0) AS array_oid, pg_catalog.format_type(NULLIF(t.typarray, 0), NULL) AS array_display,
            ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS labels,
            (SELECT c.relkind::text FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) AS relkind
       FROM wanted w LEFT JOIN pg_catalog.pg_type t ON t.oid = w.oid LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace`,
    [[...keys], isAll],
  )
  const resolved = new Map<string, TypeInfo | null>()
  const user = new Map<string, TypeInfo>()
  for (const row of rows) {
    if (row.oid === null) {
      if (row.key !== null) resolved.set(row.key, null)
      continue
    }
    const info: TypeInfo = {
      schema: row.schema,
      name: row.name,
      typtype: row.typtype,
      oid: row.oid,
      display: row.display,
      category: row.category,
      ...(row.array_oid !== null ? { arrayOid: row.array_oid, arrayDisplay: row.array_display ?? `${row.display}[]` } : {}),
      labels: row.labels,
      ...(row.relkind ? { relationKind: RELKINDS[row.relkind] ?? 'composite type' } : {}),
      origin: 'target',
    }
    if (row.key !== null) resolved.set(row.key, info)
    if (!SYSTEM_SCHEMAS.has(row.schema)) user.set(keyOf(row.schema, row.name), info)
  }
  return { resolved, user }
}
