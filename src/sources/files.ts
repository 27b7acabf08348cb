/**
 * File-system helpers shared by the layouts: reading folders and files, building
 * MigrationFile values and applying the configured transaction override.
 */
import type { Dirent } from 'node:fs'
import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import path from 'node:path'
import type { MigrationFile, TextReader } from './layout.js'

/** The `migrations.transaction` setting; `auto` keeps the layout's behaviour. */
export type TransactionOption = 'auto' | 'always' | 'never'

/** How a tool runs a file when the configuration does not override it. */
export interface TransactionDefault {
  readonly runs: boolean
  readonly reason: string
}

/** Everything a layout knows about one migration before the transaction override. */
export interface MigrationFacts {
  readonly id: string
  readonly name: string
  readonly absPath: string
  readonly raw: string
  /** Defaults to `raw`; dbmate blanks its down section. */
  readonly sql?: string
  readonly kind?: MigrationFile['kind']
  readonly transaction: TransactionDefault
}

/** Names of the regular files in `dir`, sorted by code unit; [] when `dir` is not a readable folder. */
export async function listFileNames(dir: string): Promise<string[]> {
  return listEntries(dir, (entry) => entry.isFile())
}

/** Names of the sub-folders of `dir`, sorted by code unit; [] when `dir` is not a readable folder. */
export async function listFolderNames(dir: string): Promise<string[]> {
  return listEntries(dir, (entry) => entry.isDirectory())
}

/** Entry names of `dir` that pass `keep`, sorted; a missing folder simply has no entries. */
async function listEntries(dir: string, keep: (entry: Dirent) => boolean): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true })
    return entries
      .filter(keep)
      .map((e) => e.name)
      .sort(compareCodeUnits)
  } catch (error) {
    // Detection probes paths that may not exist; anything else (EACCES...) is a real problem.
    if (isMissingPath(error)) return []
    throw error
  }
}

/** True for the errors a path that does not exist (or is not a folder) raises. */
function isMissingPath(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  return code === 'ENOENT' || code === 'ENOTDIR'
}

/** True when `p` is an existing regular file. */
export async function isFile(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isFile() ?? false
}

/** True when `p` is an existing folder. */
export async function isFolder(p: string): Promise<boolean> {
  return (await stat(p).catch(() => undefined))?.isDirectory() ?? false
}

/**
 * Reads a file as UTF-8 text, keeping a BOM (checksums decide what to do with it). It reads
 * synchronously: fs.promises.readFile makes several thread-pool round trips per file, which made
 * listing 4,000 migrations take over a second (bench/README.md).
 */
export async function readText(p: string): Promise<string> {
  return readFileSync(p, 'utf8')
}

/**
 * A readText that keeps what it read, for one listing: detection reads every file of a folder
 * that is not dbmate's (looking for `-- migrate:up`), and the listing then reads them again.
 */
export function createTextReader(): TextReader {
  const texts = new Map<string, string>()
  return async (p) => {
    let text = texts.get(p)
    if (text === undefined) {
      text = await readText(p)
      texts.set(p, text)
    }
    return text
  }
}

/**
 * The first `bytes` bytes of a file as text (a partial last character may be cut): detection that
 * looks at a header reads this much, not every file whole, of folders that turn out to be another tool's.
 */
export function readHead(p: string, bytes = 256): string {
  const fd = openSync(p, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    return buffer.toString('utf8', 0, readSync(fd, buffer, 0, bytes, 0))
  } finally {
    closeSync(fd)
  }
}

/** The path of `absPath` relative to `projectRoot`, with forward slashes on every platform. */
export function toProjectPath(projectRoot: string, absPath: string): string {
  return path.relative(projectRoot, absPath).split(path.sep).join('/')
}

/** Orders migrations by integer version ids (golang-migrate, goose, sqlx store the version as a bigint). */
export function compareIntegerIds(a: Pick<MigrationFile, 'id'>, b: Pick<MigrationFile, 'id'>): number {
  const diff = BigInt(a.id) - BigInt(b.id)
  return diff === 0n ? 0 : diff < 0n ? -1 : 1
}

/** Plain string order by UTF-16 code unit, independent of the locale (tools sort file names this way). */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Orders "2_b.sql" before "10_a.sql": numeric prefixes compare as numbers, the rest by code unit. */
export function compareNatural(a: string, b: string): number {
  const na = /^\d+/.exec(a)?.[0]
  const nb = /^\d+/.exec(b)?.[0]
  if (na !== undefined && nb !== undefined) {
    const diff = BigInt(na) - BigInt(nb)
    if (diff !== 0n) return diff < 0n ? -1 : 1
  }
  return compareCodeUnits(a, b)
}

/** Applies `migrations.transaction`: `always`/`never` override what the tool does, `auto` keeps it. */
export function decideTransaction(
  fallback: TransactionDefault,
  option: TransactionOption,
): Pick<MigrationFile, 'runsInTransaction' | 'transactionReason'> {
  if (option === 'always') return { runsInTransaction: true, transactionReason: 'migrations.transaction is "always" in the configuration' }
  if (option === 'never') return { runsInTransaction: false, transactionReason: 'migrations.transaction is "never" in the configuration' }
  return { runsInTransaction: fallback.runs, transactionReason: fallback.reason }
}

/** Builds a MigrationFile from what the layout found, relative to the project root. */
export function toMigrationFile(facts: MigrationFacts, projectRoot: string, option: TransactionOption): MigrationFile {
  return {
    id: facts.id,
    name: facts.name,
    path: toProjectPath(projectRoot, facts.absPath),
    absPath: facts.absPath,
    sql: facts.sql ?? facts.raw,
    raw: facts.raw,
    kind: facts.kind ?? 'versioned',
    ...decideTransaction(facts.transaction, option),
  }
}

/** True when some applied, non-failed history row has the file's id. */
export function hasSuccessfulRow(id: string, applied: readonly { id: string; isFailed: boolean }[]): boolean {
  return applied.some((row) => row.id === id && !row.isFailed)
}
