/**
 * A plain folder of .sql files run in order by whatever runner the project uses (psql, a script).
 * Nothing is known about a history table unless the configuration names one.
 */
import path from 'node:path'
import { ConfigError } from '../../engine/errors.js'
import { compareNatural, hasSuccessfulRow, listFileNames, readText, toMigrationFile, type TransactionDefault } from '../files.js'
import { findMysqlTable, findTable, listColumns, listMysqlColumns, missingHistory, quoteIdent, quoteMysqlIdent } from '../history-table.js'
import type { Layout, MigrationHistory, QueryFn } from '../layout.js'

const TRANSACTION: TransactionDefault = {
  runs: false,
  reason: 'a plain .sql file runs statement by statement with no wrapper; set migrations.transaction to "always" if your runner adds one',
}

/** Columns a configured history table may hold the applied file names in, by preference. */
const ID_COLUMNS = ['version', 'name'] as const

/** Says what marks `dir` as a plain folder (any .sql file), or undefined. */
export async function findPlainMarker(dir: string): Promise<string | undefined> {
  const count = (await listFileNames(dir)).filter((n) => n.endsWith('.sql')).length
  return count > 0 ? `found ${count} .sql file${count === 1 ? '' : 's'}` : undefined
}

/** Builds the plain layout, optionally with a history table of applied file names. */
export function plainLayout(historyTable?: string): Layout {
  return {
    name: 'plain',
    tool: 'plain SQL files',
    historyTable: historyTable ?? '',
    detect: async (dir) => (await findPlainMarker(dir)) !== undefined,
    async list(dir, projectRoot, options) {
      const names = (await listFileNames(dir)).filter((n) => n.endsWith('.sql')).sort(compareNatural)
      return Promise.all(
        names.map(async (fileName) => {
          const absPath = path.join(dir, fileName)
          const id = fileName.slice(0, -'.sql'.length)
          return toMigrationFile({ id, name: id, absPath, raw: await (options.read ?? readText)(absPath), transaction: TRANSACTION }, projectRoot, options.transaction)
        }),
      )
    },
    readHistory: (query) => readPlainHistory(query, historyTable),
    readHistoryMysql: (query) => readPlainHistoryMysql(query, historyTable),
    isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
  }
}

/** Reads applied file names from the configured table's `version` or `name` column. */
async function readPlainHistory(query: QueryFn, historyTable: string | undefined): Promise<MigrationHistory> {
  if (!historyTable) return { table: '', exists: false, applied: [] }
  const ref = await findTable(query, historyTable)
  if (!ref.exists) return missingHistory(ref)
  const column = idColumn(ref.table, await listColumns(query, ref))
  const rows = await query<{ id: string | null }>(`SELECT ${quoteIdent(column)}::text AS id FROM ${ref.sqlName}`)
  return { table: ref.table, exists: true, applied: appliedFromIds(rows) }
}

/** The same on MySQL: the configured table ("db.table", or a table in the connection's database). */
async function readPlainHistoryMysql(query: QueryFn, historyTable: string | undefined): Promise<MigrationHistory> {
  if (!historyTable) return { table: '', exists: false, applied: [] }
  const ref = await findMysqlTable(query, historyTable)
  if (!ref.exists) return missingHistory(ref)
  const column = idColumn(ref.table, await listMysqlColumns(query, ref))
  const rows = await query<{ id: string | null }>(`SELECT CAST(${quoteMysqlIdent(column)} AS CHAR) AS id FROM ${ref.sqlName}`)
  return { table: ref.table, exists: true, applied: appliedFromIds(rows) }
}

/** The column holding applied file names; a ConfigError when the table has neither. */
function idColumn(table: string, columns: readonly string[]): string {
  const column = ID_COLUMNS.find((c) => columns.includes(c))
  if (!column) {
    throw new ConfigError(
      `The history table ${table} (migrations.historyTable) has no "version" or "name" column; it has: ${columns.join(', ')}.`,
      'Point migrations.historyTable at a table whose "version" or "name" column holds applied file names without ".sql".',
    )
  }
  return column
}

/** Applied rows from the id column's values. */
function appliedFromIds(rows: readonly { id: string | null }[]): MigrationHistory['applied'] {
  return rows
    .filter((r): r is { id: string } => r.id !== null)
    // Accept "0001_x.sql" as well as "0001_x": hand-written runners store either.
    .map((r) => ({ id: r.id.replace(/\.sql$/, ''), isFailed: false }))
}

/** The plain layout without a history table (what detection returns). */
export const plain: Layout = plainLayout()
