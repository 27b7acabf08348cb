/**
 * Per-test databases on the shared test server, like Kysely's initTest/destroyTest:
 * each test file works in its own database and drops it afterwards.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** The admin URL of the test server (set by global-setup). */
export function adminUrl(): string {
  const url = process.env.PREFLIGHT_TEST_PG_URL
  if (!url) throw new Error('PREFLIGHT_TEST_PG_URL is not set: run the tests through jest (global-setup sets it).')
  return url
}

/** Returns the URL with another database name. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

export interface TestDatabase {
  readonly name: string
  readonly url: string
  /** Runs SQL as the superuser in the test database. */
  exec(sql: string, params?: unknown[]): Promise<pg.QueryResult>
  /** Opens another superuser connection to the test database (for holding locks); closed by drop(). */
  connect(): Promise<pg.Client>
  drop(): Promise<void>
}

/** Creates an empty database with a unique name. */
export async function createTestDatabase(prefix = 'pf'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  const admin = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 10_000 })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = withDatabase(adminUrl(), name)
  const main = new pg.Client({ connectionString: url })
  await main.connect()
  const clients: pg.Client[] = [main]
  return {
    name,
    url,
    exec: (sql, params) => main.query(sql, params),
    async connect() {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      clients.push(client)
      return client
    },
    async drop() {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)))
      const admin2 = new pg.Client({ connectionString: adminUrl() })
      await admin2.connect()
      try {
        await admin2.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await admin2.end()
      }
    },
  }
}
