/**
 * Benchmarks the live phase the way a large production schema would see it: a fresh database with
 * many tables (10,000, then 1,000), 50 pending migrations touching 100 of them, and every
 * registered live check run once through runLiveChecks. Prints the number of queries the checks
 * sent (counted by wrapping ctx.db.query) and the wall time; the query count must not grow with
 * the number of tables or migrations.
 *
 * Usage: npm run build:lib && node lib/bench/live/run.js [tables...]
 * Server: PREFLIGHT_BENCH_PG_URL, else postgres://postgres@127.0.0.1:5432/postgres, else an
 * embedded PostgreSQL started for the run.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { liveChecks } from '../../src/checks/live/index.js'
import { configSchema, targetSchema } from '../../src/config/schema.js'
import { parsePostgresUrl } from '../../src/dialects/postgres/connection-url.js'
import { loadPostgresParser } from '../../src/dialects/postgres/parser.js'
import { openPostgresSession } from '../../src/dialects/postgres/session.js'
import type { PendingFile, ReadOnlySession } from '../../src/engine/define.js'
import { createLiveContext } from '../../src/engine/live-context.js'
import { runLiveChecks } from '../../src/engine/live-runner.js'
import { silentLog } from '../../src/engine/log.js'
import type { CheckResult } from '../../src/engine/model.js'
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/testing/embedded-postgres.js'

const MACHINE_URL = 'postgres://postgres@127.0.0.1:5432/postgres'
const MIGRATIONS = 50
const TOUCHED = 100
const BATCH = 500

/** One benchmark run's numbers. */
interface Measurement {
  readonly tables: number
  readonly migrations: number
  readonly touchedTables: number
  readonly queries: number
  readonly liveMs: number
  readonly setupMs: number
  readonly perCheck: readonly { id: string; status: string; queries: number; ms: number }[]
}

/** The admin URL to use: the configured or machine server when it answers, else an embedded one. */
async function chooseServer(): Promise<{ url: string; embedded?: EmbeddedPostgres }> {
  const url = process.env.PREFLIGHT_BENCH_PG_URL ?? MACHINE_URL
  const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 })
  try {
    await probe.connect()
    await probe.end()
    return { url }
  } catch {
    await probe.end().catch(() => undefined)
    console.error(`${url.replace(/:[^:@/]*@/, ':***@')} is not reachable: starting an embedded PostgreSQL`)
    const embedded = await startEmbeddedPostgres()
    return { url: embedded.url, embedded }
  }
}

/** The URL with another database. */
function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/** Table name number i (1-based), zero-padded so names sort. */
function tableName(i: number): string {
  return `t_${String(i).padStart(5, '0')}`
}

/** Creates `count` tables (with a primary key and an index each) in batches. */
async function createTables(client: pg.Client, count: number): Promise<void> {
  for (let start = 1; start <= count; start += BATCH) {
    const sql: string[] = []
    for (let i = start; i < Math.min(start + BATCH, count + 1); i++) {
      sql.push(`CREATE TABLE ${tableName(i)} (id bigint PRIMARY KEY, customer_id bigint, status text, created_at timestamptz DEFAULT now()); CREATE INDEX ON ${tableName(i)} (created_at);`)
    }
    await client.query(sql.join('\n'))
  }
}

/** SQL of the pending migrations: each touches two of the `TOUCHED` tables spread over the range. */
function pendingSql(tables: number): string[] {
  const step = Math.floor(tables / TOUCHED)
  const touched = Array.from({ length: TOUCHED }, (_, i) => tableName(1 + i * step))
  return Array.from({ length: MIGRATIONS }, (_, m) => {
    const [a, b] = [touched[2 * m]!, touched[2 * m + 1]!]
    const lines = [
      m % 2 === 0 ? "SET lock_timeout = '5s';" : '',
      `ALTER TABLE ${a} ADD COLUMN note_${m} text DEFAULT 'n/a';`,
      `CREATE INDEX CONCURRENTLY ${b}_status_${m} ON ${b} (status);`,
      `ALTER TABLE ${b} ADD CONSTRAINT ${b}_fk_${m} FOREIGN KEY (customer_id) REFERENCES ${a} (id) NOT VALID;`,
      `UPDATE ${a} SET status = 'migrated' WHERE status IS NULL;`,
      m === 0 ? 'CREATE EXTENSION IF NOT EXISTS pg_trgm;' : '',
      m === 1 ? `CREATE TABLE audit_${m} (id bigint PRIMARY KEY, at timestamptz);` : '',
    ]
    return lines.filter(Boolean).join('\n')
  })
}

