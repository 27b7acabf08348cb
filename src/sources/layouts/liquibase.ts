/**
 * Liquibase formatted SQL: `.sql` files that start with `--liquibase formatted sql`, each holding
 * changesets (`--changeset author:id attribute:value ...`) that Liquibase runs and records one at a
 * time, each in its own transaction unless `runInTransaction:false`. Files are taken in path order,
 * sub-folders included, as `includeAll` runs them (a master changelog's explicit order is not read).
 * History in DATABASECHANGELOG: one row per changeset, keyed by id, author and file name; a file is
 * applied when every changeset in it is, and only the changesets still to run are analysed.
 * https://docs.liquibase.com/concepts/changelogs/sql-format.html,
 * https://docs.liquibase.com/concepts/tracking-tables/databasechangelog-table.html
 */
import path from 'node:path'
import { compareCodeUnits, listFileNames, listFolderNames, readText, toMigrationFile, type TransactionOption } from '../files.js'
import { findMysqlTable, findTable, missingHistory, type TableRef } from '../history-table.js'
import type { AppliedMigration, Layout, MigrationFile, MigrationHistory, MigrationUnit, QueryFn, TextReader } from '../layout.js'

/** The header Liquibase requires on the first line (a space after "--" is tolerated by current versions). */
const HEADER = /^\uFEFF?[ \t]*--[ \t]*liquibase[ \t]+formatted[ \t]+sql\b/i
const CHANGESET = /^--[ \t]*changeset[ \t]+(\S+)(.*)$/i

/** One changeset of a formatted SQL file. */
export interface Changeset {
  readonly author: string
  readonly id: string
  /** 1-based line of its `--changeset` line. */
  readonly line: number
  /** Its lines end before this 1-based line (the next changeset's, or past the end of the file). */
  readonly endLine: number
  readonly attributes: Readonly<Record<string, string>>
}

/** Reads the changesets of a formatted SQL file, with their attributes (`key:value`, lower-case keys). */
export function readChangesets(raw: string): Changeset[] {
  const lines = raw.split('\n')
  const out: { author: string; id: string; line: number; attributes: Record<string, string> }[] = []
  lines.forEach((text, i) => {
    const match = CHANGESET.exec(text.replace(/\r$/, ''))
    if (!match) return
    // author:id; an id may itself hold ":" (author is up to the first one).
    const colon = match[1]!.indexOf(':')
    const author = colon === -1 ? '' : match[1]!.slice(0, colon)
    const id = colon === -1 ? match[1]! : match[1]!.slice(colon + 1)
    out.push({ author, id, line: i + 1, attributes: readAttributes(match[2] ?? '') })
  })
  return out.map((c, i) => ({ ...c, endLine: out[i + 1]?.line ?? lines.length + 1 }))
}

