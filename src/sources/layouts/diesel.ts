/**
 * Diesel: <version>_<name>/up.sql (and down.sql), history in __diesel_schema_migrations.
 * https://diesel.rs/guides/getting-started#migrations
 */
import path from 'node:path'
import { compareCodeUnits, hasSuccessfulRow, isFile, listFolderNames, readText, toMigrationFile, type TransactionDefault } from '../files.js'
import { findTable, missingHistory } from '../history-table.js'
import type { Layout, MigrationHistory, QueryFn } from '../layout.js'

/** Migration folders of `dir`: those holding up.sql. */
async function listMigrationFolders(dir: string): Promise<string[]> {
  const folders = await listFolderNames(dir)
  const keep = await Promise.all(folders.map((f) => isFile(path.join(dir, f, 'up.sql'))))
  return folders.filter((_, i) => keep[i])
}

/** Says what marks `dir` as a Diesel folder (a sub-folder with up.sql), or undefined. */
export async function findDieselMarker(dir: string): Promise<string | undefined> {
  const [first] = await listMigrationFolders(dir)
  return first ? `found ${first}/up.sql` : undefined
}

/**
 * Diesel's version: the folder name up to the first "_", dashes removed
 * ("2024-01-01-120000_add_users" -> "20240101120000"), as diesel_migrations' version_from_string.
 */
export function dieselVersion(folder: string): string {
  return (folder.split('_')[0] ?? folder).replaceAll('-', '')
}

/** Reads metadata.toml, where `run_in_transaction = false` turns Diesel's transaction off. */
async function readTransactionDefault(folderPath: string): Promise<TransactionDefault> {
  const metadata = path.join(folderPath, 'metadata.toml')
  if ((await isFile(metadata)) && /^\s*run_in_transaction\s*=\s*false\s*(#.*)?$/m.test(await readText(metadata))) {
    return { runs: false, reason: 'metadata.toml sets run_in_transaction = false' }
  }
  return { runs: true, reason: 'Diesel runs each migration in a transaction (run_in_transaction defaults to true)' }
}

/** Reads __diesel_schema_migrations (version, run_on). */
async function readDieselHistory(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findTable(query, '__diesel_schema_migrations')
  if (!ref.exists) return missingHistory(ref)
  const rows = await query<{ version: string; run_on: string | null }>(
    `SELECT version::text AS version, run_on::text AS run_on FROM ${ref.sqlName} ORDER BY version`,
  )
  const applied = rows.map((r) => ({ id: r.version, ...(r.run_on !== null ? { appliedAt: r.run_on } : {}), isFailed: false }))
  return { table: ref.table, exists: true, applied }
}

export const diesel: Layout = {
  name: 'diesel',
  tool: 'Diesel',
  historyTable: 'public.__diesel_schema_migrations',
  detect: async (dir) => (await findDieselMarker(dir)) !== undefined,
  async list(dir, projectRoot, options) {
    const files = await Promise.all(
      (await listMigrationFolders(dir)).map(async (folder) => {
        const folderPath = path.join(dir, folder)
        const absPath = path.join(folderPath, 'up.sql')
        const name = folder.includes('_') ? folder.slice(folder.indexOf('_') + 1) : folder
        const facts = { id: dieselVersion(folder), name, absPath, raw: await readText(absPath), transaction: await readTransactionDefault(folderPath) }
        return toMigrationFile(facts, projectRoot, options.transaction)
      }),
    )
    // Diesel orders pending migrations by version string.
    return files.sort((a, b) => compareCodeUnits(a.id, b.id) || compareCodeUnits(a.path, b.path))
  },
  readHistory: readDieselHistory,
  isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
}
