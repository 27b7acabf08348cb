/**
 * Flyway: V<version>__<description>.sql and R__<description>.sql under the location (scanned
 * recursively), history in flyway_schema_history. https://documentation.red-gate.com/fd/migrations-184127470.html
 */
import { crc32 } from 'node:zlib'
import path from 'node:path'
import { compareCodeUnits, isFile, listFileNames, listFolderNames, readText, toMigrationFile, type TransactionDefault } from '../files.js'
import { findMysqlTable, findTable, missingHistory } from '../history-table.js'
import type { AppliedMigration, Layout, MigrationFile, MigrationHistory, QueryFn } from '../layout.js'
import { flywayStatements } from './flyway-transactions.js'

const VERSIONED = /^V(\d+(?:[._]\d+)*)__(.*)\.sql$/
const REPEATABLE = /^R__(.*)\.sql$/

/** Says what marks `dir` as a Flyway location (a V<version>__<desc>.sql file), or undefined. */
export async function findFlywayMarker(dir: string): Promise<string | undefined> {
  const first = (await walk(dir)).find((rel) => VERSIONED.test(path.posix.basename(rel)))
  return first ? `found ${first} (V<version>__<description>.sql)` : undefined
}

/**
 * Flyway's checksum: CRC32 over each line's UTF-8 bytes without line terminators, BOM removed,
 * as a signed 32-bit int (ChecksumCalculator.calculateChecksumForResource). Concatenating the
 * lines equals dropping every CR and LF, and CRC32 is streaming, so one call gives the same value.
 */
export function flywayChecksum(text: string): string {
  const lines = text.replace(/^\uFEFF/, '').replace(/[\r\n]/g, '')
  return String(crc32(Buffer.from(lines, 'utf8')) | 0)
}

/** Flyway's version order: dot-separated numbers compared part by part, trailing zeros ignored. */
export function compareFlywayVersions(a: string, b: string): number {
  const pa = versionParts(a)
  const pb = versionParts(b)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0n) - (pb[i] ?? 0n)
    if (diff !== 0n) return diff < 0n ? -1 : 1
  }
  return 0
}

/** Splits "1.01.0" into [1n, 1n]; "1" and "1.0" are the same version for Flyway. */
function versionParts(version: string): bigint[] {
  const parts = version.split('.').map((p) => BigInt(p))
  while (parts.length > 1 && parts.at(-1) === 0n) parts.pop()
  return parts
}

/** Relative paths of every file under `dir`, as Flyway scans a filesystem location recursively. */
async function walk(dir: string, prefix = ''): Promise<string[]> {
  const files = (await listFileNames(dir)).map((n) => prefix + n)
  for (const folder of await listFolderNames(dir)) files.push(...(await walk(path.join(dir, folder), `${prefix}${folder}/`)))
  return files
}

/**
 * Whether Flyway wraps the migration in a transaction: not when `<script>.conf` sets
 * executeInTransaction=false, nor when its statements are ones Flyway runs outside a transaction
 * (flyway-transactions.ts), alone or, with `mixed`, next to others.
 */
async function readTransactionDefault(absPath: string, raw: string, isMixedAllowed: boolean): Promise<TransactionDefault> {
  const conf = `${absPath}.conf`
  if ((await isFile(conf)) && /^\s*executeInTransaction\s*=\s*false\s*$/m.test(await readText(conf))) {
    return { runs: false, reason: `${path.basename(conf)} sets executeInTransaction=false` }
  }
  const statements = flywayStatements(raw)
  switch (statements.kind) {
    case 'transactional':
      return { runs: true, reason: 'Flyway runs each migration in its own transaction on PostgreSQL' }
    case 'non-transactional':
      return { runs: false, reason: `Flyway runs a migration whose every statement is one it cannot run in a transaction (${statements.first}) without one` }
    case 'mixed':
      if (isMixedAllowed) return { runs: false, reason: `with mixed=true Flyway runs a migration that mixes ${statements.nonTransactional} (line ${statements.line}) with other statements without a transaction` }
      return {
        runs: true,
        reason: `Flyway refuses this migration before running any of it: it mixes ${statements.nonTransactional} (line ${statements.line}), which Flyway runs outside a transaction, with statements it runs in one, and mixed=true is not set`,
      }
  }
}

/**
 * Whether the project sets Flyway's `mixed` option: FLYWAY_MIXED, flyway.mixed in flyway.conf
 * (the project root or its conf/ folder), mixed in flyway.toml, or spring.flyway.mixed in a Spring
 * Boot application*.properties. YAML Spring configs are not read.
 */
async function readMixedOption(projectRoot: string): Promise<boolean> {
  if (/^true$/i.test(process.env.FLYWAY_MIXED ?? '')) return true
  const candidates: [string, RegExp][] = [
    [path.join(projectRoot, 'flyway.conf'), /^\s*flyway\.mixed\s*=\s*true\s*$/im],
    [path.join(projectRoot, 'conf', 'flyway.conf'), /^\s*flyway\.mixed\s*=\s*true\s*$/im],
    [path.join(projectRoot, 'flyway.toml'), /^\s*mixed\s*=\s*true\s*$/im],
  ]
  const resources = path.join(projectRoot, 'src', 'main', 'resources')
  for (const name of await listFileNames(resources)) {
    if (/^application.*\.properties$/.test(name)) candidates.push([path.join(resources, name), /^\s*spring\.flyway\.mixed\s*=\s*true\s*$/im])
  }
  for (const [file, pattern] of candidates) if ((await isFile(file)) && pattern.test(await readText(file))) return true
  return false
}

