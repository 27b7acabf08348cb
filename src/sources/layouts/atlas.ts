/**
 * Atlas versioned migrations: `<version>[_<name>].sql` files beside an `atlas.sum` integrity file,
 * applied in lexical order of their names, each in its own transaction unless the file's header
 * says `-- atlas:txmode none` (`--tx-mode` on the command line: set migrations.transaction). History
 * in atlas_schema_revisions: in its own schema of that name when the connection names none, else in
 * the connected schema (MySQL: the database); a row is applied when `applied` reached `total`, and
 * a baseline row stands for every version up to it.
 * https://atlasgo.io/versioned/apply, https://atlasgo.io/concepts/migration-directory-integrity
 */
import path from 'node:path'
import { compareCodeUnits, listFileNames, readText, toMigrationFile, type TransactionDefault } from '../files.js'
import { findMysqlTable, findTable, missingHistory, type TableRef } from '../history-table.js'
import type { AppliedMigration, Layout, MigrationFile, MigrationHistory, QueryFn } from '../layout.js'

/** Atlas's file name: the version runs up to the first "_" (the name is optional). */
const MIGRATION_FILE = /^([^_]+)(?:_(.*))?\.sql$/
/** Other tools' names, which Atlas reads only with --dir-format: a folder of them is that tool's. */
const OTHER_FORMATS = /\.(up|down)\.sql$|^[VUR]\d*[._\d]*__/
/** The header directive; Atlas reads directives from the comment lines that open the file. */
const TXMODE = /^--[ \t]*atlas:txmode[ \t]+(none|file|all)[ \t]*\r?$/m

/** Says what marks `dir` as an Atlas migration directory (its atlas.sum), or undefined. */
export async function findAtlasMarker(dir: string): Promise<string | undefined> {
  const names = await listFileNames(dir)
  if (!names.includes('atlas.sum') || names.some((n) => OTHER_FORMATS.test(n))) return undefined
  return names.some((n) => MIGRATION_FILE.test(n)) ? 'found atlas.sum (Atlas migration directory)' : undefined
}

/** The transaction mode the file's opening comment lines set, if any. */
function headerTxMode(raw: string): string | undefined {
  const header = /^(?:[ \t]*(?:--[^\n]*)?\r?\n)*/.exec(raw.replace(/^\uFEFF/, ''))![0]
  return TXMODE.exec(header)?.[1]
}

/** How Atlas runs the file: in its own transaction unless the header says `-- atlas:txmode none`. */
function atlasTransaction(raw: string): TransactionDefault {
  const mode = headerTxMode(raw)
  if (mode === 'none') return { runs: false, reason: '"-- atlas:txmode none" tells Atlas not to use a transaction' }
  return { runs: true, reason: mode === 'all' ? '"-- atlas:txmode all" runs it in one transaction with the other pending files' : 'Atlas runs each migration file in its own transaction (--tx-mode file, the default)' }
}

interface RevisionRow extends Record<string, unknown> {
  version: string
  description: string
  type: number | string
  applied: number | string
  total: number | string
  error: string | null
  executed_at: string | null
}

/** Atlas's RevisionType bits (sql/migrate): baseline 1, execute 2, resolved 4. */
const BASELINE = 1

/** Normalises the rows: failed when execution stopped part-way (applied < total), baseline rows kept for isApplied. */
function historyOf(ref: TableRef, rows: readonly RevisionRow[]): MigrationHistory {
  const applied: AppliedMigration[] = rows.map((row) => {
    const done = Number(row.applied)
    const total = Number(row.total)
    const isBaseline = (Number(row.type) & BASELINE) !== 0
    const isFailed = !isBaseline && done < total
    return {
      id: row.version,
      name: row.description,
      ...(row.executed_at ? { appliedAt: row.executed_at } : {}),
      isFailed,
      ...(isBaseline ? { detail: 'Atlas baseline: versions at or below it are never run' } : {}),
      ...(isFailed ? { detail: `Atlas applied ${done} of ${total} statements${row.error ? ` and stopped: ${row.error}` : ''}; fix the file or the database, then run atlas migrate apply again (it resumes) or atlas migrate set` } : {}),
    }
  })
  const baseline = rows.filter((r) => (Number(r.type) & BASELINE) !== 0).map((r) => r.version).sort(compareCodeUnits).at(-1)
  return { table: ref.table, exists: true, applied, ...(baseline ? { appliedUpTo: baseline } : {}) }
}

const COLUMNS = 'version, description, type, applied, total, error'

/** Reads atlas_schema_revisions on PostgreSQL: in the atlas_schema_revisions schema, else on the search_path. */
async function readAtlasHistory(query: QueryFn): Promise<MigrationHistory> {
  let ref = await findTable(query, 'atlas_schema_revisions.atlas_schema_revisions')
  if (!ref.exists) {
    const onPath = await findTable(query, 'atlas_schema_revisions')
    if (onPath.exists) ref = onPath
  }
  if (!ref.exists) return missingHistory(ref)
  return historyOf(ref, await query<RevisionRow>(`SELECT ${COLUMNS}, executed_at::text AS executed_at FROM ${ref.sqlName} ORDER BY version`))
}

/** Reads atlas_schema_revisions on MySQL or MariaDB, in the connection's database. */
async function readAtlasHistoryMysql(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findMysqlTable(query, 'atlas_schema_revisions')
  if (!ref.exists) return missingHistory(ref)
  return historyOf(ref, await query<RevisionRow>(`SELECT ${COLUMNS}, CAST(executed_at AS CHAR) AS executed_at FROM ${ref.sqlName} ORDER BY version`))
}

/** Applied when a row of its version finished, or a baseline covers it. */
function isAtlasApplied(file: MigrationFile, history: MigrationHistory): boolean {
  if (history.appliedUpTo !== undefined && compareCodeUnits(file.id, history.appliedUpTo) <= 0) return true
  return history.applied.some((row) => row.id === file.id && !row.isFailed)
}

export const atlas: Layout = {
  name: 'atlas',
  tool: 'Atlas',
  historyTable: 'atlas_schema_revisions.atlas_schema_revisions',
  detect: async (dir) => (await findAtlasMarker(dir)) !== undefined,
  async list(dir, projectRoot, options) {
    const names = (await listFileNames(dir)).filter((n) => MIGRATION_FILE.test(n))
    const files = await Promise.all(
      names.map(async (fileName) => {
        const [, version, name] = MIGRATION_FILE.exec(fileName)!
        const absPath = path.join(dir, fileName)
        const raw = await (options.read ?? readText)(absPath)
        return toMigrationFile({ id: version!, name: name ?? version!, absPath, raw, transaction: atlasTransaction(raw) }, projectRoot, options.transaction)
      }),
    )
    // Atlas sorts the directory's files by name.
    return files.sort((a, b) => compareCodeUnits(path.basename(a.absPath), path.basename(b.absPath)))
  },
  readHistory: readAtlasHistory,
  readHistoryMysql: readAtlasHistoryMysql,
  isApplied: isAtlasApplied,
}
