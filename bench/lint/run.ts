/**
 * The lint benchmark (a script, not a test): writes corpora of realistic migrations to a temp
 * folder, then times `migrations lint` on each as a child process next to a bare libpg-query
 * parse of the same files (bare-parse.ts), both wall clock including Node and WASM start-up.
 * Runs alternate between the two so that a busy machine slows both alike; medians are reported.
 *
 *   node lib/bench/lint/run.js [--files 1000,4000] [--runs 5] [--keep]
 *
 * Environment: PREFLIGHT_PARSE_THREADS is passed through to the lint runs (0 = parse on the main thread).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeCorpus, type Corpus } from './corpus.js'

const CLI = fileURLToPath(new URL('../../src/cli/index.js', import.meta.url))
const BARE_PARSE = fileURLToPath(new URL('./bare-parse.js', import.meta.url))
const REPORT_RSS = fileURLToPath(new URL('./report-rss.js', import.meta.url))

/** Targets from issue 4: lint time as a multiple of the bare parse, by corpus size; one small file; memory. */
const RATIO_TARGETS: Readonly<Record<number, number>> = { 1000: 1.2, 4000: 0.8 }
const SMALL_FILE_TARGET_S = 0.3
const MEMORY_TARGET_MIB = 300

interface Options {
  readonly sizes: readonly number[]
  readonly runs: number
  readonly keep: boolean
}

/** One timed child process, with when it was spawned and when it ended (epoch ms). */
interface Run {
  readonly wallS: number
  readonly stdout: string
  readonly startMs: number
  readonly endMs: number
}

/** Reads --files, --runs and --keep. */
function parseArgs(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(name)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const sizes = (value('--files') ?? '1000,4000').split(',').map((s) => Number.parseInt(s, 10))
  if (sizes.some((n) => !(n > 0))) throw new Error('--files takes a comma-separated list of positive numbers')
  return { sizes, runs: Math.max(1, Number.parseInt(value('--runs') ?? '5', 10) || 5), keep: argv.includes('--keep') }
}

/** Runs node with `args` in `cwd` and times it from spawn to exit; exit codes above `maxExit` are failures. */
function timeNode(args: readonly string[], cwd: string, maxExit = 0, env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    const startMs = Date.now()
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const wallS = Number(process.hrtime.bigint() - started) / 1e9
      if (code === null || code > maxExit) reject(new Error(`node ${args.join(' ')} exited with ${code}: ${stderr.trim()}`))
      else resolve({ wallS, stdout, startMs, endMs: Date.now() })
    })
  })
}

/** The lint command line for a folder or file, writing reports and logs under `work`; `config` adds --config. */
function lintArgs(target: string, work: string, config?: string): string[] {
  const args = [CLI, 'lint', target, '--quiet', '--format', 'json', '--out', join(work, 'out'), '--log-dir', join(work, 'logs')]
  return config === undefined ? args : [...args, '--config', config]
}

/**
 * Writes a config that turns every static rule off. A lint run with it does everything but the
 * rules (listing, parsing, the indexes the rules share, the report): the floor any rule work adds to.
 */
async function writeRulesOffConfig(root: string): Promise<string> {
  const listed = await timeNode([CLI, 'rules', '--json'], root)
  const ids = (JSON.parse(listed.stdout) as { id: string; kind: string }[]).filter((r) => r.kind === 'static').map((r) => r.id)
  const file = join(root, 'every-rule-off.yaml')
  writeFileSync(file, `version: 1\nrules:\n${ids.map((id) => `  ${id}: off\n`).join('')}`)
  return file
}

/** The median of some numbers. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Formats seconds with milliseconds. */
function seconds(s: number): string {
  return `${s.toFixed(3)} s`
}

/** Peak RSS in MiB of one (untimed) lint run: report-rss.js, preloaded, writes the process's maxRSS at exit. */
async function lintPeakRss(target: string, work: string): Promise<number> {
  const file = join(work, 'rss.txt')
  await timeNode(['--import', REPORT_RSS, ...lintArgs(target, work)], work, 1, { ...process.env, PREFLIGHT_BENCH_RSS_FILE: file })
  return Number(readFileSync(file, 'utf8')) / 1024 / 1024
}

