/**
 * Liquibase formatted SQL: `.sql` files that start with `--liquibase formatted sql`, each holding
 * changesets (`--changeset author:id attribute:value ...`) that Liquibase runs and records one at a
 * time, each in its own transaction unless `runInTransaction:false`. Files run in the order of the
 * master changelog in the folder (XML, YAML or JSON include / includeAll entries, followed into
 * included changelogs), else in path order with sub-folders, as `includeAll` runs them.
 * History in DATABASECHANGELOG: one row per changeset, keyed by id, author and file name; a file is
 * applied when every changeset in it is, and only the changesets still to run are analysed.
 * https://docs.liquibase.com/concepts/changelogs/sql-format.html,
 * https://docs.liquibase.com/concepts/tracking-tables/databasechangelog-table.html
 */
import path from 'node:path'
import { compareCodeUnits, listFileNames, listFolderNames, readHead, readText, toMigrationFile, type TransactionOption } from '../files.js'
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
function unitOfChangeset(changeset: Changeset): MigrationUnit {
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

/** Whether a line holds only the changeset's end delimiter: a literal (`/`, `GO`) or a simple regex of one (`\n/\s*\n|\n/\s*$`). */
function isDelimiterLine(line: string, delimiter: string): boolean {
  const text = line.trim()
  if (text === '') return false
  const literal = delimiter.replace(/\\n|\\s\*|\\s\+|\$|\^/g, '').replace(/\|.*$/, '').trim()
  return literal !== '' && text.toLowerCase() === literal.toLowerCase().replace(/\\(.)/g, '$1')
}

/**
 * Says what marks `dir` as a Liquibase folder (a formatted SQL file in it or below), or undefined.
 * Detection tries it before Flyway's and golang-migrate's names, so it reads only each file's head:
 * their folders are not read whole twice.
 */
export async function findLiquibaseMarker(dir: string): Promise<string | undefined> {
  for (const rel of await walkSql(dir)) {
    if (HEADER.test(readHead(path.join(dir, ...rel.split('/'))))) return `found "--liquibase formatted sql" in ${rel}`
  }
  return undefined
}

/** Relative paths of the files under `dir` whose names pass `keep`, sub-folders included, in path order (includeAll's). */
async function walk(dir: string, keep: (name: string) => boolean, prefix = ''): Promise<string[]> {
  const out = (await listFileNames(dir)).filter(keep).map((n) => `${prefix}${n}`)
  for (const folder of await listFolderNames(dir)) out.push(...(await walk(path.join(dir, folder), keep, `${prefix}${folder}/`)))
  return out.sort(compareCodeUnits)
}

/** Relative paths of the .sql files under `dir`, in path order. */
function walkSql(dir: string): Promise<string[]> {
  return walk(dir, (n) => n.endsWith('.sql'))
}

const CHANGELOG_FILE = /\.(xml|ya?ml|json)$/i
/** include / includeAll entries of XML, YAML and JSON changelogs, in document order. */
const ENTRIES = [
  /<(include|includeAll)\b[^>]*?\b(?:file|path)\s*=\s*"([^"]+)"/g,
  /-\s*(include|includeAll)\s*:\s*\r?\n\s*(?:[\w-]+\s*:.*\r?\n\s*)*?(?:file|path)\s*:\s*["']?([^"'\s#]+)/g,
  /"(include|includeAll)"\s*:\s*\{[^}]*?"(?:file|path)"\s*:\s*"([^"]+)"/g,
  /-\s*(include|includeAll)\s*:\s*\{[^}]*?\b(?:file|path)\s*:\s*["']?([^"',}\s]+)/g,
]

/** The include and includeAll entries of a changelog's text, in order: [kind, path]. */
async function changelogEntries(rel: string, text: string): Promise<[string, string][]> {
  // YAML and JSON through a parser (the yaml package, loaded only here); XML, and anything that does not parse, by pattern.
  if (/\.(ya?ml|json)$/i.test(rel)) {
    try {
      const doc: unknown = /\.json$/i.test(rel) ? JSON.parse(text) : (await import('yaml')).parse(text)
      const list = (doc as { databaseChangeLog?: unknown } | null)?.databaseChangeLog
      if (Array.isArray(list)) return list.flatMap((entry: Record<string, { file?: unknown; path?: unknown } | undefined>) => entriesOf(entry))
    } catch {
      // Not valid YAML or JSON: read it by pattern below.
    }
  }
  const found: [number, string, string][] = []
  for (const pattern of ENTRIES) for (const m of text.matchAll(pattern)) found.push([m.index, m[1]!, m[2]!])
  return found.sort((a, b) => a[0] - b[0]).map(([, kind, file]) => [kind, file])
}

