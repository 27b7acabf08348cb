/**
 * The run plan: resolve the target, list migrations, connect read-only, read the history,
 * parse what is pending once, run static rules and live checks, and build the report.
 * No GitHub, argv or TTY here: the CLI and the action are thin adapters over runPreflight.
 */
import { hostname, userInfo } from 'node:os'
import { isAbsolute, relative, resolve } from 'node:path'
import type { LoadedConfig } from '../config/load.js'
import type { Dialect, TargetConfig } from '../config/schema.js'
import { dialectOfUrl } from '../config/constants.js'
import { LIVE_CHECK_IDS } from '../checks/live/ids.js'
import { staticRules } from '../checks/static/index.js'
import { ConnectError } from '../dialects/connect-error.js'
import { openSession, type TargetSession } from '../dialects/open-session.js'
import { parseFiles, streamParsedFiles } from '../dialects/postgres/parse-pool.js'
import { loadPostgresParser } from '../dialects/postgres/parser.js'
import { ENGINE_CHECK_IDS, ENGINE_CHECKS } from './engine-checks.js'
import { describeUrl, type Redactor } from './redact.js'
import { listMigrationSet, type MigrationSet } from './migration-set.js'
import { OLDEST_SUPPORTED_POSTGRES, type LiveContext, type LiveFacts, type MigrationChanges, type PendingFile, type VersionSource } from './define.js'
import { PreflightError, UsageError, describeError } from './errors.js'
import type { RunLog } from './log.js'
import { compareIds, runbookLink, type CheckResult } from './model.js'
import { statementLockSummaries, touchedTables } from './pending.js'
import { REPORT_SCHEMA_VERSION, countResults, verdictOf, type FailOn, type Report, type StatementLockSummary } from './report.js'
import { StaticRun, canAnalyseInShards, runStaticRules, type StaticRunInput } from './static-runner.js'
import type { MigrationFile, MigrationHistory } from '../sources/layout.js'

export interface RunOptions {
  readonly command: 'preflight' | 'lint'
  readonly loaded: LoadedConfig
  /** Target name from config; required for preflight. */
  readonly targetName?: string
  /** Overrides the target's URL (the action's database-url input). */
  readonly databaseUrl?: string
  /** Overrides migrations.path. */
  readonly migrationsPath?: string
  /** Lint: files or folders to analyse instead of the configured folder; "-" reads `stdin`. */
  readonly paths?: readonly string[]
  readonly stdin?: string
  /** Only these repository-relative files may be pending (the action's changed files). */
  readonly onlyFiles?: readonly string[]
  /** Migration files the change modifies or removes, for the applied-migration-in-diff check. */
  readonly changes?: MigrationChanges
  readonly only?: readonly string[]
  readonly skip?: readonly string[]
  /** Run static analysis only, with this reason for skipping the target (fork pull requests). */
  readonly staticOnlyReason?: string
  readonly failOn: FailOn
  readonly now?: Date
  readonly log: RunLog
  readonly redactor: Redactor
  readonly toolVersion: string
  readonly onResult?: (result: CheckResult) => void
  readonly onStage?: (message: string) => void
}

/** Every rule and check id, for validating --only/--skip and directives (the live checks' ids without loading them). */
export function allCheckIds(): Set<string> {
  return new Set([...staticRules.map((r) => r.id), ...LIVE_CHECK_IDS, ...ENGINE_CHECK_IDS])
}

