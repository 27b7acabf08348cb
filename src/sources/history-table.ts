/**
 * Locating a tool's history table on the target. Existence is checked with to_regclass, which
 * resolves unqualified names through search_path as the tool itself does and returns NULL for
 * a missing table instead of raising (https://www.postgresql.org/docs/current/functions-info.html).
 */
import type { MigrationHistory, QueryFn } from './layout.js'

/** Where a history table is, or would be, on the target. */
export interface TableRef {
  readonly exists: boolean
  /** Schema-qualified name for messages, e.g. "public.schema_migrations". */
  readonly table: string
  /** Quoted identifier to interpolate into a SELECT; empty when the table does not exist. */
  readonly sqlName: string
}

/** Double-quotes an identifier, doubling embedded quotes. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/** Finds a table by the name the tool uses (qualified or resolved through search_path). */
export async function findTable(query: QueryFn, name: string): Promise<TableRef> {
  const rows = await query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.oid = pg_catalog.to_regclass($1)`,
    [name],
  )
  const row = rows[0]
  if (row) return { exists: true, table: `${row.schema}.${row.name}`, sqlName: `${quoteIdent(row.schema)}.${quoteIdent(row.name)}` }
  if (name.includes('.')) return { exists: false, table: name, sqlName: '' }
  // The tool would create an unqualified table in the current schema, so name that one.
  const [current] = await query<{ schema: string | null }>('SELECT pg_catalog.current_schema() AS schema')
  return { exists: false, table: `${current?.schema ?? 'public'}.${name}`, sqlName: '' }
}

/** The history of a target where the tool never ran. */
export function missingHistory(ref: TableRef): MigrationHistory {
  return { table: ref.table, exists: false, applied: [] }
}

/** Names of the columns of an existing table, for layouts whose table shape varies. */
export async function listColumns(query: QueryFn, ref: TableRef): Promise<string[]> {
  const rows = await query<{ name: string }>(
    `SELECT attname AS name FROM pg_catalog.pg_attribute
      WHERE attrelid = pg_catalog.to_regclass($1) AND attnum > 0 AND NOT attisdropped
      ORDER BY attnum`,
    [ref.sqlName],
  )
  return rows.map((r) => r.name)
}

/** Backquotes a MySQL identifier, doubling embedded backquotes. */
export function quoteMysqlIdent(name: string): string {
  return `\`${name.replaceAll('`', '``')}\``
}

/**
 * Finds a history table on a MySQL or MariaDB target: "db.table", or a bare name in the
 * connection's database, where the tools create it. information_schema answers for a missing table too.
 */
export async function findMysqlTable(query: QueryFn, name: string): Promise<TableRef> {
  const dot = name.indexOf('.')
  const schema = dot === -1 ? null : name.slice(0, dot)
  const table = dot === -1 ? name : name.slice(dot + 1)
  const [row] = await query<{ schema_name: string; table_name: string }>(
    `SELECT table_schema AS schema_name, table_name AS table_name FROM information_schema.tables
      WHERE table_schema = COALESCE(?, DATABASE()) AND table_name = ?`,
    [schema, table],
  )
  if (row) return { exists: true, table: `${row.schema_name}.${row.table_name}`, sqlName: `${quoteMysqlIdent(row.schema_name)}.${quoteMysqlIdent(row.table_name)}` }
  const [current] = await query<{ db: string | null }>('SELECT DATABASE() AS db')
  return { exists: false, table: `${schema ?? current?.db ?? ''}.${table}`, sqlName: '' }
}

/** Names of the columns of an existing MySQL table, in order. */
export async function listMysqlColumns(query: QueryFn, ref: TableRef): Promise<string[]> {
  const [schema = '', table = ''] = ref.table.split('.')
  const rows = await query<{ name: string }>(
    'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position',
    [schema, table],
  )
  return rows.map((r) => r.name)
}