/** Sorts versioned migrations by version, then repeatables by description, as Flyway applies them. */
function compareFlywayFiles(a: MigrationFile, b: MigrationFile): number {
  if (a.kind !== b.kind) return a.kind === 'versioned' ? -1 : 1
  return a.kind === 'versioned' ? compareFlywayVersions(a.id, b.id) : compareCodeUnits(a.id, b.id)
}

interface FlywayRow extends Record<string, unknown> {
  version: string | null
  description: string
  type: string
  checksum: string | null
  success: boolean
  installed_on: string | null
}

/** Reads flyway_schema_history; a BASELINE row marks every version at or below it as applied. */
async function readFlywayHistory(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findTable(query, 'flyway_schema_history')
  if (!ref.exists) return missingHistory(ref)
  const rows = await query<FlywayRow>(
    `SELECT version, description, type, checksum::text AS checksum, success, installed_on::text AS installed_on
       FROM ${ref.sqlName} ORDER BY installed_rank`,
  )
  return historyFromRows(ref.table, rows)
}

/** The same on MySQL, where Flyway keeps flyway_schema_history in the connection's database and success is a TINYINT. */
async function readFlywayHistoryMysql(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findMysqlTable(query, 'flyway_schema_history')
  if (!ref.exists) return missingHistory(ref)
  const rows = await query<FlywayRow>(
    `SELECT version, description, type, CAST(checksum AS CHAR) AS checksum, success <> 0 AS success, CAST(installed_on AS CHAR) AS installed_on
       FROM ${ref.sqlName} ORDER BY installed_rank`,
  )
  // MySQL returns the comparison as 0 or 1, not a boolean.
  return historyFromRows(ref.table, rows.map((r) => ({ ...r, success: Number(r.success) === 1 })))
}

/** The history Flyway's rows describe, in installed_rank order. */
function historyFromRows(table: string, rows: readonly FlywayRow[]): MigrationHistory {
  // The SCHEMA row only records that Flyway created the schema; it is no migration.
  const useful = rows.filter((r) => r.type !== 'SCHEMA')
  const baseline = useful.filter((r) => r.type === 'BASELINE' && r.version !== null).at(-1)
  return {
    table,
    exists: true,
    applied: useful.map(toApplied),
    ...(baseline?.version ? { appliedUpTo: baseline.version } : {}),
  }
}

/** Normalises one history row: versioned rows by version, repeatable rows by description. */
function toApplied(row: FlywayRow): AppliedMigration {
  return {
    id: row.version ?? row.description,
    name: row.description,
    ...(row.checksum !== null ? { checksum: row.checksum } : {}),
    ...(row.installed_on !== null ? { appliedAt: row.installed_on } : {}),
    isFailed: !row.success,
    ...(row.type === 'BASELINE' ? { detail: 'Flyway baseline: versions at or below it are never run' } : {}),
    ...(!row.success ? { detail: 'Flyway recorded this migration as failed (success = false); fix it, then run flyway repair' } : {}),
  }
}

/** Versioned: a successful row of equal version or a baseline above it; repeatable: the latest row's checksum matches. */
function isFlywayApplied(file: MigrationFile, history: MigrationHistory): boolean {
  if (file.kind === 'repeatable') {
    const latest = history.applied.filter((r) => r.id === file.id && !r.isFailed).at(-1)
    // Flyway re-runs a repeatable migration whenever its checksum changes.
    return latest !== undefined && latest.checksum === flywayChecksum(file.raw)
  }
  if (history.appliedUpTo !== undefined && compareFlywayVersions(file.id, history.appliedUpTo) <= 0) return true
  return history.applied.some((r) => !r.isFailed && /^\d+(\.\d+)*$/.test(r.id) && compareFlywayVersions(r.id, file.id) === 0)
}

export const flyway: Layout = {
  name: 'flyway',
  tool: 'Flyway',
  historyTable: 'public.flyway_schema_history',
  detect: async (dir) => (await findFlywayMarker(dir)) !== undefined,
  async list(dir, projectRoot, options) {
    const files: MigrationFile[] = []
    const isMixedAllowed = await readMixedOption(projectRoot)
    for (const rel of await walk(dir)) {
      const base = path.posix.basename(rel)
      const versioned = VERSIONED.exec(base)
      const repeatable = REPEATABLE.exec(base)
      if (!versioned && !repeatable) continue
      const absPath = path.join(dir, ...rel.split('/'))
      // Flyway turns "_" into "." in versions and into spaces in descriptions.
      const description = (versioned?.[2] ?? repeatable?.[1] ?? '').replaceAll('_', ' ')
      const raw = await readText(absPath)
      const facts = {
        id: versioned ? versioned[1]!.replaceAll('_', '.') : description,
        name: description,
        absPath,
        raw,
        kind: versioned ? ('versioned' as const) : ('repeatable' as const),
        transaction: await readTransactionDefault(absPath, raw, isMixedAllowed),
      }
      files.push(toMigrationFile(facts, projectRoot, options.transaction))
    }
    return files.sort(compareFlywayFiles)
  },
  readHistory: readFlywayHistory,
  readHistoryMysql: readFlywayHistoryMysql,
  checksum: (file) => flywayChecksum(file.raw),
  isApplied: isFlywayApplied,
}