/** Runs a whole preflight (or lint) and returns the report; never throws for a check's failure. */
export async function runPreflight(options: RunOptions): Promise<Report> {
  const started = new Date()
  const { loaded, log } = options
  const config = loaded.config
  const results: CheckResult[] = []
  const emit = (r: CheckResult): void => {
    results.push(r)
    options.onResult?.(r)
  }
  const selected = selectChecks(options)
  log.log('info', `migrations ${options.command} ${options.toolVersion} started by ${safeUser()} on ${hostname()}`)
  log.log('info', loaded.file ? `config ${loaded.file} (sha256 ${loaded.hash.slice(0, 12)})` : `no config file found: using defaults (sha256 ${loaded.hash.slice(0, 12)})`)

  const target = resolveTarget(options)
  const set = await listMigrationSet({
    loaded,
    migrationsPath: options.migrationsPath,
    paths: options.paths,
    stdin: options.stdin,
    log,
  })
  options.onStage?.(set.description)

  if (selected.has('config-secrets')) emit(configSecretsResult(loaded))

  // A target's dialect wins; lint reads the config's top-level dialect, else what the folder declares.
  const dialect: Dialect = target?.config.dialect ?? config.dialect ?? set.declared?.dialect ?? 'postgres'
  if (!target && !config.dialect && set.declared) log.log('info', `dialect ${set.declared.dialect}: ${set.declared.source}`)
  let session: TargetSession | undefined
  let history: MigrationHistory | undefined
  let liveSkipReason: string | undefined
  let pendingMigrations: MigrationFile[] = []
  let pending: PendingFile[] = []
  let lockSummaries: StatementLockSummary[] = []
  let version: { major: number; source: VersionSource } = postgresVersionFor(undefined, config.postgresVersion)
  try {
    if (options.command === 'preflight' && target) {
      const connection = await connectTarget(options, target, selected.has('connectivity'))
      session = connection.session
      liveSkipReason = connection.skipReason
      if (connection.result) emit(connection.result)
      if (session && set.layout) {
        history = await readHistory(session, set, log, dialect)
      }
    }
    pendingMigrations = choosePending(set.files, set, history, options.onlyFiles, loaded.baseDir)
    log.log('info', `${set.files.length} migrations found, ${pendingMigrations.length} pending${history ? '' : ' (no history read: every listed migration is treated as pending)'}`)
    version = postgresVersionFor(dialect === 'postgres' ? session : undefined, config.postgresVersion)
    const { major, source } = version
    const rules = staticRules.filter((r) => selected.has(r.id) && r.dialects.includes(dialect))
    const staticInput = { rules, config, postgresVersion: major, versionSource: source, layout: set.layout?.name, log, knownIds: allCheckIds(), dialect }

    const isSharded = !session && canAnalyseInShards(dialect, set.layout?.name)
    if (isSharded) {
      // Without a target nothing needs every parse tree at once: parse and analyse shard by shard.
      lockSummaries = await analyseInShards(pendingMigrations, { ...staticInput, live: {} }, emit)
    } else {
      pending = await parsePending(pendingMigrations, log, dialect)
      lockSummaries = statementLockSummaries(pending, major)
    }

    // Only live checks read the touched tables and the catalog: lint neither loads nor runs any of it.
    const liveCtx = session && target ? makeLiveContext(options, session, target, set, pending, history, await touchedBy(pending, dialect, session, major)) : undefined
    // The live facts for static rules are PostgreSQL catalog reads.
    const live: LiveFacts = liveCtx && dialect === 'postgres' ? await readLiveFacts(liveCtx) : {}

    if (!isSharded) await runStaticRules({ ...staticInput, files: pending, live }, emit)

    if (options.command === 'preflight') {
      const [{ liveChecks }, { runLiveChecks }] = await Promise.all([import('../checks/live/index.js'), import('./live-runner.js')])
      // Checks for another dialect are not listed at all, so a report names only what applies.
      const checks = liveChecks.filter((c) => selected.has(c.id) && c.id !== 'connectivity' && c.dialects.includes(dialect))
      if (liveCtx) {
        await runLiveChecks(checks, liveCtx, config, emit)
      } else {
        for (const c of checks) emit(skipped(c, liveSkipReason ?? 'No connection to the target.'))
      }
    }

  } catch (error) {
    // A bug part-way must not lose what already ran: record it and still build the report.
    if (error instanceof PreflightError) throw error
    log.log('error', `internal error: ${describeError(error)}`, { stack: (error as Error)?.stack })
    emit(engineErrorResult(error))
  } finally {
    await session?.close()
  }

  const finished = new Date()
  const checks = [...results].sort((a, b) => compareIds(a.id, b.id))
  const verdict = verdictOf(checks, options.failOn)
  log.log('info', `verdict ${verdict} in ${finished.getTime() - started.getTime()} ms`)
  return options.redactor.redactDeep({
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'migrations-preflight', version: options.toolVersion },
    run: {
      command: options.command,
      target: target?.name ?? null,
      dialect,
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      user: safeUser(),
      host: hostname(),
      configFile: loaded.file ? relative(process.cwd(), loaded.file) || loaded.file : null,
      configHash: loaded.hash,
      failOn: options.failOn,
      server: session ? { version: session.info.version, host: session.info.host, port: session.info.port, database: session.info.database } : null,
      postgresVersion: { major: version.major, source: version.source },
    },
    migrations: {
      path: set.dir ? relative(loaded.baseDir, set.dir) || '.' : null,
      layout: set.layout?.name ?? null,
      layoutReason: set.reason,
      total: set.files.length,
      applied: history && set.layout ? set.files.filter((f) => set.layout!.isApplied(f, history!)).length : 0,
      // On MySQL the table lives in the connection's database: the name read from the target is the true one.
      historyTable: (dialect === 'mysql' ? history?.table : undefined) ?? set.layout?.historyTable ?? null,
      historyExists: history ? history.exists : null,
      pending: pendingMigrations.map((m) => ({ id: m.id, name: m.name, path: m.path, runsInTransaction: m.runsInTransaction })),
      statements: lockSummaries,
    },
    verdict,
    counts: countResults(checks),
    checks,
  } satisfies Report)
}

