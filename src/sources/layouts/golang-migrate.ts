/**
 * golang-migrate: <version>_<name>.up.sql (and .down.sql, never run forwards), history in
 * schema_migrations(version bigint, dirty boolean) holding one row: the newest version.
 * https://github.com/golang-migrate/migrate/blob/master/database/postgres/README.md
 */
import path from 'node:path'
import { compareIntegerIds, listFileNames, readText, toMigrationFile, type TransactionDefault } from '../files.js'
import { findMysqlTable, findTable, missingHistory } from '../history-table.js'
import type { Layout, MigrationFile, MigrationHistory, QueryFn } from '../layout.js'

const UP_FILE = /^(\d+)_(.*)\.up\.sql$/

/**
 * The postgres driver sends the whole file as one simple-protocol query; PostgreSQL runs a
 * multi-statement query string as one implicit transaction (a single statement runs alone).
 * With `x-multi-statement=true` in the URL the driver splits the file and nothing wraps it;
 * the URL is not visible from the files, so set migrations.transaction to "never" in that case.
 * https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT
 */
const TRANSACTION: TransactionDefault = {
  runs: true,
  reason: 'golang-migrate sends the file as one query, which PostgreSQL runs in an implicit transaction for multi-statement files (not with x-multi-statement=true)',
}

/** Says what marks `dir` as a golang-migrate folder (a *.up.sql file), or undefined. */
export async function findGolangMigrateMarker(dir: string): Promise<string | undefined> {
  const first = (await listFileNames(dir)).find((n) => UP_FILE.test(n))
  return first ? `found ${first} (<version>_<name>.up.sql)` : undefined
}

/** Reads the single schema_migrations row; a dirty row marks that version as failed. */
async function readGolangMigrateHistory(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findTable(query, 'schema_migrations')
  if (!ref.exists) return missingHistory(ref)
  // Same read as the driver's Version(): the table holds at most one row.
  const [row] = await query<{ version: string; dirty: boolean }>(`SELECT version::text AS version, dirty FROM ${ref.sqlName} LIMIT 1`)
  return historyFromRow(ref.table, row)
}

/** The same on MySQL, where the driver keeps schema_migrations(version bigint, dirty boolean) in the connection's database. */
async function readGolangMigrateHistoryMysql(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findMysqlTable(query, 'schema_migrations')
  if (!ref.exists) return missingHistory(ref)
  const [row] = await query<{ version: string; dirty: number | string }>(`SELECT CAST(version AS CHAR) AS version, dirty <> 0 AS dirty FROM ${ref.sqlName} LIMIT 1`)
  return historyFromRow(ref.table, row && { version: row.version, dirty: Number(row.dirty) === 1 })
}

/** The history the single schema_migrations row describes. */
function historyFromRow(table: string, row: { version: string; dirty: boolean } | undefined): MigrationHistory {
  // No row, or -1 (NilVersion) after migrating all the way down: nothing is applied.
  if (!row || BigInt(row.version) < 0n) return { table, exists: true, applied: [] }
  const applied = {
    id: row.version,
    isFailed: row.dirty,
    ...(row.dirty
      ? { detail: `schema_migrations is dirty at version ${row.version}: that migration failed part-way; repair the database, then run "migrate force ${row.version}" (or the version before it)` }
      : {}),
  }
  return { table, exists: true, applied: [applied], appliedUpTo: row.version }
}

/** Applied when at or below the stored version, except the stored version itself while dirty. */
function isGolangMigrateApplied(file: MigrationFile, history: MigrationHistory): boolean {
  if (history.appliedUpTo === undefined) return false
  const version = BigInt(file.id)
  const upTo = BigInt(history.appliedUpTo)
  if (version < upTo) return true
  return version === upTo && !history.applied.some((r) => r.id === file.id && r.isFailed)
}

export const golangMigrate: Layout = {
  name: 'golang-migrate',
  tool: 'golang-migrate',
  historyTable: 'public.schema_migrations',
  detect: async (dir) => (await findGolangMigrateMarker(dir)) !== undefined,
  async list(dir, projectRoot, options) {
    const files = await Promise.all(
      (await listFileNames(dir)).flatMap((fileName) => {
        const match = UP_FILE.exec(fileName)
        if (!match) return []
        const absPath = path.join(dir, fileName)
        return [
          readText(absPath).then((raw) =>
            // The history stores the version as bigint, so "0001" is stored as 1.
            toMigrationFile({ id: BigInt(match[1]!).toString(), name: match[2]!, absPath, raw, transaction: TRANSACTION }, projectRoot, options.transaction),
          ),
        ]
      }),
    )
    return files.sort(compareIntegerIds)
  },
  readHistory: readGolangMigrateHistory,
  readHistoryMysql: readGolangMigrateHistoryMysql,
  isApplied: isGolangMigrateApplied,
}
