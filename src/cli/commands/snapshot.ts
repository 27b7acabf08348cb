/**
 * `migrations snapshot --target <env> [--out file]`: writes the target's schema as the
 * deterministic JSON the schema-drift check compares with. Read-only session, like preflight;
 * errors reach the CLI boundary as typed errors (exit 2), a connection failure exits 1.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import { loadConfig, type LoadedConfig } from '../../config/load.js'
import { parsePostgresUrl } from '../../dialects/postgres/connection-url.js'
import { loadSchemaModel } from '../../dialects/postgres/schema-model/load.js'
import { historyKey, latestAppliedId, renderSnapshot, toSnapshot, type SchemaSnapshot } from '../../dialects/postgres/schema-model/snapshot.js'
import type { PostgresSession } from '../../dialects/postgres/session.js'
import { ConfigError, EXIT, UsageError, describeError } from '../../engine/errors.js'
import { createFileLog, fileTimestamp, type RunLog } from '../../engine/log.js'
import { listMigrationSet } from '../../engine/migration-set.js'
import { Redactor } from '../../engine/redact.js'

export interface SnapshotOptions {
  readonly target: string
  readonly config?: string
  readonly migrations?: string
  /** File to write; "-" for standard output; default: the target's schemaSnapshot, else standard output. */
  readonly out?: string
  readonly logDir: string
}

/** Writes the snapshot and returns the exit code. */
export async function snapshotCommand(opts: SnapshotOptions, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream } = process): Promise<number> {
  const loaded = loadConfig({ configPath: opts.config, cwd: process.cwd() })
  const target = loaded.config.targets[opts.target]
  if (!target) {
    const names = Object.keys(loaded.config.targets).sort()
    throw new UsageError(`Unknown target "${opts.target}" in ${loaded.file ?? 'the config (no config file was found)'}.`, names.length ? `Known targets: ${names.join(', ')}.` : 'Add a target under "targets:".')
  }
  if (target.dialect !== 'postgres') throw new UsageError(`Snapshots are available for PostgreSQL targets only; ${opts.target} is ${target.dialect}.`)
  if (!target.url) {
    const missing = loaded.missingEnv.get(`targets.${opts.target}.url`)
    throw new ConfigError(
      missing ? `The URL of target ${opts.target} comes from ${missing}, which is not set.` : `Target ${opts.target} has no url.`,
      missing ? `Export ${missing} and run again.` : `Set targets.${opts.target}.url to \${env:SOME_VARIABLE}.`,
    )
  }
  const redactor = new Redactor()
  redactor.addUrl(target.url)
  const log = createFileLog(resolve(opts.logDir, `migrations-snapshot-${fileTimestamp()}.log`), redactor)
  const endpoint = parsePostgresUrl(target.url, target.tls, loaded.baseDir)
  const { ConnectError, openPostgresSession } = await import('../../dialects/postgres/session.js')
  let session: PostgresSession
  try {
    session = await openPostgresSession(endpoint, target, log)
  } catch (error) {
    if (!(error instanceof ConnectError)) throw error
    io.stderr.write(`error: ${error.message}\n  fix: ${error.mitigation}\n`)
    return EXIT.failed
  }
  try {
    const model = await loadSchemaModel(session, { kind: 'all' })
    const level = await readLevel(loaded, opts, session, log)
    const history = historyKey(level?.historyTable)
    const snapshot = toSnapshot(model, { exclude: history ? [history] : [], ...(level ? { migration: level.migration } : {}) })
    const out = opts.out ?? (target.schemaSnapshot ? resolve(loaded.baseDir, target.schemaSnapshot) : '-')
    write(snapshot, out, io)
    log.log('info', `snapshot of ${opts.target}: ${Object.keys(snapshot.tables).length} tables written to ${out}`)
    return EXIT.passed
  } finally {
    await session.close()
  }
}

/** The layout's history table and newest applied migration; undefined when it cannot be read. */
async function readLevel(
  loaded: LoadedConfig,
  opts: SnapshotOptions,
  session: PostgresSession,
  log: RunLog,
): Promise<{ historyTable: string; migration: NonNullable<SchemaSnapshot['migration']> } | undefined> {
  try {
    const set = await listMigrationSet({ loaded, migrationsPath: opts.migrations, log })
    const layout = set.layout
    if (!layout?.historyTable) return undefined
    const history = await layout.readHistory((sql, params) => session.query(sql, params))
    return { historyTable: layout.historyTable, migration: { layout: layout.name, latestApplied: latestAppliedId(set.files, (m) => layout.isApplied(m, history)) } }
  } catch (error) {
    // The snapshot is still useful without the migration level.
    log.log('warn', `could not read the migration history for the snapshot: ${describeError(error)}`)
    return undefined
  }
}

/** Writes to a file (creating folders) or standard output. */
function write(snapshot: SchemaSnapshot, out: string, io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): void {
  const text = renderSnapshot(snapshot)
  if (out === '-') {
    io.stdout.write(text)
    return
  }
  const path = isAbsolute(out) ? out : resolve(process.cwd(), out)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
  io.stdout.write(`Wrote the schema snapshot (${Object.keys(snapshot.tables).length} tables) to ${relative(process.cwd(), path) || path}.\n`)
}