/** The chosen target and its config; UsageError lists the known targets when the name is wrong. */
function resolveTarget(options: RunOptions): { name: string; config: TargetConfig } | undefined {
  if (options.command === 'lint') return undefined
  const targets = options.loaded.config.targets
  const names = Object.keys(targets).sort()
  if (!options.targetName) {
    throw new UsageError('No target given.', names.length ? `Use --target with one of: ${names.join(', ')}.` : 'Add a target under "targets:" in migrations.config.yaml (see `migrations init`).')
  }
  const config = targets[options.targetName]
  if (!config) {
    const where = options.loaded.file ?? 'the config (no config file was found)'
    throw new UsageError(
      `Unknown target "${options.targetName}" in ${where}.`,
      names.length ? `Known targets: ${names.join(', ')}.` : 'No targets are configured: add one under "targets:".',
    )
  }
  // Without a dialect in the config, the URL in use decides it, also one given on the command line.
  if (config.isDialectFromUrl && options.databaseUrl) return { name: options.targetName, config: { ...config, dialect: dialectOfUrl(options.databaseUrl) } }
  return { name: options.targetName, config }
}

/** The set of check ids to run after --only and --skip; unknown ids are a usage error. */
function selectChecks(options: RunOptions): Set<string> {
  const all = allCheckIds()
  for (const id of [...(options.only ?? []), ...(options.skip ?? [])]) {
    if (!all.has(id)) throw new UsageError(`Unknown check or rule id "${id}".`, 'Run `migrations rules` to list every id.')
  }
  const chosen = options.only && options.only.length > 0 ? new Set(options.only) : new Set(all)
  for (const id of options.skip ?? []) chosen.delete(id)
  return chosen
}

interface Connection {
  readonly session?: TargetSession
  readonly result?: CheckResult
  readonly skipReason?: string
}

/** Connects to the target; every failure becomes the connectivity result instead of an exception. */
async function connectTarget(options: RunOptions, target: { name: string; config: TargetConfig }, isWanted: boolean): Promise<Connection> {
  const base = { id: 'connectivity', title: 'Connect to the target database', category: 'connectivity' as const, kind: 'live' as const, severity: 'error' as const, docs: runbookLink('connectivity') }
  const started = performance.now()
  const elapsed = (): number => Math.round(performance.now() - started)
  if (options.staticOnlyReason) {
    return { skipReason: options.staticOnlyReason, result: { ...base, status: 'skip', summary: options.staticOnlyReason, durationMs: 0, findings: [] } }
  }
  const url = options.databaseUrl ?? target.config.url
  options.redactor.addUrl(url)
  if (!url) {
    const missing = options.loaded.missingEnv.get(`targets.${target.name}.url`)
    const summary = missing
      ? `The target's URL comes from the environment variable ${missing}, which is not set.`
      : `Target "${target.name}" has no url.`
    const mitigation = missing
      ? `Export ${missing} (in CI, from a repository secret) and run again.`
      : `Set targets.${target.name}.url to \${env:SOME_VARIABLE} in the config, or pass --database-url.`
    return { skipReason: 'The target could not be reached (see connectivity).', result: { ...base, status: 'fail', summary, mitigation, durationMs: 0, findings: [] } }
  }
  try {
    // The driver loads only when a target is connected, so lint never pays for it.
    const session = await openSession(url, target.config, options.loaded.baseDir, options.log)
    const { host, port, database, currentUser } = session.info
    const evidence = { endpoint: describeUrl(url), tls: session.tls, connectMs: session.connectMs, server: session.info.version, user: session.info.currentUser }
    const result: CheckResult = {
      ...base,
      status: 'pass',
      summary: `Connected to ${host}:${port}/${database} as ${currentUser} in ${session.connectMs} ms${session.tls ? ' over TLS' : ''}; the session is read-only.`,
      evidence,
      durationMs: elapsed(),
      findings: [],
    }
    return { session, ...(isWanted ? { result } : {}) }
  } catch (error) {
    const isConnect = error instanceof ConnectError
    const summary = isConnect ? error.message : error instanceof PreflightError ? error.message : `Cannot connect: ${describeError(error)}`
    const mitigation = isConnect ? error.mitigation : error instanceof PreflightError ? (error.fix ?? 'Check the database URL.') : 'Check the database URL and that the server is reachable.'
    options.log.log('error', `connectivity failed: ${summary}`, { failure: isConnect ? error.failure : 'invalid-url' })
    return {
      skipReason: 'The target could not be reached (see connectivity).',
      result: {
        ...base,
        status: 'fail',
        summary,
        mitigation,
        evidence: { endpoint: describeUrl(url), failure: isConnect ? error.failure : 'invalid-url', afterMs: elapsed() },
        durationMs: elapsed(),
        findings: [],
      },
    }
  }
}

