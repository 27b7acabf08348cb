/**
 * The baseline the lint benchmark compares against: a process that loads libpg-query and
 * parseSync's every .sql file of a folder on one thread, and nothing else.
 * Usage: node lib/bench/lint/bare-parse.js <dir>  (prints {"files":..,"statements":..,"maxRssBytes":..})
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Parses every file in the folder and prints what it saw. */
async function main(dir: string): Promise<void> {
  const mod = await import('libpg-query')
  await mod.loadModule()
  let statements = 0
  let files = 0
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.sql')).sort()) {
    const result = mod.parseSync(readFileSync(join(dir, name), 'utf8')) as { stmts?: unknown[] }
    statements += result.stmts?.length ?? 0
    files++
  }
  process.stdout.write(`${JSON.stringify({ files, statements, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`)
}

await main(process.argv[2] ?? '.')
