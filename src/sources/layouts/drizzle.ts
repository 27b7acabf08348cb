/**
 * Drizzle Kit: <nnnn>_<tag>.sql listed in meta/_journal.json, history in
 * drizzle.__drizzle_migrations(id, hash, created_at). https://orm.drizzle.team/docs/migrations
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { ConfigError } from '../../engine/errors.js'
import { isFile, readText, toMigrationFile, toProjectPath, type TransactionDefault } from '../files.js'
import { findTable, missingHistory } from '../history-table.js'
import type { Layout, MigrationFile, MigrationHistory, QueryFn } from '../layout.js'

const JOURNAL = path.join('meta', '_journal.json')

/** drizzle-orm's migrate() runs every pending migration inside one transaction. */
const TRANSACTION: TransactionDefault = {
  runs: true,
  reason: 'Drizzle runs all pending migrations together in one transaction',
}

export interface JournalEntry {
  readonly idx: number
  readonly when: number
  readonly tag: string
  readonly breakpoints: boolean
}

/** Says what marks `dir` as a Drizzle folder (meta/_journal.json), or undefined. */
export async function findDrizzleMarker(dir: string): Promise<string | undefined> {
  return (await isFile(path.join(dir, JOURNAL))) ? 'found meta/_journal.json' : undefined
}

/** Reads the journal entries in file order, which is the order Drizzle applies them in. */
export async function readJournal(dir: string, projectRoot: string): Promise<JournalEntry[]> {
  const file = path.join(dir, JOURNAL)
  let entries: unknown
  try {
    entries = (JSON.parse(await readText(file)) as { entries?: unknown }).entries
  } catch (error) {
    throw new ConfigError(`${toProjectPath(projectRoot, file)} is not valid JSON (${(error as Error).message}).`, 'Regenerate it with drizzle-kit generate.')
  }
  if (!Array.isArray(entries) || !entries.every(isJournalEntry)) {
    throw new ConfigError(`${toProjectPath(projectRoot, file)} has no "entries" list of { idx, when, tag }.`, 'Regenerate it with drizzle-kit generate.')
  }
  return entries
}

/** True when a journal entry has the fields the migrator reads. */
function isJournalEntry(value: unknown): value is JournalEntry {
  const e = value as Partial<JournalEntry> | null
  return typeof e === 'object' && e !== null && typeof e.tag === 'string' && Number.isSafeInteger(e.when)
}

/** Drizzle's hash column: SHA-256 hex of the whole file text. */
export function drizzleHash(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex')
}

/**
 * Reads __drizzle_migrations. Drizzle applies a journal entry only when its `when` exceeds the
 * created_at of the row it reads with ORDER BY created_at DESC LIMIT 1; PostgreSQL sorts NULLs
 * first there, so a NULL created_at on top makes Drizzle treat the mark as 0 (Number(null)).
 */
async function readDrizzleHistory(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findTable(query, 'drizzle.__drizzle_migrations')
  if (!ref.exists) return missingHistory(ref)
  const rows = await query<{ hash: string; created_at: string | null }>(
    `SELECT hash, created_at::text AS created_at FROM ${ref.sqlName} ORDER BY created_at DESC, id DESC`,
  )
  const applied = rows.map((r) => ({ id: r.created_at ?? '', checksum: r.hash, isFailed: false })).reverse()
  const top = rows[0]
  return { table: ref.table, exists: true, applied, ...(top ? { appliedUpTo: top.created_at ?? '0' } : {}) }
}

/** Mirrors Drizzle: applied when the entry's `when` is at or below the newest created_at. */
function isDrizzleApplied(file: MigrationFile, history: MigrationHistory): boolean {
  return history.appliedUpTo !== undefined && BigInt(file.id) <= BigInt(history.appliedUpTo)
}

export const drizzle: Layout = {
  name: 'drizzle',
  tool: 'Drizzle',
  historyTable: 'drizzle.__drizzle_migrations',
  detect: async (dir) => (await findDrizzleMarker(dir)) !== undefined,
  async list(dir, projectRoot, options) {
    const entries = await readJournal(dir, projectRoot)
    return Promise.all(
      entries.map(async (entry) => {
        const absPath = path.join(dir, `${entry.tag}.sql`)
        if (!(await isFile(absPath))) {
          throw new ConfigError(
            `meta/_journal.json lists "${entry.tag}" but ${toProjectPath(projectRoot, absPath)} does not exist.`,
            'Restore the file or regenerate the journal with drizzle-kit.',
          )
        }
        const facts = { id: String(entry.when), name: entry.tag.replace(/^\d+_/, ''), absPath, raw: await readText(absPath), transaction: TRANSACTION }
        return toMigrationFile(facts, projectRoot, options.transaction)
      }),
    )
  },
  readHistory: readDrizzleHistory,
  checksum: (file) => drizzleHash(file.raw),
  isApplied: isDrizzleApplied,
}