/** Reads the tool's history table; a failure is logged and treated as "unknown" (everything pending). */
async function readHistory(session: TargetSession, set: MigrationSet, log: RunLog, dialect: Dialect): Promise<MigrationHistory | undefined> {
  const layout = set.layout!
  const read = dialect === 'mysql' ? layout.readHistoryMysql?.bind(layout) : layout.readHistory.bind(layout)
  if (!read) {
    log.log('warn', `reading the ${layout.tool} history table on ${dialect} is not supported: every migration is treated as pending`)
    return undefined
  }
  try {
    const history = await read((sql, params) => session.query(sql, params))
    log.log('info', history.exists ? `history ${history.table}: ${history.applied.length} rows` : `history table ${history.table} does not exist: nothing applied yet`)
    return history
  } catch (error) {
    log.log('error', `reading history table ${set.layout!.historyTable} failed: ${describeError(error)}`)
    return undefined
  }
}

/** Pending migrations: not applied according to the history, restricted to `onlyFiles` when given. */
function choosePending(
  files: readonly MigrationFile[],
  set: MigrationSet,
  history: MigrationHistory | undefined,
  onlyFiles: readonly string[] | undefined,
  baseDir: string,
): MigrationFile[] {
  const only = onlyFiles ? new Set(onlyFiles.map((p) => toProjectPath(p, baseDir))) : undefined
  return files.flatMap((f) => {
    if (only && !only.has(f.path)) return []
    if (!history || !set.layout) return [f]
    // A file of separately recorded units (Liquibase changesets) may be partly applied: only the rest runs.
    if (set.layout.pendingPart && f.units) {
      const rest = set.layout.pendingPart(f, history)
      return rest ? [rest] : []
    }
    return set.layout.isApplied(f, history) ? [] : [f]
  })
}

/** Normalises a path to the project-relative, forward-slash form MigrationFile.path uses. */
function toProjectPath(path: string, baseDir: string): string {
  const abs = isAbsolute(path) ? path : resolve(baseDir, path)
  return relative(baseDir, abs).split('\\').join('/')
}

/** The tables the pending statements touch, for the live checks. */
async function touchedBy(pending: readonly PendingFile[], dialect: Dialect, session: TargetSession, major: number): Promise<LiveContext['touched']> {
  if (dialect !== 'mysql') return touchedTables(pending, major)
  const { mysqlTouchedTables } = await import('../dialects/mysql/touched.js')
  return mysqlTouchedTables(pending, session.info.database)
}

/** The catalog facts static rules use (PostgreSQL); none when they cannot be read. */
async function readLiveFacts(ctx: LiveContext): Promise<LiveFacts> {
  const { collectLiveFacts } = await import('../dialects/postgres/facts.js')
  return collectLiveFacts(ctx).catch(() => ({}))
}

/**
 * Parses the pending files in consecutive shards and runs the static rules on each as it arrives
 * (StaticRun), so the parse trees of only a few shards are alive at a time; returns the lock each
 * statement takes, for the report.
 */
async function analyseInShards(files: readonly MigrationFile[], input: Omit<StaticRunInput, 'files'>, emit: (r: CheckResult) => void): Promise<StatementLockSummary[]> {
  const started = performance.now()
  const run = new StaticRun(input)
  const summaries: StatementLockSummary[] = []
  // Rules read loadedPostgresParser() synchronously, so this thread's parser loads even when workers parse.
  await loadPostgresParser()
  for await (const { start, parsed } of streamParsedFiles(files.map((f) => f.sql), { log: input.log })) {
    const shard = parsed.map((p, i) => ({ migration: files[start + i]!, parsed: p }))
    await run.addShard(shard)
    summaries.push(...statementLockSummaries(shard, input.postgresVersion))
  }
  input.log.log('info', `parsed and analysed ${files.length} files in ${Math.round(performance.now() - started)} ms`)
  run.finish(emit)
  return summaries
}

