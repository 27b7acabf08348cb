/**
 * dbmate: <version>_<name>.sql with `-- migrate:up` and `-- migrate:down` sections, history in
 * schema_migrations(version varchar). https://github.com/amacneil/dbmate#creating-migrations
 */
import path from 'node:path'
import { ConfigError } from '../../engine/errors.js'
import { hasSuccessfulRow, listFileNames, readText, toMigrationFile, toProjectPath, type TransactionDefault } from '../files.js'
import { findTable, missingHistory } from '../history-table.js'
import type { Layout, MigrationHistory, QueryFn, TextReader } from '../layout.js'

/** dbmate's file pattern: leading digits are the version (kept as written, zeros included). */
const MIGRATION_FILE = /^(\d+)_?(.*)\.sql$/
/** Directive lines; dbmate requires them at the start of a line (its regexps use (?m)^). */
const UP_MARKER = /^--[ \t]*migrate:up(?=[ \t\r]|$).*$/m
const DOWN_MARKER = /^--[ \t]*migrate:down(?=[ \t\r]|$).*$/m

/** Says what marks `dir` as a dbmate folder (a file with a `-- migrate:up` line), or undefined. */
export async function findDbmateMarker(dir: string, read: TextReader = readText): Promise<string | undefined> {
  for (const fileName of (await listFileNames(dir)).filter((n) => MIGRATION_FILE.test(n))) {
    if (UP_MARKER.test(await read(path.join(dir, fileName)))) return `found "-- migrate:up" in ${fileName}`
  }
  return undefined
}

/** The up section of a dbmate file: where it starts and ends, and its options. */
export interface UpSection {
  /** Offset of the first character after the `-- migrate:up` line. */
  readonly start: number
  /** Offset of the `-- migrate:down` line, or the end of the file. */
  readonly end: number
  readonly runsInTransaction: boolean
}

/** Finds the up section as dbmate's parseMigrationContents does; undefined without an up line. */
export function findUpSection(raw: string): UpSection | undefined {
  const up = UP_MARKER.exec(raw)
  if (!up) return undefined
  const down = DOWN_MARKER.exec(raw)
  const lineEnd = up.index + up[0].length
  const start = raw[lineEnd] === '\n' ? lineEnd + 1 : lineEnd
  // Old dbmate allowed the down section first; the up section then runs to the end.
  const end = down && down.index > up.index ? down.index : raw.length
  // Options follow the directive as key:value pairs, e.g. "-- migrate:up transaction:false".
  const options = up[0].trim().split(/\s+/).slice(1)
  return { start, end, runsInTransaction: !options.includes('transaction:false') }
}

/** Blanks everything outside [start, end) with spaces, keeping CR and LF so offsets and lines match the file. */
export function keepOnly(raw: string, start: number, end: number): string {
  const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ')
  return blank(raw.slice(0, start)) + raw.slice(start, end) + blank(raw.slice(end))
}

/** Reads schema_migrations; dbmate stores the version string exactly as in the file name. */
async function readDbmateHistory(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findTable(query, 'schema_migrations')
  if (!ref.exists) return missingHistory(ref)
  const rows = await query<{ version: string }>(`SELECT version::text AS version FROM ${ref.sqlName} ORDER BY version`)
  return { table: ref.table, exists: true, applied: rows.map((r) => ({ id: r.version, isFailed: false })) }
}

export const dbmate: Layout = {
  name: 'dbmate',
  tool: 'dbmate',
  historyTable: 'public.schema_migrations',
  detect: async (dir) => (await findDbmateMarker(dir)) !== undefined,
  async list(dir, projectRoot, options) {
    const names = (await listFileNames(dir)).filter((n) => MIGRATION_FILE.test(n))
    return Promise.all(
      names.map(async (fileName) => {
        const [, version, name] = MIGRATION_FILE.exec(fileName)!
        const absPath = path.join(dir, fileName)
        const raw = await (options.read ?? readText)(absPath)
        const up = findUpSection(raw)
        if (!up) {
          throw new ConfigError(
            `${toProjectPath(projectRoot, absPath)} has no "-- migrate:up" line, so dbmate refuses to run it.`,
            'Start the file with "-- migrate:up" and put the rollback after "-- migrate:down".',
          )
        }
        const transaction: TransactionDefault = up.runsInTransaction
          ? { runs: true, reason: 'dbmate wraps each migration in a transaction' }
          : { runs: false, reason: '"-- migrate:up transaction:false" tells dbmate not to use a transaction' }
        const facts = { id: version!, name: name!, absPath, raw, sql: keepOnly(raw, up.start, up.end), transaction }
        return toMigrationFile(facts, projectRoot, options.transaction)
      }),
    )
  },
  readHistory: readDbmateHistory,
  isApplied: (file, history) => hasSuccessfulRow(file.id, history.applied),
}
