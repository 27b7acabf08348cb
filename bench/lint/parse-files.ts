/**
 * Child process of pool-threshold.ts: parses every .sql file of a folder as `migrations lint` does
 * (parseFiles, with this thread's parser loaded beside it) with a given number of worker threads.
 * Usage: node lib/bench/lint/parse-files.js <dir> <threads>
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseFiles } from '../../src/dialects/postgres/parse-pool.js'
import { loadPostgresParser } from '../../src/dialects/postgres/parser.js'

const [dir = '.', threads = '0'] = process.argv.slice(2)
const sqls = readdirSync(dir)
  .filter((n) => n.endsWith('.sql'))
  .sort()
  .map((n) => readFileSync(join(dir, n), 'utf8'))
const [parsed] = await Promise.all([parseFiles(sqls, { threads: Number(threads) }), loadPostgresParser()])
process.stdout.write(`${parsed.reduce((n, p) => n + p.statements.length, 0)}\n`)