/** Parses each pending file once; the result is shared by every rule and check. */
async function parsePending(files: readonly MigrationFile[], log: RunLog, dialect: Dialect): Promise<PendingFile[]> {
  if (files.length === 0) return []
  const started = performance.now()
  if (dialect === 'mysql') {
    const parser = await (await import('../dialects/mysql/parser.js')).loadMysqlParser()
    const out = files.map((migration) => ({ migration, parsed: parser.parse(migration.sql) }))
    log.log('info', `parsed ${files.length} files as MySQL in ${Math.round(performance.now() - started)} ms`)
    return out
  }
  // Rules read loadedPostgresParser() synchronously, so this thread's parser loads even when workers parse.
  const [parsed] = await Promise.all([parseFiles(files.map((f) => f.sql), { log }), loadPostgresParser()])
  log.log('info', `parsed ${files.length} files in ${Math.round(performance.now() - started)} ms`)
  return files.map((migration, i) => ({ migration, parsed: parsed[i]! }))
}

/** The PostgreSQL major the rules assume: the target's, else the config's, else the oldest supported. */
function postgresVersionFor(session: TargetSession | undefined, configured: number | undefined): { major: number; source: VersionSource } {
  if (session) return { major: Math.floor(session.info.major), source: 'target' }
  if (configured) return { major: configured, source: 'config' }
  return { major: OLDEST_SUPPORTED_POSTGRES, source: 'default' }
}

/** Builds the context every live check receives, with a shared memo for batched catalog queries. */
function makeLiveContext(
  options: RunOptions,
  session: TargetSession,
  target: { name: string; config: TargetConfig },
  set: MigrationSet,
  pending: readonly PendingFile[],
  history: MigrationHistory | undefined,
  touched: LiveContext['touched'],
): LiveContext {
  const memo = new Map<string, Promise<unknown>>()
  return {
    db: session,
    server: session.info,
    targetName: target.name,
    target: target.config,
    layout: set.layout,
    migrations: set.files,
    pending,
    history,
    touched,
    now: options.now ?? new Date(),
    log: options.log,
    baseDir: options.loaded.baseDir,
    migrationsDir: set.dir,
    changes: options.changes,
    memo<T>(key: string, load: () => Promise<T>): Promise<T> {
      let p = memo.get(key) as Promise<T> | undefined
      if (!p) {
        p = load()
        memo.set(key, p)
      }
      return p
    },
  }
}

/** The result recorded when the engine itself fails part-way. */
function engineErrorResult(error: unknown): CheckResult {
  return {
    id: 'preflight-engine',
    ...ENGINE_CHECKS['preflight-engine'],
    kind: 'static',
    status: 'error',
    summary: `Preflight stopped part-way: ${describeError(error)}. Checks after this point did not run.`,
    mitigation: 'This is a bug in Migrations Preflight: report it with the log file (it has the stack trace).',
    docs: runbookLink('preflight-engine'),
    durationMs: 0,
    findings: [],
  }
}

/** A skipped result for a live check that could not run. */
function skipped(check: { id: string; title: string; category: CheckResult['category']; severity: CheckResult['severity'] }, reason: string): CheckResult {
  return { id: check.id, title: check.title, category: check.category, kind: 'live', severity: check.severity, status: 'skip', summary: reason, docs: runbookLink(check.id), durationMs: 0, findings: [] }
}

/** Literal passwords in the config file: a warning that names the key and line. */
function configSecretsResult(loaded: LoadedConfig): CheckResult {
  const base = { id: 'config-secrets', ...ENGINE_CHECKS['config-secrets'], kind: 'static' as const, docs: runbookLink('config-secrets'), durationMs: 0 }
  if (loaded.warnings.length === 0) return { ...base, status: 'pass', summary: 'No literal passwords in the config file.', findings: [] }
  const file = loaded.file ? relative(process.cwd(), loaded.file) || loaded.file : 'config'
  return {
    ...base,
    status: 'warn',
    summary: loaded.warnings[0]!.message,
    mitigation: 'Replace the URL with url: ${env:NAME} and store it as a secret.',
    findings: loaded.warnings.map((w) => ({
      id: 'config-secrets',
      severity: 'warning' as const,
      message: w.message,
      file,
      line: w.line ?? 1,
      col: 1,
      endLine: w.line ?? 1,
      endCol: 1,
      mitigation: 'Replace the URL with url: ${env:NAME} and store it as a secret.',
      docs: runbookLink('config-secrets'),
    })),
  }
}

/** The OS user name, or "unknown" where it cannot be read (some containers). */
function safeUser(): string {
  try {
    return userInfo().username
  } catch {
    return process.env.USER ?? 'unknown'
  }
}
