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
