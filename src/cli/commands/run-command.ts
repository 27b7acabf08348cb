/**
 * `migrations preflight` and `migrations lint`: load config, run the engine with progress,
 * write reports and the log, and turn the verdict into an exit code.
 */
import { resolve } from 'node:path'
import { openConfig } from '../../config/find.js'
import type { LoadedConfig } from '../../config/load.js'
import { loadPostgresParser } from '../../dialects/postgres/parser.js'
import { createFileLog, fileTimestamp } from '../../engine/log.js'
import { Redactor } from '../../engine/redact.js'
import { exitCodeOf, type Report } from '../../engine/report.js'
import { renderJson } from '../../report/json.js'
import { writeReports, type ReportFormat } from '../../report/write.js'
import { createTelemetry } from '../../telemetry/index.js'
import type { OperatorIo } from '../operator.js'
import { parseAt, parseFailOn, parseFormats, splitList } from '../options.js'
import { createProgress, quietProgress } from '../progress.js'
import { toolVersion } from '../version.js'

export interface RunCommandOptions {
  readonly target?: string
  readonly config?: string
  readonly migrations?: string
  readonly format: string
  readonly out: string
  readonly logDir: string
  readonly failOn: string
  readonly only?: string
  readonly skip?: string
  readonly json?: boolean
  readonly at?: string
  readonly quiet?: boolean
  /** Preflight: accept every acceptable failure without asking (refused in CI and without --operator). */
  readonly assumeYes?: boolean
  readonly operator?: string
  /** Why the accepted failures are safe, recorded in the audit log. */
  readonly reason?: string
}

/** The real process streams (operator.ts's processIo, without loading the operator prompt for lint). */
function processStreams(): OperatorIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }
}

/** Runs preflight or lint and returns the exit code. */
export async function runCommand(command: 'preflight' | 'lint', opts: RunCommandOptions, paths: readonly string[] = [], io: OperatorIo = processStreams()): Promise<number> {
  // Only preflight accepts failures: lint does not load the operator prompt and the check catalog.
  const operator = command === 'preflight' ? await import('../operator.js') : undefined
  // Refuse --assume-yes before touching anything, so a refused run leaves no trace but its message.
  operator?.checkAssumeYes(opts, io)
  const formats: ReportFormat[] = parseFormats(opts.format)
  const failOn = parseFailOn(opts.failOn)
  const now = parseAt(opts.at)
  const stamp = fileTimestamp()
  const redactor = new Redactor()
  const log = createFileLog(resolve(opts.logDir, `migrations-preflight-${stamp}.log`), redactor)
  const progress = opts.quiet ? quietProgress : createProgress(opts.json ? process.stderr : process.stdout)
  const telemetry = createTelemetry(io.env)
  let acceptable: readonly string[] | undefined
  let report: Report
  try {
    report = await execute()
  } catch (error) {
    // The adapter prints message and fix; the log keeps the whole story, stack included.
    log.log('error', `run stopped: ${(error as Error)?.message ?? String(error)}`, { stack: (error as Error)?.stack })
    throw error
  }
  if (operator) {
    const output = opts.json ? io.stderr : io.stdout
    report = await operator.acceptFailures({ report, opts, io, acceptable, logDir: resolve(opts.logDir), log, output })
  }
  const written = writeReports(report, formats, opts.out, stamp)
  log.log('info', `reports written: ${Object.values(written).join(', ')}`)
  if (opts.json) {
    process.stdout.write(renderJson(report))
  } else if (!opts.quiet) {
    const c = report.counts
    const line = `${report.verdict.toUpperCase()}: ${c.fail} failed, ${c.error} errored, ${c.warn} warned, ${c.pass} passed, ${c.skip} skipped.`
    process.stdout.write(`\n${line}\nReports: ${Object.values(written).join(', ')}\nLog: ${log.path}\n`)
  }
  // After the reports and the summary are out: a slow collector delays only the exit, bounded.
  await telemetry.export(report, log)
  return exitCodeOf(report.verdict)

  /** Loads config and runs the engine. */
  async function execute(): Promise<Report> {
  const loaded = await openConfig({ configPath: opts.config, cwd: process.cwd() })
  // The parser's WASM loads while the engine and the rules are imported, not after (issue 4:
  // lint start-up); the run awaits the same load, so a failure surfaces there.
  if (dialectOf(loaded, command === 'preflight' ? opts.target : undefined) === 'postgres') void loadPostgresParser().catch(() => undefined)
  const { runPreflight } = await import('../../engine/run.js')
  acceptable = opts.target ? loaded.config.targets[opts.target]?.acceptable : undefined
  const stdin = paths.includes('-') ? await readStdin() : undefined
  return runPreflight({
    command,
    loaded,
    targetName: opts.target,
    migrationsPath: opts.migrations,
    paths,
    stdin,
    only: splitList(opts.only),
    skip: splitList(opts.skip),
    failOn,
    now,
    log,
    redactor,
    toolVersion: toolVersion(),
    onResult: (r) => {
      progress.result(r)
      telemetry.observe(r)
    },
    onStage: (m) => progress.stage(m),
  })
  }
}

/** The dialect of a run as the config says it: its target's, else the config's (lint has no target); the folder may still declare one. */
function dialectOf(loaded: LoadedConfig, target: string | undefined): string {
  return (target === undefined ? undefined : loaded.config.targets[target]?.dialect) ?? loaded.config.dialect ?? 'postgres'
}

/** Reads all of standard input (for `lint -`), with a bound so a missing pipe cannot hang. */
async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return ''
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
