/**
 * Supabase CLI: supabase/migrations/<timestamp>_<name>.sql, history in
 * supabase_migrations.schema_migrations(version, statements, name).
 * https://supabase.com/docs/guides/deployment/database-migrations
 */
import path from 'node:path'
import { hasSuccessfulRow, isFolder, listFileNames, readText, toMigrationFile, type TransactionDefault } from '../files.js'
import { findTable, missingHistory } from '../history-table.js'
import type { Layout, MigrationHistory, QueryFn } from '../layout.js'

/** The CLI's migrateFilePattern. */
const MIGRATION_FILE = /^(\d+)_(.*)\.sql$/

/** `db push` sends a file's statements and its history insert as one pgx batch: one implicit transaction. */
const TRANSACTION: TransactionDefault = {
  runs: true,
  reason: 'the Supabase CLI sends each file with its history insert as one batch, which PostgreSQL runs in one transaction',
}

/** The migrations folder: `dir` itself when it is supabase/migrations, else dir/supabase/migrations when present. */
export async function resolveSupabaseFolder(dir: string): Promise<string | undefined> {
  const normalized = path.resolve(dir)
  if (path.basename(normalized) === 'migrations' && path.basename(path.dirname(normalized)) === 'supabase') return normalized
  const nested = path.join(normalized, 'supabase', 'migrations')
  return (await isFolder(nested)) ? nested : undefined
}

/** Says what marks `dir` as a Supabase project (a supabase/migrations path), or undefined. */
export async function findSupabaseMarker(dir: string): Promise<string | undefined> {
  const folder = await resolveSupabaseFolder(dir)
  if (!folder) return undefined
  return folder === path.resolve(dir) ? 'the folder is supabase/migrations' : 'found supabase/migrations'
}

/** Reads supabase_migrations.schema_migrations. */
async function readSupabaseHistory(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findTable(query, 'supabase_migrations.schema_migrations')
  if (!ref.exists) return missingHistory(ref)
  const rows = await query<{ version: string; name: string | null }>(`SELECT version::text AS version, name FROM ${ref.sqlName} ORDER BY version`)
  const applied = rows.map((r) => ({ id: r.version, ...(r.name !== null ? { name: r.name } : {}), isFailed: false }))
  return { table: ref.table, exists: true, applied }
}

export const supabase: Layout = {
  name: 'supabase',
  tool: 'Supabase CLI',
  historyTable: 'supabase_migrations.schema_migrations',
  detect: async (dir) => (await findSupabaseMarker(dir)) !== undefined,
  async list(dir, projectRoot, options) {
    const folder = (await resolveSupabaseFolder(dir)) ?? dir
    // The CLI applies files in file-name order and skips names that do not match its pattern.
    const names = (await listFileNames(folder)).filter((n) => MIGRATION_FILE.test(n))
    return Promise.all(
      names.map(async (fileName) => {
        const [, version, name] = MIGRATION_FILE.exec(fileName)!
        const absPath = path.join(folder, fileName)
        const raw = await (options.read ?? readText)(absPath)
        return toMigrationFile({ id: version!, name: name!, absPath, raw, transaction: TRANSACTION }, projectRoot, options.transaction)
      }),
    )
  },
  readHistory: readSupabaseHistory,
  isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
}