/** The include or includeAll of one parsed changelog entry ({ include: { file } } or { includeAll: { path } }). */
function entriesOf(entry: Record<string, { file?: unknown; path?: unknown } | undefined> | null): [string, string][] {
  const include = entry?.include?.file
  const all = entry?.includeAll?.path
  if (typeof include === 'string') return [['include', include]]
  if (typeof all === 'string') return [['includeAll', all]]
  return []
}

/** A path from a changelog as a relative path with forward slashes ("classpath:/db/x.sql" -> "db/x.sql"). */
function normaliseIncluded(file: string): string {
  return file.replace(/^classpath\*?:/, '').replaceAll('\\', '/').replace(/^\.?\/+/, '').replace(/\/+$/, '')
}

/** Whether `rel` (a path under the folder) is the included path: equal, or ending with it after a "/". */
function isPathOf(rel: string, included: string, changelogDir: string): boolean {
  const relative = changelogDir ? `${changelogDir}/${included}` : included
  return rel === included || rel === relative || rel.endsWith(`/${included}`) || `/${included}`.endsWith(`/${rel}`)
}

/**
 * The order a master changelog in the folder gives its SQL files (include runs in the order
 * listed, includeAll in path order), following included XML/YAML changelogs; undefined without one.
 * Paths are matched by their ends, as changelogs name them relative to the classpath or to themselves.
 */
async function changelogOrder(dir: string, sqlFiles: readonly string[], read: TextReader): Promise<string[] | undefined> {
  const changelogs = await walk(dir, (n) => CHANGELOG_FILE.test(n))
  const texts = new Map<string, string>()
  for (const rel of changelogs) {
    const text = await read(path.join(dir, ...rel.split('/')))
    if (/databaseChangeLog/.test(text)) texts.set(rel, text)
  }
  if (texts.size === 0) return undefined
  const entries = new Map<string, [string, string][]>()
  for (const [rel, text] of texts) entries.set(rel, await changelogEntries(rel, text))
  // The master is the changelog no other one includes (the shallowest first).
  const included = new Set<string>()
  for (const [rel, list] of entries) for (const [, file] of list) for (const other of texts.keys()) if (other !== rel && isPathOf(other, normaliseIncluded(file), path.posix.dirname(rel))) included.add(other)
  const roots = [...texts.keys()].filter((rel) => !included.has(rel)).sort((a, b) => a.split('/').length - b.split('/').length || compareCodeUnits(a, b))
  const order: string[] = []
  const placed = new Set<string>()
  const place = (sql: string): void => {
    if (placed.has(sql)) return
    placed.add(sql)
    order.push(sql)
  }
  const seen = new Set<string>()
  const visit = (rel: string): void => {
    if (seen.has(rel)) return
    seen.add(rel)
    const base = path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel)
    for (const [kind, file] of entries.get(rel) ?? []) {
      const target = normaliseIncluded(file)
      if (kind === 'includeAll') {
        for (const sql of sqlFiles) if (!placed.has(sql) && [...sqlDirsOf(sql)].some((d) => isPathOf(d, target, base))) place(sql)
      } else if (target.endsWith('.sql')) {
        const sql = sqlFiles.find((f) => isPathOf(f, target, base))
        if (sql) place(sql)
      } else {
        const child = [...texts.keys()].find((f) => isPathOf(f, target, base))
        if (child) visit(child)
      }
    }
  }
  for (const root of roots) visit(root)
  return order.length > 0 ? order : undefined
}

/** The folders a file path lies in: "a/b/c.sql" -> "a", "a/b". */
function* sqlDirsOf(rel: string): Generator<string> {
  const parts = rel.split('/').slice(0, -1)
  for (let i = 1; i <= parts.length; i++) yield parts.slice(0, i).join('/')
}

/** What Liquibase runs of a formatted SQL file: its SQL (other databases' changesets blanked) and its changesets as units. */
export function changesetsOf(raw: string): { sql: string; units: MigrationUnit[] } {
  const changesets = readChangesets(raw)
  return { sql: sqlOf(raw, changesets), units: changesets.filter(isForOurDatabases).map(unitOfChangeset) }
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
    const read = options.read ?? readText
    const all = await walkSql(dir)
    // The master changelog's order, then anything it does not name, in path order.
    const ordered = (await changelogOrder(dir, all, read)) ?? []
    const listed = new Set(ordered)
    for (const rel of [...ordered, ...all.filter((f) => !listed.has(f))]) {
      const absPath = path.join(dir, ...rel.split('/'))
      const raw = await read(absPath)
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
