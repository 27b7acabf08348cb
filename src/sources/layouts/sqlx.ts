/**
 * sqlx (Rust): <version>_<description>.sql, or reversible <version>_<description>.up.sql (and
 * .down.sql, never run forwards), in a folder beside a Cargo.toml that uses sqlx. Each file runs in
 * a transaction unless it starts with `-- no-transaction`. History in _sqlx_migrations(version,
 * description, success, checksum): the checksum is SHA-384 of the file.
 * https://docs.rs/sqlx/latest/sqlx/macro.migrate.html
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { compareIntegerIds, hasSuccessfulRow, isFile, listFileNames, readText, toMigrationFile, type TransactionDefault } from '../files.js'
import { findMysqlTable, findTable, missingHistory, type TableRef } from '../history-table.js'
import type { AppliedMigration, Layout, MigrationHistory, QueryFn, TextReader } from '../layout.js'

/** A migration sqlx runs forwards: simple, or the up half of a reversible one. */
const MIGRATION_FILE = /^(\d+)_(.*?)(\.up)?\.sql$/

/** `sqlx = ...` or `[dependencies.sqlx]` (also dev- and target-specific dependency tables) in a Cargo.toml. */
const SQLX_DEPENDENCY = /^\s*(?:sqlx\s*=|\[(?:[^\]]*\.)?(?:dev-|build-)?dependencies\.sqlx\])/m

/** Says what marks `dir` as an sqlx folder (a Cargo.toml beside it that depends on sqlx), or undefined. */
export async function findSqlxMarker(dir: string, read: TextReader = readText): Promise<string | undefined> {
  const names = await listFileNames(dir)
  if (!names.some((n) => MIGRATION_FILE.test(n) && !n.endsWith('.down.sql'))) return undefined
  // sqlx::migrate!() reads ./migrations beside the crate's Cargo.toml; file names alone look like golang-migrate's or plain SQL.
  const manifest = path.join(path.dirname(dir), 'Cargo.toml')
  if (!(await isFile(manifest))) return undefined
  const text = await read(manifest).catch(() => '')
  return SQLX_DEPENDENCY.test(text) ? `found a Cargo.toml depending on sqlx beside ${path.basename(dir)}/` : undefined
}

/** sqlx's checksum: SHA-384 of the file's bytes, as lowercase hex (the table stores the raw bytes). */
export function sqlxChecksum(raw: string): string {
  return createHash('sha384').update(raw, 'utf8').digest('hex')
}

/** The history the rows describe: a row with success = false is a migration that failed part-way. */
function historyOf(ref: TableRef, rows: readonly { version: string; description: string | null; success: boolean | number; checksum: string | null }[]): MigrationHistory {
  const applied: AppliedMigration[] = rows.map((r) => {
    const isFailed = !(r.success === true || Number(r.success) === 1)
    return {
      id: r.version,
      ...(r.description ? { name: r.description } : {}),
      ...(r.checksum ? { checksum: r.checksum.toLowerCase() } : {}),
      isFailed,
      ...(isFailed ? { detail: `_sqlx_migrations marks version ${r.version} failed (success = false): sqlx refuses to go on until the database is repaired and the row removed` } : {}),
    }
  })
  return { table: ref.table, exists: true, applied }
}

/** Reads _sqlx_migrations on PostgreSQL. */
async function readSqlxHistory(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findTable(query, '_sqlx_migrations')
  if (!ref.exists) return missingHistory(ref)
  return historyOf(ref, await query(`SELECT version::text AS version, description, success, encode(checksum, 'hex') AS checksum FROM ${ref.sqlName} ORDER BY version`))
}

/** Reads _sqlx_migrations on MySQL or MariaDB. */
async function readSqlxHistoryMysql(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findMysqlTable(query, '_sqlx_migrations')
  if (!ref.exists) return missingHistory(ref)
  return historyOf(ref, await query(`SELECT CAST(version AS CHAR) AS version, description, success, LOWER(HEX(checksum)) AS checksum FROM ${ref.sqlName} ORDER BY version`))
}

export const sqlx: Layout = {
  name: 'sqlx',
  tool: 'sqlx',
  historyTable: 'public._sqlx_migrations',
  detect: async (dir) => (await findSqlxMarker(dir)) !== undefined,
  async list(dir, projectRoot, options) {
    const names = (await listFileNames(dir)).filter((n) => MIGRATION_FILE.test(n) && !n.endsWith('.down.sql'))
    const files = await Promise.all(
      names.map(async (fileName) => {
        const [, version, description] = MIGRATION_FILE.exec(fileName)!
        const absPath = path.join(dir, fileName)
        const raw = await (options.read ?? readText)(absPath)
        const transaction: TransactionDefault = raw.startsWith('-- no-transaction')
          ? { runs: false, reason: 'the file starts with "-- no-transaction", so sqlx runs it outside a transaction' }
          : { runs: true, reason: 'sqlx runs each migration in a transaction' }
        // The history stores the version as a bigint: 0001 and 1 are the same migration.
        return toMigrationFile({ id: BigInt(version!).toString(), name: description!, absPath, raw, transaction }, projectRoot, options.transaction)
      }),
    )
    return files.sort(compareIntegerIds)
  },
  readHistory: readSqlxHistory,
  readHistoryMysql: readSqlxHistoryMysql,
  checksum: (file) => sqlxChecksum(file.raw),
  isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
}
