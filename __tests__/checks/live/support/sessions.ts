/**
 * Helpers for live-check tests that create the condition from other sessions: hold a lock, leave
 * a transaction idle, queue a session behind another, create roles the test drops afterwards.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { adminUrl, type TestDatabase } from '../../../support/pg.js'

/** The backend pid of a client. */
export async function pidOf(client: pg.Client): Promise<number> {
  return (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Waits until backend `pid` waits for a lock (so a check sees it queued), or throws after 5 s. */
export async function waitUntilWaiting(db: TestDatabase, pid: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const rows = (await db.exec(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid])).rows
    if (rows[0]?.wait_event_type === 'Lock') return
    await sleep(50)
  }
  throw new Error(`pid ${pid} never started waiting for a lock`)
}

/** Waits until backend `pid` runs a query (state active), or throws after 5 s. */
export async function waitUntilActive(db: TestDatabase, pid: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const rows = (await db.exec(`SELECT state FROM pg_stat_activity WHERE pid = $1`, [pid])).rows
    if (rows[0]?.state === 'active') return
    await sleep(50)
  }
  throw new Error(`pid ${pid} never became active`)
}

/** A unique lower-case name with a prefix, for roles, slots and prepared transactions (cluster-wide). */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`
}

/** Runs SQL on the server's admin database as the superuser (for cluster-wide objects such as roles). */
export async function adminExec(sql: string, params?: unknown[]): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl() })
  await client.connect()
  try {
    return await client.query(sql, params)
  } finally {
    await client.end()
  }
}

/** The test database URL for another login. */
export function urlAs(url: string, user: string, password: string): string {
  const u = new URL(url)
  u.username = user
  u.password = password
  return u.toString()
}
