/**
 * Runs a live check against a real MySQL or MariaDB the way the engine does: a read-only session,
 * pending SQL parsed once as MySQL, touched tables derived from it (live-context.ts for PostgreSQL).
 */
import { configSchema, targetSchema, type TargetConfig } from '../../src/config/schema.js'
import { parseMysqlUrl } from '../../src/dialects/mysql/connection-url.js'
import { loadMysqlParser } from '../../src/dialects/mysql/parser.js'
import { openMysqlSession, type MysqlSession } from '../../src/dialects/mysql/session.js'
import { mysqlTouchedTables } from '../../src/dialects/mysql/touched.js'
import type { LiveCheck, LiveContext, PendingFile } from '../../src/engine/define.js'
import { runLiveChecks } from '../../src/engine/live-runner.js'
import { silentLog } from '../../src/engine/log.js'
import type { CheckResult } from '../../src/engine/model.js'
import { fakeMigration, type LiveCaseOptions } from './live-context.js'

/** Opens a read-only MySQL session on `url` as the engine would. */
export async function openMysqlTestSession(url: string, target: TargetConfig = targetSchema.parse({ dialect: 'mysql' })): Promise<MysqlSession> {
  return openMysqlSession(parseMysqlUrl(url, target.tls, process.cwd()), target, silentLog)
}

/** Builds the LiveContext for a MySQL check; the caller closes the returned session. */
export async function makeMysqlTestContext(url: string, opts: LiveCaseOptions = {}): Promise<{ ctx: LiveContext; session: MysqlSession }> {
  const target = targetSchema.parse({ dialect: 'mysql', ...opts.target })
  const session = await openMysqlTestSession(url, target)
  const parser = await loadMysqlParser()
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
    touched: mysqlTouchedTables(pending, session.info.database),
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

/** Runs one live check on a MySQL `url` and returns its result. */
export async function runMysqlLiveCheck(check: LiveCheck, url: string, opts: LiveCaseOptions = {}): Promise<CheckResult> {
  const { ctx, session } = await makeMysqlTestContext(url, opts)
  try {
    const [result] = await runLiveChecks([check], ctx, configSchema.parse({}))
    return result!
  } finally {
    await session.close()
  }
}
