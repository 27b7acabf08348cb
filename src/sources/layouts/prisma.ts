/**
 * Prisma Migrate: migrations/<timestamp>_<name>/migration.sql, history in _prisma_migrations.
 * https://www.prisma.io/docs/orm/prisma-migrate/understanding-prisma-migrate/migration-histories
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { hasSuccessfulRow, isFile, listFolderNames, readText, toMigrationFile, type TransactionDefault } from '../files.js'
import { findTable, missingHistory } from '../history-table.js'
import type { AppliedMigration, Layout, MigrationHistory, QueryFn } from '../layout.js'
import type { Dialect } from '../../config/constants.js'

const SCRIPT = 'migration.sql'

/** The schema engine sends migration.sql as one script, which PostgreSQL runs as one implicit transaction. */
const TRANSACTION: TransactionDefault = {
  runs: true,
  reason: 'Prisma sends migration.sql as one script, which PostgreSQL runs in an implicit transaction',
}

/** Migration folders of `dir` (those holding migration.sql), in name order as Prisma sorts them. */
async function listMigrationFolders(dir: string): Promise<string[]> {
  const folders = await listFolderNames(dir)
  const keep = await Promise.all(folders.map((f) => isFile(path.join(dir, f, SCRIPT))))
  return folders.filter((_, i) => keep[i])
}

/** Says what marks `dir` as a Prisma migrations folder (a sub-folder with migration.sql), or undefined. */
export async function findPrismaMarker(dir: string): Promise<string | undefined> {
  const [first] = await listMigrationFolders(dir)
  return first ? `found ${first}/${SCRIPT}` : undefined
}

/**
 * The provider Prisma wrote in migration_lock.toml (`provider = "mysql"`), as a dialect: the
 * migrations are that database's SQL. Other providers (sqlite, sqlserver) are none of ours.
 */
export async function readPrismaProvider(dir: string): Promise<{ dialect: Dialect; source: string } | undefined> {
  const lock = path.join(dir, 'migration_lock.toml')
  if (!(await isFile(lock))) return undefined
  const provider = /^\s*provider\s*=\s*"([^"]+)"/m.exec(await readText(lock))?.[1]?.toLowerCase()
  const dialect: Dialect | undefined = provider === 'mysql' ? 'mysql' : provider === 'postgresql' || provider === 'postgres' || provider === 'cockroachdb' ? 'postgres' : undefined
  return dialect ? { dialect, source: `provider = "${provider}" in ${path.basename(dir)}/migration_lock.toml` } : undefined
}

/** Prisma's checksum: SHA-256 of the script, as lowercase hex. */
export function prismaChecksum(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex')
}

interface PrismaRow extends Record<string, unknown> {
  migration_name: string
  checksum: string
  started_at: string | null
  finished_at: string | null
  rolled_back_at: string | null
  logs: string | null
}

/** Normalises one _prisma_migrations row; unfinished or rolled-back rows are failures. */
function toApplied(row: PrismaRow): AppliedMigration {
  const appliedAt = row.finished_at ?? row.started_at
  const base = { id: row.migration_name, checksum: row.checksum, ...(appliedAt !== null ? { appliedAt } : {}) }
  if (row.rolled_back_at !== null) {
    return { ...base, isFailed: true, detail: `marked rolled back at ${row.rolled_back_at} (prisma migrate resolve --rolled-back); Prisma will apply it again` }
  }
  if (row.finished_at === null) {
    const logs = row.logs ? `: ${row.logs.split('\n')[0]}` : ''
    return { ...base, isFailed: true, detail: `started at ${row.started_at ?? 'an unknown time'} and never finished${logs}; resolve it with prisma migrate resolve` }
  }
  return { ...base, isFailed: false }
}

/** Reads _prisma_migrations in the order the migrations were started. */
async function readPrismaHistory(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findTable(query, '_prisma_migrations')
  if (!ref.exists) return missingHistory(ref)
  const rows = await query<PrismaRow>(
    `SELECT migration_name, checksum, started_at::text AS started_at, finished_at::text AS finished_at,
            rolled_back_at::text AS rolled_back_at, logs
       FROM ${ref.sqlName} ORDER BY started_at, migration_name`,
  )
  return { table: ref.table, exists: true, applied: rows.map(toApplied) }
}

export const prisma: Layout = {
  name: 'prisma',
  tool: 'Prisma Migrate',
  historyTable: 'public._prisma_migrations',
  detect: async (dir) => (await findPrismaMarker(dir)) !== undefined,
  declaredDialect: readPrismaProvider,
  async list(dir, projectRoot, options) {
    return Promise.all(
      (await listMigrationFolders(dir)).map(async (folder) => {
        const absPath = path.join(dir, folder, SCRIPT)
        const name = folder.replace(/^\d+_/, '')
        return toMigrationFile({ id: folder, name, absPath, raw: await readText(absPath), transaction: TRANSACTION }, projectRoot, options.transaction)
      }),
    )
  },
  readHistory: readPrismaHistory,
  checksum: (file) => prismaChecksum(file.raw),
  // A rolled-back row may be followed by a later, finished one: any finished row counts.
  isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
}