/** Benchmarks one corpus size and prints its numbers; returns whether the targets were met. */
async function benchSize(root: string, size: number, runs: number, rulesOff: string): Promise<boolean> {
  const corpus: Corpus = writeCorpus(join(root, `corpus-${size}`), size)
  const work = join(root, `work-${size}`)
  process.stdout.write(`\n${size} files, ${(corpus.bytes / 1024 / 1024).toFixed(1)} MiB, ${corpus.statements} statements\n`)
  // One untimed run of each warms the page cache and the OS.
  await timeNode([BARE_PARSE, corpus.dir], root)
  await timeNode(lintArgs(corpus.dir, work), root, 1)
  const bare: number[] = []
  const lint: number[] = []
  const floor: number[] = []
  let last: Run | undefined
  for (let i = 0; i < runs; i++) {
    const parsed = await timeNode([BARE_PARSE, corpus.dir], root)
    const seen = JSON.parse(parsed.stdout) as { statements: number }
    if (seen.statements !== corpus.statements) throw new Error(`the bare parse saw ${seen.statements} statements, expected ${corpus.statements}`)
    bare.push(parsed.wallS)
    last = await timeNode(lintArgs(corpus.dir, work), root, 1)
    lint.push(last.wallS)
    floor.push((await timeNode(lintArgs(corpus.dir, join(work, 'rules-off'), rulesOff), root, 1)).wallS)
  }
  // Read now: the memory run below writes a newer log and report.
  const phases = describePhases(join(work, 'logs'), last!)
  const slowest = slowestChecks(join(work, 'out'), 6)
  const bareS = median(bare)
  const lintS = median(lint)
  const ratio = lintS / bareS
  const rssMiB = await lintPeakRss(corpus.dir, work)
  const target = RATIO_TARGETS[size]
  const isRatioMet = target === undefined || ratio <= target
  const isMemoryMet = size < 4000 || rssMiB < MEMORY_TARGET_MIB
  const rows = [
    ['bare parse (1 thread)', `${seconds(bareS)} median of ${runs} (min ${seconds(Math.min(...bare))})`],
    ['migrations lint', `${seconds(lintS)} median of ${runs} (min ${seconds(Math.min(...lint))})`],
    ['lint files/s', (size / lintS).toFixed(0)],
    ['lint statements/s', (corpus.statements / lintS).toFixed(0)],
    ['lint / bare parse', `${ratio.toFixed(2)}x${target === undefined ? '' : ` (target <= ${target}x: ${isRatioMet ? 'met' : 'NOT met'})`}`],
    ['lint, every rule off', `${seconds(median(floor))} median, ${(median(floor) / bareS).toFixed(2)}x the bare parse (listing, parsing, shared indexes, report)`],
    ['lint peak RSS', `${rssMiB.toFixed(0)} MiB${size >= 4000 ? ` (target < ${MEMORY_TARGET_MIB} MiB: ${isMemoryMet ? 'met' : 'NOT met'})` : ''}`],
  ]
  for (const [name, text] of rows) process.stdout.write(`  ${name!.padEnd(24)} ${text}\n`)
  process.stdout.write(`  ${'last lint run, phases'.padEnd(24)} ${phases}\n`)
  process.stdout.write(`  ${'slowest checks'.padEnd(24)} ${slowest}\n`)
  return isRatioMet && isMemoryMet
}

/** Log lines that end each phase of a run, in order (src/engine/run.ts, src/cli/commands/run-command.ts). */
const PHASES: readonly (readonly [string, RegExp])[] = [
  ['start-up', / started by /],
  ['config+list', / migrations found, /],
  // With a target the files are parsed, then analysed; without one (lint) both happen shard by shard.
  ['parse', / parsed \d+ files in \d+ ms/],
  ['parse+rules', / parsed and analysed \d+ files in \d+ ms/],
  ['rules', / verdict /],
  ['report', / reports written: /],
]

/** Where the time of a lint run went, from its log's timestamps: "start-up 0.31 s, config+list ...". */
function describePhases(logDir: string, run: Run): string {
  const [latest] = readdirSync(logDir)
    .map((n) => ({ n, at: statSync(join(logDir, n)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
  if (!latest) return 'no log'
  const lines = readFileSync(join(logDir, latest.n), 'utf8').split('\n')
  let previous = run.startMs
  const parts: string[] = []
  for (const [name, marker] of PHASES) {
    const line = lines.find((l) => marker.test(l))
    if (!line) continue
    const at = Date.parse(line.slice(0, line.indexOf(' ')))
    parts.push(`${name} ${((at - previous) / 1000).toFixed(2)} s`)
    previous = at
  }
  parts.push(`exit ${((run.endMs - previous) / 1000).toFixed(2)} s`)
  return parts.join(', ')
}

/** The checks that took longest in the last lint's JSON report, as "id 123 ms, ...". */
function slowestChecks(outDir: string, count: number): string {
  const [latest] = readdirSync(outDir)
    .filter((n) => n.endsWith('.json'))
    .map((n) => ({ n, at: statSync(join(outDir, n)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
  if (!latest) return 'no report'
  const report = JSON.parse(readFileSync(join(outDir, latest.n), 'utf8')) as { checks: { id: string; durationMs: number }[] }
  return [...report.checks]
    .sort((a, b) => b.durationMs - a.durationMs)
    .slice(0, count)
    .map((c) => `${c.id} ${c.durationMs} ms`)
    .join(', ')
}

/** Times `migrations lint` of one small file (an editor's or a pre-commit hook's case). */
async function benchSmallFile(root: string, runs: number): Promise<boolean> {
  const file = join(root, 'one.sql')
  writeFileSync(file, 'ALTER TABLE accounts ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY accounts_note ON accounts (note);\n')
  const work = join(root, 'work-one')
  await timeNode(lintArgs(file, work), root, 1)
  const walls: number[] = []
  for (let i = 0; i < Math.max(runs, 10); i++) walls.push((await timeNode(lintArgs(file, work), root, 1)).wallS)
  const wall = median(walls)
  const isMet = wall < SMALL_FILE_TARGET_S
  process.stdout.write(`\none small file\n  ${'migrations lint'.padEnd(24)} ${seconds(wall)} median of ${walls.length} (min ${seconds(Math.min(...walls))}; target < ${SMALL_FILE_TARGET_S} s: ${isMet ? 'met' : 'NOT met'})\n`)
  return isMet
}

/** Runs the whole benchmark; the exit code says whether every target was met. */
async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2))
  const root = mkdtempSync(join(tmpdir(), 'migrations-bench-'))
  const threads = process.env.PREFLIGHT_PARSE_THREADS
  process.stdout.write(`migrations lint benchmark: node ${process.version}, ${options.runs} runs per size${threads ? `, PREFLIGHT_PARSE_THREADS=${threads}` : ''}\n`)
  try {
    let isMet = await benchSmallFile(root, options.runs)
    const rulesOff = await writeRulesOffConfig(root)
    for (const size of options.sizes) isMet = (await benchSize(root, size, options.runs, rulesOff)) && isMet
    process.stdout.write(`\n${isMet ? 'every target met' : 'some targets NOT met'}${options.keep ? `; corpora kept in ${root}` : ''}\n`)
    return isMet ? 0 : 1
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true })
  }
}

process.exitCode = await main()
