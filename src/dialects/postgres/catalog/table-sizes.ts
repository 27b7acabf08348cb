/**
 * Sizes of the tables pending statements touch (and of the tables behind indexes they name), in
 * one query for all of them: the planner's row estimate (pg_class.reltuples) and
 * pg_total_relation_size (heap, TOAST and indexes); for a partitioned table, the sum over its
 * leaf partitions.
 * https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADMIN-DBSIZE
 *
 * pg_total_relation_size takes an ACCESS SHARE lock, so it waits behind a session holding
 * ACCESS EXCLUSIVE on the table until our lock_timeout fires (SQLSTATE 55P03). Then the sizes
 * come from the statistics instead (relpages of the table, its TOAST table and its indexes),
 * which need no lock.
 */
import type { LiveContext } from '../../../engine/define.js'
import { normaliseTable } from '../../../engine/pending.js'
import { tableArrayParams, touchedRelationSql, unqualifiedNames } from './touched.js'

/**
 * Key prefix, in LiveFacts.tableSizes, of the size of an index's table keyed by the index name
 * ("index:public.orders_idx"): REINDEX INDEX, ALTER INDEX and DROP INDEX name no table.
 */
export const INDEX_TABLE_KEY_PREFIX = 'index:'

export interface TableSize {
  /** Schema-qualified key, as in ctx.touched ("public.users"). */
  readonly table: string
  /** "schema.table" as found on the target (a search_path may resolve "public.users" to "app.users"). */
  readonly resolved: string
  /** Planner estimate; 0 when the table was never analysed. */
  readonly rows: number
  /** False when reltuples is -1 (never vacuumed or analysed). */
  readonly isRowsKnown: boolean
  /** Heap + TOAST + indexes. */
  readonly totalBytes: number
  /** Heap + TOAST (pg_table_size). */
  readonly tableBytes: number
  readonly indexBytes: number
  /** "measured" (pg_total_relation_size) or "estimated" (relpages, when the table was locked). */
  readonly source: 'measured' | 'estimated'
}

interface SizeRow extends Record<string, unknown> {
  name: string
  resolved: string
  rows: number
  total_bytes: string
  table_bytes: string
  index_bytes: string
}

/** Per-relation size expressions; `rel` is a pg_class row. */
const MEASURED = {
  rows: 'greatest(rel.reltuples, -1)::float8',
  total: 'pg_catalog.pg_total_relation_size(rel.oid)',
  table: 'pg_catalog.pg_table_size(rel.oid)',
  index: 'pg_catalog.pg_indexes_size(rel.oid)',
}

/** The same from statistics, lock-free: pages times the block size. */
const ESTIMATED = {
  rows: MEASURED.rows,
  total: `(${pages('rel')} + ${indexPages('rel')}) * current_setting('block_size')::int8`,
  table: `${pages('rel')} * current_setting('block_size')::int8`,
  index: `${indexPages('rel')} * current_setting('block_size')::int8`,
}

/** Heap plus TOAST pages of a relation. */
function pages(rel: string): string {
  return `(${rel}.relpages::int8 + coalesce((SELECT t.relpages::int8 FROM pg_catalog.pg_class t WHERE t.oid = ${rel}.reltoastrelid), 0))`
}

/** Pages of a relation's indexes. */
function indexPages(rel: string): string {
  return `coalesce((SELECT sum(i.relpages)::int8 FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = ${rel}.oid), 0)`
}

/**
 * One query for every named relation; partitioned tables sum their leaf partitions. `relations`
 * yields (name, oid) from the name arrays: the table itself, or an index's table.
 */
function sizeSql(e: typeof MEASURED, relations = touchedRelationSql(1)): string {
  const leaves = (expr: string): string =>
    `(SELECT coalesce(sum(${expr}), 0) FROM pg_catalog.pg_partition_tree(c.oid) pt JOIN pg_catalog.pg_class rel ON rel.oid = pt.relid WHERE pt.isleaf)`
  const self = (expr: string): string => `(SELECT ${expr} FROM pg_catalog.pg_class rel WHERE rel.oid = c.oid)`
  // An unanalysed partition counts as 0 rows in the sum rather than making it -1.
  const pick = (expr: string, leafExpr = expr): string => `CASE WHEN c.relkind = 'p' THEN ${leaves(leafExpr)} ELSE ${self(expr)} END`
  return `WITH touched AS (${relations})
    SELECT t.name, (SELECT n.nspname || '.' || c.relname FROM pg_catalog.pg_namespace n WHERE n.oid = c.relnamespace) AS resolved,
           (${pick(e.rows, 'greatest(rel.reltuples, 0)')})::float8 AS rows, (${pick(e.total)})::text AS total_bytes,
           (${pick(e.table)})::text AS table_bytes, (${pick(e.index)})::text AS index_bytes
      FROM touched t JOIN pg_catalog.pg_class c ON c.oid = t.oid
     WHERE c.relkind IN ('r', 'p', 'm')`
}

/** The table behind each named index: REINDEX INDEX and ALTER INDEX name no table. */
const INDEX_TABLES = `SELECT n.name, x.indrelid AS oid
      FROM (${touchedRelationSql(1)}) n JOIN pg_catalog.pg_index x ON x.indexrelid = n.oid`

/** Reads the sizes of ctx.touched once per run; tables that do not exist yet are absent. */
export function readTableSizes(ctx: LiveContext): Promise<ReadonlyMap<string, TableSize>> {
  return ctx.memo('postgres:table-sizes', () => readSizes(ctx, ctx.touched.map((t) => normaliseTable(t.table))))
}

/**
 * Reads the size of each named index's table, keyed by the index name ("public.orders_idx");
 * `table` stays the index name. Indexes that do not exist yet are absent.
 */
export function readIndexTableSizes(ctx: LiveContext, indexes: readonly string[]): Promise<ReadonlyMap<string, TableSize>> {
  return readSizes(ctx, indexes.map(normaliseTable), INDEX_TABLES)
}

/** One size query for the names, falling back to lock-free statistics when a table is locked. */
async function readSizes(ctx: LiveContext, names: readonly string[], relations?: string): Promise<ReadonlyMap<string, TableSize>> {
  const out = new Map<string, TableSize>()
  if (names.length === 0) return out
  const params = tableArrayParams(names, unqualifiedNames(ctx.pending, Math.floor(ctx.server.major)))
  let rows: SizeRow[]
  let source: TableSize['source'] = 'measured'
  try {
    rows = await ctx.db.query<SizeRow>(sizeSql(MEASURED, relations), params)
  } catch (error) {
    if ((error as { code?: string }).code !== '55P03') throw error
    ctx.log.log('info', 'a touched table is locked: table sizes come from the statistics (relpages) instead of pg_total_relation_size')
    rows = await ctx.db.query<SizeRow>(sizeSql(ESTIMATED, relations), params)
    source = 'estimated'
  }
  for (const row of rows) {
    out.set(row.name, {
      table: row.name,
      resolved: row.resolved ?? row.name,
      rows: Math.max(0, row.rows),
      isRowsKnown: row.rows >= 0,
      totalBytes: Number(row.total_bytes),
      tableBytes: Number(row.table_bytes),
      indexBytes: Number(row.index_bytes),
      source,
    })
  }
  return out
}
