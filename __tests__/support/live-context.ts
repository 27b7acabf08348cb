/**
 * Runs a live check against a real database the way the engine does: a read-only session,
 * pending SQL parsed once, touched tables derived from it.
 */
import { configSchema, targetSchema, type TargetConfig } from '../../src/config/schema.js'
import { parsePostgresUrl } from '../../src/dialects/postgres/connection-url.js'
import { loadPostgresParser } from '../../src/dialects/postgres/parser.js'
import { openPostgresSession, type PostgresSession } from '../../src/dialects/postgres/session.js'
import type { LiveCheck, LiveContext, PendingFile } from '../../src/engine/define.js'
import { runLiveChecks } from '../../src/engine/live-runner.js'
import { silentLog } from '../../src/engine/log.js'
import type { CheckResult } from '../../src/engine/model.js'
import { touchedTables } from '../../src/engine/pending.js'
import type { Layout, MigrationFile, MigrationHistory } from '../../src/sources/layout.js'

export interface LiveCaseOptions {
  /** SQL of each pending migration, in order. */
  readonly pending?: readonly string[]
  /** Target settings (thresholds, windows...), merged over the defaults. */
  readonly target?: Record<string, unknown>
  readonly now?: Date
  readonly layout?: Layout
  readonly history?: MigrationHistory
  readonly migrations?: readonly MigrationFile[]
  readonly baseDir?: string
}

/** Opens a read-only session on `url` as the engine would. */
export async function openTestSession(url: string, target: TargetConfig = targetSchema.parse({})): Promise<PostgresSession> {
  return openPostgresSession(parsePostgresUrl(url, target.tls, process.cwd()), target, silentLog)
}

/** Builds the LiveContext for a check; the caller closes the returned session. */
export async function makeTestContext(url: string, opts: LiveCaseOptions = {}): Promise<{ ctx: LiveContext; session: PostgresSession }> {
  const target = targetSchema.parse(opts.target ?? {})
  const session = await openTestSession(url, target)
  const parser = await loadPostgresParser()
  const pending: PendingFile[] = (opts.pending ?? []).map((sql, i) => ({ migration: fakeMigration(`pending/${String(i + 1).padStart(3, '0')}.sql`, sql), parsed: parser.parse(sql) }))
  const memo = new Map<string, Promise<unknown>>()
  const ctx: LiveContext = {
    db: session,
    server: session.info,
    targetName: 'test',
    target,
    layout: opts.layout,
    migrations: opts.migrations ?? pending.map((p) => p.migration),
    pending,
    history: opts.history,
    touched: touchedTables(pending, Math.floor(session.info.major)),
    now: opts.now ?? new Date(),
    log: silentLog,
    baseDir: opts.baseDir ?? process.cwd(),
    memo<T>(key: string, load: () => Promise<T>): Promise<T> {
      let p = memo.get(key) as Promise<T> | undefined
      if (!p) {
        p = load()
        memo.set(key, p)
      }
      return p
    },
  }
  return { ctx, session }
}

/** Runs one live check on `url` and returns its result. */
export async function runLiveCheck(check: LiveCheck, url: string, opts: LiveCaseOptions = {}): Promise<CheckResult> {
  const { ctx, session } = await makeTestContext(url, opts)
  try {
    const [result] = await runLiveChecks([check], ctx, configSchema.parse({}))
    return result!
  } finally {
    await session.close()
  }
}

/** A MigrationFile for in-memory SQL. */
export function fakeMigration(path: string, sql: string, runsInTransaction = false): MigrationFile {
  return {
    id: path,
    name: path,
    path,
    absPath: `/virtual/${path}`,
    sql,
    raw: sql,
    kind: 'versioned',
    runsInTransaction,
    transactionReason: runsInTransaction ? 'test: in a transaction' : 'test: no transaction',
  }
}