/** `key:value` pairs after the author:id; a value may be quoted ("..." or '...'), endDelimiter may hold spaces no other value does. */
function readAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const match of text.matchAll(/([A-Za-z]+):("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\S*)/g)) {
    const value = match[2]!
    attributes[match[1]!.toLowerCase()] = /^["']/.test(value) ? value.slice(1, -1) : value
  }
  return attributes
}

/** Whether a changeset runs on PostgreSQL, MySQL or MariaDB by its dbms attribute ("postgresql", "h2,postgresql", "!h2"). */
function isForOurDatabases(changeset: Changeset): boolean {
  const dbms = changeset.attributes.dbms
  if (!dbms) return true
  const names = dbms.toLowerCase().split(',').map((d) => d.trim())
  const ours = ['postgresql', 'mysql', 'mariadb', 'all']
  if (names.some((n) => ours.includes(n))) return true
  // Only exclusions: it runs everywhere but there.
  return names.every((n) => n.startsWith('!')) && !names.includes('!postgresql')
}

/** How Liquibase runs a changeset's SQL. */
function unitOf(changeset: Changeset): MigrationUnit {
  const label = `changeset ${changeset.author}:${changeset.id}`
  return /^false$/i.test(changeset.attributes.runintransaction ?? '')
    ? { line: changeset.line, label, runsInTransaction: false, transactionReason: `${label} sets runInTransaction:false` }
    : { line: changeset.line, label, runsInTransaction: true, transactionReason: `Liquibase runs ${label} in its own transaction` }
}

/**
 * The SQL Liquibase runs from a file: the lines of changesets for other databases blanked (so lines
 * and offsets stay the file's), and a line holding only a custom endDelimiter (`/`, `GO`) made a
 * `;`, which is what that delimiter means.
 */
function sqlOf(raw: string, changesets: readonly Changeset[]): string {
  const lines = raw.split('\n')
  for (const changeset of changesets) {
    const skip = !isForOurDatabases(changeset)
    const delimiter = changeset.attributes.enddelimiter
    for (let i = changeset.line; i < changeset.endLine - 1; i++) {
      const line = lines[i]!
      if (skip) lines[i] = line.replace(/[^\r]/g, ' ')
      else if (delimiter && delimiter !== ';' && isDelimiterLine(line, delimiter)) lines[i] = line.replace(/\S/, ';').replace(/\S(?<!;)/g, ' ')
    }
  }
  return lines.join('\n')
}

/** Whether a line holds only the changeset's end delimiter: a literal (`/`, `GO`, `$$`) or a regex of one (`\n/\s*\n`). */
function isDelimiterLine(line: string, delimiter: string): boolean {
  const text = line.trim()
  if (text === '') return false
  const literal = delimiter.replace(/\\n|\\s\*|\\s\+|\$|\^/g, '').replace(/\|.*$/, '').trim()
  return literal !== '' && text.toLowerCase() === literal.toLowerCase().replace(/\\(.)/g, '$1')
}

/** Says what marks `dir` as a Liquibase folder (a formatted SQL file in it or below), or undefined. */
export async function findLiquibaseMarker(dir: string, read: TextReader = readText): Promise<string | undefined> {
  for (const rel of await walkSql(dir)) {
    if (HEADER.test(await read(path.join(dir, ...rel.split('/'))))) return `found "--liquibase formatted sql" in ${rel}`
  }
  return undefined
}

/** Relative paths of the .sql files under `dir`, sub-folders included, in path order (includeAll's). */
async function walkSql(dir: string, prefix = ''): Promise<string[]> {
  const out = (await listFileNames(dir)).filter((n) => n.endsWith('.sql')).map((n) => `${prefix}${n}`)
  for (const folder of await listFolderNames(dir)) out.push(...(await walkSql(path.join(dir, folder), `${prefix}${folder}/`)))
  return out.sort(compareCodeUnits)
}

/** What Liquibase runs of a formatted SQL file: its SQL (other databases' changesets blanked) and its changesets as units. */
export function changesetsOf(raw: string): { sql: string; units: MigrationUnit[] } {
  const changesets = readChangesets(raw)
  return { sql: sqlOf(raw, changesets), units: changesets.filter(isForOurDatabases).map(unitOf) }
}

/** Builds one formatted SQL file's migration. */
function liquibaseFile(rel: string, absPath: string, raw: string, projectRoot: string, option: TransactionOption): MigrationFile {
  const { sql, units } = changesetsOf(raw)
  const anyInTransaction = units.length === 0 || units.some((u) => u.runsInTransaction)
  const transaction = anyInTransaction
    ? { runs: true, reason: 'Liquibase runs each changeset in its own transaction unless it sets runInTransaction:false' }
    : { runs: false, reason: 'every changeset in the file sets runInTransaction:false' }
  const file = toMigrationFile({ id: rel, name: rel.replace(/\.sql$/, ''), absPath, raw, sql, transaction }, projectRoot, option)
  // migrations.transaction always/never overrides every changeset alike.
  const override = option === 'auto' ? undefined : { runsInTransaction: file.runsInTransaction, transactionReason: file.transactionReason }
  return { ...file, units: units.map((u) => ({ ...u, ...override })) }
}

interface ChangelogRow extends Record<string, unknown> {
  id: string
  author: string
  filename: string
  exectype: string
  dateexecuted: string | null
}

/** One applied changeset per row; FAILED rows (failOnError:false let the update go on) count as failures. */
function historyOf(ref: TableRef, rows: readonly ChangelogRow[]): MigrationHistory {
  const applied: AppliedMigration[] = rows.map((row) => ({
    id: `${row.filename}::${row.id}::${row.author}`,
    name: `changeset ${row.author}:${row.id} of ${row.filename}`,
    ...(row.dateexecuted ? { appliedAt: row.dateexecuted } : {}),
    isFailed: row.exectype === 'FAILED',
    ...(row.exectype === 'FAILED' ? { detail: 'Liquibase recorded this changeset as FAILED (failOnError:false let the update continue)' } : {}),
  }))
  return { table: ref.table, exists: true, applied }
}

/** Reads DATABASECHANGELOG on PostgreSQL (Liquibase creates it lower-case, in the default schema). */
async function readLiquibaseHistory(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findTable(query, 'databasechangelog')
  if (!ref.exists) return missingHistory(ref)
  return historyOf(ref, await query<ChangelogRow>(`SELECT id, author, filename, exectype, dateexecuted::text AS dateexecuted FROM ${ref.sqlName} ORDER BY orderexecuted`))
}

/** Reads DATABASECHANGELOG on MySQL or MariaDB, in the connection's database. */
async function readLiquibaseHistoryMysql(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findMysqlTable(query, 'DATABASECHANGELOG')
  if (!ref.exists) return missingHistory(ref)
  return historyOf(
    ref,
    await query<ChangelogRow>(`SELECT ID AS id, AUTHOR AS author, FILENAME AS filename, EXECTYPE AS exectype, CAST(DATEEXECUTED AS CHAR) AS dateexecuted FROM ${ref.sqlName} ORDER BY ORDEREXECUTED`),
  )
}

/**
 * Whether a row's stored file name is this file: Liquibase stores the path as the changelog named
 * it (relative to its search path, or with "classpath:"), so the file's path must end with it.
 */
function isSameFile(stored: string, file: MigrationFile): boolean {
  const name = stored.replace(/^classpath\*?:/, '').replaceAll('\\', '/').replace(/^\.?\/+/, '')
  const own = file.path.replaceAll('\\', '/')
  return own === name || own.endsWith(`/${name}`) || name.endsWith(`/${own}`)
}

/** Whether a row records this changeset of this file. */
function recordsChangeset(row: AppliedMigration, file: MigrationFile, unit: MigrationUnit): boolean {
  const [filename = '', id, author] = row.id.split('::')
  return `changeset ${author}:${id}` === unit.label && isSameFile(filename, file)
}

/** Whether every changeset (for our databases) of the file is recorded as run. */
function isUnitApplied(file: MigrationFile, unit: MigrationUnit, history: MigrationHistory): boolean {
  return history.applied.some((row) => !row.isFailed && recordsChangeset(row, file, unit))
}

export const liquibase: Layout = {
  name: 'liquibase',
  tool: 'Liquibase',
  historyTable: 'public.databasechangelog',
  detect: async (dir) => (await findLiquibaseMarker(dir)) !== undefined,
  async list(dir, projectRoot, options) {
    const files: MigrationFile[] = []
    for (const rel of await walkSql(dir)) {
      const absPath = path.join(dir, ...rel.split('/'))
      const raw = await (options.read ?? readText)(absPath)
      // Plain .sql files beside the changelogs are not changesets: Liquibase runs them only through a sqlFile change.
      if (HEADER.test(raw)) files.push(liquibaseFile(rel, absPath, raw, projectRoot, options.transaction))
    }
    return files
  },
  readHistory: readLiquibaseHistory,
  readHistoryMysql: readLiquibaseHistoryMysql,
  isApplied: (file, history) => (file.units ?? []).every((unit) => isUnitApplied(file, unit, history)),
  pendingPart(file, history) {
    const units = file.units ?? []
    const pending = units.filter((unit) => !isUnitApplied(file, unit, history))
    if (pending.length === 0) return undefined
    if (pending.length === units.length) return file
    // Blank the applied changesets' lines, keeping every offset and line of the file.
    const lines = file.sql.split('\n')
    const lastLine = lines.length + 1
    units.forEach((unit, i) => {
      if (pending.includes(unit)) return
      const end = units[i + 1]?.line ?? lastLine
      for (let l = unit.line; l < end; l++) lines[l - 1] = lines[l - 1]!.replace(/[^\r]/g, ' ')
    })
    const isAnyWrapped = pending.some((u) => u.runsInTransaction)
    return {
      ...file,
      sql: lines.join('\n'),
      units: pending,
      runsInTransaction: isAnyWrapped,
      transactionReason: isAnyWrapped ? file.transactionReason : 'every changeset still to run sets runInTransaction:false',
    }
  },
  recordsFile: (row, file) => (file.units ?? []).some((unit) => recordsChangeset(row, file, unit)),
}
