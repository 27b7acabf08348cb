/**
 * goose (pressly/goose): <version>_<name>.sql with `-- +goose Up` and `-- +goose Down` sections,
 * `-- +goose StatementBegin` / `StatementEnd` around statements holding semicolons, and
 * `-- +goose NO TRANSACTION` for a file run outside a transaction. History in goose_db_version
 * (id, version_id, is_applied, tstamp): a version is applied when its latest row says so.
 * https://pressly.github.io/goose/documentation/annotations/
 */
import path from 'node:path'
import { ConfigError } from '../../engine/errors.js'
import { compareIntegerIds, hasSuccessfulRow, listFileNames, readText, toMigrationFile, toProjectPath, type TransactionDefault } from '../files.js'
import { findMysqlTable, findTable, missingHistory, type TableRef } from '../history-table.js'
import type { AppliedMigration, Layout, MigrationHistory, QueryFn, TextReader } from '../layout.js'
import { keepOnly } from './dbmate.js'

/** goose's file pattern: the leading digits are the version (goose reads them as an integer). */
const MIGRATION_FILE = /^(\d+)_(.*)\.sql$/
/** Annotation lines; goose matches them case-insensitively at the start of a line. */
const UP_MARKER = /^--[ \t]*\+goose[ \t]+up[ \t]*\r?$/im
const DOWN_MARKER = /^--[ \t]*\+goose[ \t]+down[ \t]*\r?$/im
const NO_TRANSACTION = /^--[ \t]*\+goose[ \t]+no[ \t]+transaction[ \t]*\r?$/im

/** Says what marks `dir` as a goose folder (a file with a `-- +goose Up` line), or undefined. */
export async function findGooseMarker(dir: string, read: TextReader = readText): Promise<string | undefined> {
  for (const fileName of (await listFileNames(dir)).filter((n) => MIGRATION_FILE.test(n))) {
    if (UP_MARKER.test(await read(path.join(dir, fileName)))) return `found "-- +goose Up" in ${fileName}`
  }
  return undefined
}

/** The up section of a goose file: from after its `-- +goose Up` line to its `-- +goose Down` line or the end. */
export function findGooseUp(raw: string): { start: number; end: number } | undefined {
  const up = UP_MARKER.exec(raw)
  if (!up) return undefined
  const lineEnd = up.index + up[0].length
  const start = raw[lineEnd] === '\n' ? lineEnd + 1 : lineEnd
  const rest = raw.slice(start)
  const down = DOWN_MARKER.exec(rest)
  return { start, end: down ? start + down.index : raw.length }
}

/** The versions whose latest row (highest id) says applied; version 0 is the row goose creates with its table. */
function appliedFromRows(rows: readonly { version: string; is_applied: boolean | number | string }[]): AppliedMigration[] {
  const latest = new Map<string, boolean>()
  for (const row of rows) if (!latest.has(row.version)) latest.set(row.version, row.is_applied === true || Number(row.is_applied) === 1 || row.is_applied === 't')
  return [...latest].filter(([version, isApplied]) => isApplied && version !== '0').map(([version]) => ({ id: version, isFailed: false }))
}

/** Reads goose_db_version on PostgreSQL. */
async function readGooseHistory(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findTable(query, 'goose_db_version')
  return ref.exists ? historyOf(ref, await query(`SELECT version_id::text AS version, is_applied FROM ${ref.sqlName} ORDER BY id DESC`)) : missingHistory(ref)
}

/** Reads goose_db_version on MySQL or MariaDB. */
async function readGooseHistoryMysql(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findMysqlTable(query, 'goose_db_version')
  return ref.exists ? historyOf(ref, await query(`SELECT CAST(version_id AS CHAR) AS version, is_applied FROM ${ref.sqlName} ORDER BY id DESC`)) : missingHistory(ref)
}

/** The history the rows (newest first) describe. */
function historyOf(ref: TableRef, rows: { version: string; is_applied: boolean | number | string }[]): MigrationHistory {
  return { table: ref.table, exists: true, applied: appliedFromRows(rows) }
}

export const goose: Layout = {
  name: 'goose',
  tool: 'goose',
  historyTable: 'public.goose_db_version',
  detect: async (dir) => (await findGooseMarker(dir)) !== undefined,
  async list(dir, projectRoot, options) {
    const names = (await listFileNames(dir)).filter((n) => MIGRATION_FILE.test(n))
    const files = await Promise.all(
      names.map(async (fileName) => {
        const [, digits, name] = MIGRATION_FILE.exec(fileName)!
        const absPath = path.join(dir, fileName)
        const raw = await (options.read ?? readText)(absPath)
        const up = findGooseUp(raw)
        if (!up) {
          throw new ConfigError(
            `${toProjectPath(projectRoot, absPath)} has no "-- +goose Up" line, so goose refuses to run it.`,
            'Start the file with "-- +goose Up" and put the rollback after "-- +goose Down".',
          )
        }
        const transaction: TransactionDefault = NO_TRANSACTION.test(raw)
          ? { runs: false, reason: '"-- +goose NO TRANSACTION" tells goose not to use a transaction' }
          : { runs: true, reason: 'goose wraps each migration in a transaction' }
        // goose stores the version as an integer: 00001 and 1 are the same migration.
        const facts = { id: BigInt(digits!).toString(), name: name!, absPath, raw, sql: keepOnly(raw, up.start, up.end), transaction }
        return toMigrationFile(facts, projectRoot, options.transaction)
      }),
    )
    // goose applies in version order (numeric), whatever the names' widths.
    return files.sort(compareIntegerIds)
  },
  readHistory: readGooseHistory,
  readHistoryMysql: readGooseHistoryMysql,
  isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
}
