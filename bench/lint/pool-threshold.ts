/**
 * Finds where parsing in worker threads starts to pay: for corpora of growing size, times a child
 * process that parses them on the main thread and one that uses the pool (parse-files.ts), wall
 * clock including start-up, alternating, and prints the medians. parse-pool.ts's MIN_POOL_BYTES
 * comes from this.
 *
 *   node lib/bench/lint/pool-threshold.js [--files 25,50,100,200,400,800] [--runs 7] [--threads 2]
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { writeCorpus } from './corpus.js'

const PARSE_FILES = fileURLToPath(new URL('./parse-files.js', import.meta.url))

/** The value after `name` on the command line. */
function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name)
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback
}

/** Wall seconds of one child run. */
function timeParse(dir: string, threads: number): number {
  const started = process.hrtime.bigint()
  const child = spawnSync(process.execPath, [PARSE_FILES, dir, String(threads)], { encoding: 'utf8' })
  if (child.status !== 0) throw new Error(`parse-files failed: ${child.stderr}`)
  return Number(process.hrtime.bigint() - started) / 1e9
}

/** The median of some numbers. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const sizes = arg('--files', '25,50,100,200,400,800').split(',').map(Number)
const runs = Number(arg('--runs', '7'))
const threads = Number(arg('--threads', '2'))
const root = mkdtempSync(join(tmpdir(), 'migrations-threshold-'))
try {
  process.stdout.write(`files   KiB   main thread   ${threads} workers   workers/main\n`)
  for (const size of sizes) {
    const corpus = writeCorpus(join(root, String(size)), size)
    timeParse(corpus.dir, 0)
    const main: number[] = []
    const pool: number[] = []
    for (let i = 0; i < runs; i++) {
      main.push(timeParse(corpus.dir, 0))
      pool.push(timeParse(corpus.dir, threads))
    }
    const [m, p] = [median(main), median(pool)]
    process.stdout.write(`${String(size).padStart(5)} ${String(Math.round(corpus.bytes / 1024)).padStart(5)}   ${m.toFixed(3)} s      ${p.toFixed(3)} s     ${(p / m).toFixed(2)}\n`)
  }
} finally {
  rmSync(root, { recursive: true, force: true })
}
