/**
 * `npm run demo`: a real preflight on a fresh machine with only Node.js and npm.
 * Starts an embedded PostgreSQL, applies the example project's "already applied" migrations
 * the way golang-migrate would (this is a scratch database, so running migration SQL is fine
 * here), then runs `migrations preflight --target demo` on the rest and exits with its code.
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { startEmbeddedPostgres } from '../src/testing/embedded-postgres.js'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const example = join(root, 'examples', 'golang-migrate')
const migrationsDir = join(example, 'db', 'migrations')

/** Applies migrations up to `version` and records them as golang-migrate does. */
async function applyFirstMigrations(url: string, upTo: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const applied: string[] = []
  try {
    const files = readdirSync(migrationsDir)
      .filter((f) => f.endsWith('.up.sql'))
      .sort()
    for (const file of files) {
      const version = Number.parseInt(file, 10)
      if (version > upTo) break
      await client.query(readFileSync(join(migrationsDir, file), 'utf8'))
      applied.push(file)
    }
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)')
    await client.query('INSERT INTO schema_migrations (version, dirty) VALUES ($1, false)', [upTo])
    // Rows, so that table sizes and statistics are real: orders passes the default large-table
    // threshold (100,000 rows), so a blocking index build on it is graded an error, as on production.
    await client.query(`INSERT INTO users (email) SELECT 'user' || g || '@example.com' FROM generate_series(1, 5000) g`)
    await client.query(`INSERT INTO orders (user_id, total_cents) SELECT 1 + (g % 5000), g FROM generate_series(1, 200000) g`)
    await client.query('ANALYZE')
  } finally {
    await client.end()
  }
  return applied
}

/** Runs the demo and returns the preflight's exit code. */
async function main(): Promise<number> {
  const { appliedUpTo } = JSON.parse(readFileSync(join(example, 'demo.json'), 'utf8')) as { appliedUpTo: number }
  console.log('Starting an embedded PostgreSQL (embedded-postgres)...')
  const server = await startEmbeddedPostgres()
  try {
    const admin = new pg.Client({ connectionString: server.url })
    await admin.connect()
    await admin.query('CREATE DATABASE shop')
    await admin.end()
    const url = server.url.replace(/\/postgres$/, '/shop')
    const applied = await applyFirstMigrations(url, appliedUpTo)
    console.log(`Applied ${applied.length} migrations as golang-migrate would: ${applied.join(', ')}`)
    console.log('\n$ migrations preflight --target demo --format txt,json,md   (in examples/golang-migrate)\n')
    const result = spawnSync(process.execPath, [join(root, 'lib', 'src', 'cli', 'index.js'), 'preflight', '--target', 'demo', '--format', 'txt,json,md', '--out', join(root, 'reports'), '--log-dir', join(root, 'logs')], {
      cwd: example,
      stdio: 'inherit',
      env: { ...process.env, DEMO_DATABASE_URL: url },
      timeout: 120_000,
    })
    const code = result.status ?? 3
    if (code === 1) {
      console.log('\nThe preflight failed, as it should: 000005_index_orders_by_user.up.sql builds an index without CONCURRENTLY,')
      console.log('which would block writes to "orders" (200,000 rows) until it finishes. The txt report under reports/ explains each finding and its fix.')
    } else {
      console.log(`\nThe preflight exited with ${code}; the demo expects 1 (one unsafe pending migration).`)
    }
    return code
  } finally {
    await server.stop()
  }
}

// An explicit exit: embedded-postgres's exit hook (async-exit-hook) ends the process with code 0 on
// 'beforeExit', which would hide the preflight's exit code.
process.exit(await main())