/** Creates a database with `tables` tables, runs every live check once, and drops the database. */
async function measure(adminUrl: string, tables: number): Promise<Measurement> {
  const name = `pf_bench_${tables}_${randomBytes(3).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  const url = withDatabase(adminUrl, name)
  try {
    const setupStarted = performance.now()
    const owner = new pg.Client({ connectionString: url })
    await owner.connect()
    await createTables(owner, tables)
    await owner.query('ANALYZE')
    await owner.end()
    const setupMs = Math.round(performance.now() - setupStarted)

    const parser = await loadPostgresParser()
    const pending: PendingFile[] = pendingSql(tables).map((sql, i) => {
      const path = `migrations/${String(i + 1).padStart(3, '0')}_change.sql`
      return { migration: { id: path, name: path, path, absPath: path, sql, raw: sql, kind: 'versioned', runsInTransaction: false, transactionReason: 'bench' }, parsed: parser.parse(sql) }
    })
    const target = targetSchema.parse({})
    const session = await openPostgresSession(parsePostgresUrl(url, target.tls, process.cwd()), target, silentLog)
    let queries = 0
    const counting: ReadOnlySession = {
      dialect: session.dialect,
      query: (sql, params) => {
        queries++
        return session.query(sql, params)
      },
    }
    const ctx = createLiveContext({ db: counting, server: session.info, target, pending })
    const perCheck: { id: string; status: string; queries: number; ms: number }[] = []
    let before = 0
    const checks = liveChecks.filter((c) => c.id !== 'connectivity')
    const started = performance.now()
    const results: CheckResult[] = await runLiveChecks(checks, ctx, configSchema.parse({}), (r) => {
      perCheck.push({ id: r.id, status: r.status, queries: queries - before, ms: r.durationMs })
      before = queries
    })
    const liveMs = Math.round(performance.now() - started)
    await session.close()
    const errors = results.filter((r) => r.status === 'error')
    for (const e of errors) console.error(`  ${e.id} errored: ${e.summary}`)
    return { tables, migrations: pending.length, touchedTables: ctx.touched.length, queries, liveMs, setupMs, perCheck }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined)
    await admin.end()
  }
}

/** Runs the sizes given on the command line (default 10,000 then 1,000) and prints the numbers. */
async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n >= TOUCHED)
  const { url, embedded } = await chooseServer()
  const version = await (async () => {
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    const v = (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v
    await c.end()
    return v
  })()
  try {
    const results: Measurement[] = []
    for (const tables of sizes.length > 0 ? sizes : [10_000, 1_000]) {
      const m = await measure(url, tables)
      results.push(m)
      console.log(`PostgreSQL ${version}: ${m.tables} tables, ${m.migrations} pending migrations touching ${m.touchedTables} tables: ${m.queries} queries, live phase ${m.liveMs} ms (setup ${m.setupMs} ms)`)
      for (const c of m.perCheck) console.log(`  ${c.id.padEnd(30)} ${c.status.padEnd(5)} ${String(c.queries).padStart(3)} queries ${String(c.ms).padStart(5)} ms`)
    }
    console.log(JSON.stringify({ server: version, results: results.map(({ perCheck: _perCheck, ...m }) => m) }))
  } finally {
    await embedded?.stop()
  }
}

await main()
