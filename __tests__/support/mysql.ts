/**
 * Per-test-file databases on a real MySQL or MariaDB server (PREFLIGHT_TEST_MYSQL_URL, default
 * mysql://root@127.0.0.1:3306/test), like pg.ts does for PostgreSQL.
 *
 * A MySQL suite is skipped only when PREFLIGHT_REQUIRE_MYSQL is unset and no server answers: then
 * `describeMysql` is describe.skip and says why on the console. With PREFLIGHT_REQUIRE_MYSQL set
 * (CI sets it) the suite always runs, so an unreachable server fails its tests.
 */
import { describe } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import mysql from 'mysql2/promise'

/** The admin URL of the MySQL test server. */
export const TEST_MYSQL_URL = process.env.PREFLIGHT_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test'

/** Returns the URL with another database name. */
export function withMysqlDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/** Connection options for mysql2 from a mysql:// URL. */
function optionsOf(url: string, database?: string): mysql.ConnectionOptions {
  const u = new URL(url)
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username) || 'root',
    password: decodeURIComponent(u.password),
    ...(database ? { database } : {}),
    connectTimeout: 5000,
    multipleStatements: true,
    dateStrings: true,
  }
}

/**
 * `describe` when the MySQL suite must run, `describe.skip` (with a console note) when
 * PREFLIGHT_REQUIRE_MYSQL is unset and the server does not answer. Call once per file with top-level await.
 */
export async function describeMysql(): Promise<typeof describe | typeof describe.skip> {
  if (process.env.PREFLIGHT_REQUIRE_MYSQL) return describe
  try {
    const conn = await mysql.createConnection({ ...optionsOf(TEST_MYSQL_URL), connectTimeout: 2000 })
    await conn.end()
    return describe
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error)
    console.warn(`MySQL tests not applicable: no server at ${TEST_MYSQL_URL.replace(/:[^:@/]*@/, ':***@')} (${code}) and PREFLIGHT_REQUIRE_MYSQL is unset.`)
    return describe.skip
  }
}

export interface MysqlTestDatabase {
  readonly name: string
  /** mysql:// URL of the test database (same user as the admin URL). */
  readonly url: string
  /** Runs SQL as the admin user in the test database. */
  exec(sql: string, params?: unknown[]): Promise<unknown>
  /** Opens another connection to the test database (to hold locks); closed by drop(). */
  connect(): Promise<mysql.Connection>
  drop(): Promise<void>
}

/** Creates an empty database with a unique name. */
export async function createMysqlTestDatabase(prefix = 'pf'): Promise<MysqlTestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  const admin = await mysql.createConnection(optionsOf(TEST_MYSQL_URL))
  try {
    await admin.query(`CREATE DATABASE \`${name}\``)
  } finally {
    await admin.end()
  }
  const main = await mysql.createConnection(optionsOf(TEST_MYSQL_URL, name))
  const connections: mysql.Connection[] = [main]
  return {
    name,
    url: withMysqlDatabase(TEST_MYSQL_URL, name),
    exec: async (sql, params) => (await main.query(sql, params))[0],
    async connect() {
      const conn = await mysql.createConnection(optionsOf(TEST_MYSQL_URL, name))
      connections.push(conn)
      return conn
    },
    async drop() {
      // Closing the holders first lets DROP DATABASE take its metadata locks.
      await Promise.all(connections.map((c) => c.end().catch(() => c.destroy())))
      const admin2 = await mysql.createConnection(optionsOf(TEST_MYSQL_URL))
      try {
        await admin2.query(`DROP DATABASE IF EXISTS \`${name}\``)
      } finally {
        await admin2.end()
      }
    },
  }
}
