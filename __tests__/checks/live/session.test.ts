import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { targetSchema } from '../../../src/config/schema.js'
import { parsePostgresUrl } from '../../../src/dialects/postgres/connection-url.js'
import { classify, openPostgresSession, SessionLostError } from '../../../src/dialects/postgres/session.js'
import { silentLog } from '../../../src/engine/log.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { openTestSession } from '../../support/live-context.js'
import { startFreezingProxy } from '../../support/fake-servers.js'
import { adminExec, sleep, uniqueName, urlAs } from './support/sessions.js'

describe('read-only target session', () => {
  let db: TestDatabase
  const impatient = uniqueName('pf_impatient')
  const password = 'impatient-pw'
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec('CREATE TABLE t (id int)')
    // A role whose own defaults would cancel any query and end any idle session, and make reads wait for a safe snapshot.
    await adminExec(`CREATE ROLE ${impatient} LOGIN PASSWORD '${password}'`)
    await adminExec(`ALTER ROLE ${impatient} SET statement_timeout = '1ms'`)
    await adminExec(`ALTER ROLE ${impatient} SET idle_session_timeout = '300ms'`)
    await adminExec(`ALTER ROLE ${impatient} SET default_transaction_isolation = 'serializable'`)
    await adminExec(`ALTER ROLE ${impatient} SET default_transaction_deferrable = on`)
  })
  afterAll(async () => {
    await db.drop()
    await adminExec(`DROP ROLE IF EXISTS ${impatient}`)
  })

  it('refuses a write even when the guard is bypassed, because the session is READ ONLY', async () => {
    const session = await openTestSession(db.url)
    try {
      // The query guard refuses non-reads outright...
      await expect(session.query('INSERT INTO t VALUES (1)')).rejects.toThrow(/refused to run a non-read statement/)
      // ...and a write hidden in a CTE reaches the server, which refuses it (SQLSTATE 25006).
      await expect(session.query('WITH x AS (INSERT INTO t VALUES (1) RETURNING id) SELECT * FROM x')).rejects.toMatchObject({ code: '25006' })
      const rows = await session.query<{ transaction_read_only: string }>('SHOW transaction_read_only')
      expect(rows[0]!.transaction_read_only).toBe('on')
      const timeouts = await session.query<{ st: string; lt: string; app: string }>(
        "SELECT current_setting('statement_timeout') AS st, current_setting('lock_timeout') AS lt, current_setting('application_name') AS app",
      )
      expect(timeouts[0]).toEqual({ st: '5s', lt: '1s', app: 'migrations-preflight' })
    } finally {
      await session.close()
    }
    const count = await db.exec('SELECT count(*)::int AS n FROM t')
    expect(count.rows[0].n).toBe(0)
  })

  it("wins over the role's statement_timeout, idle_session_timeout and serializable-deferrable defaults", async () => {
    const session = await openTestSession(urlAs(db.url, impatient, password))
    try {
      // Idle longer than the role's idle_session_timeout, then run a query longer than its statement_timeout.
      await sleep(600)
      const [row] = await session.query<{ st: string; idle: string; iso: string; deferrable: string; slept: string }>(
        `SELECT current_setting('statement_timeout') AS st, current_setting('idle_session_timeout') AS idle,
                current_setting('transaction_isolation') AS iso, current_setting('transaction_deferrable') AS deferrable, pg_sleep(0.05)::text AS slept`,
      )
      expect(row).toEqual({ st: '5s', idle: '0', iso: 'read committed', deferrable: 'off', slept: '' })
    } finally {
      await session.close()
    }
  })

  it('serialises concurrent queries on its one connection', async () => {
    const session = await openTestSession(db.url)
    const warnings: string[] = []
    const onWarning = (w: Error): void => void warnings.push(w.message)
    process.on('warning', onWarning)
    try {
      const results = await Promise.all([1, 2, 3].map((n) => session.query<{ n: number }>('SELECT $1::int AS n, pg_sleep(0.02)', [n])))
      expect(results.map((r) => r[0]!.n)).toEqual([1, 2, 3])
      await sleep(50)
      expect(warnings.filter((w) => /already executing a query/.test(w))).toEqual([])
    } finally {
      process.off('warning', onWarning)
      await session.close()
    }
  })

  it('reports a server that stops answering once, then fails every later query at once, and still closes', async () => {
    const url = new URL(db.url)
    const proxy = await startFreezingProxy({ host: url.hostname, port: Number(url.port || 5432) })
    const target = targetSchema.parse({ statementTimeoutMs: 300 })
    url.hostname = '127.0.0.1'
    url.port = String(proxy.port)
    url.searchParams.set('sslmode', 'disable')
    const session = await openPostgresSession(parsePostgresUrl(url.toString(), target.tls, process.cwd()), target, silentLog)
    try {
      expect(await session.query('SELECT 1 AS one')).toEqual([{ one: 1 }])
      proxy.freeze()
      const started = performance.now()
      const first = await session.query('SELECT 2').catch((e: unknown) => e)
      expect(first).toBeInstanceOf(SessionLostError)
      expect((first as Error).message).toMatch(new RegExp(`^the target 127\\.0\\.0\\.1:${proxy.port} stopped answering \\(no reply to a catalog query within 2300 ms\\)`))
      expect(performance.now() - started).toBeLessThan(4000)
      const again = performance.now()
      await expect(session.query('SELECT 3')).rejects.toThrow(/stopped answering/)
      expect(performance.now() - again).toBeLessThan(100)
      const closing = performance.now()
      await session.close()
      expect(performance.now() - closing).toBeLessThan(2000)
    } finally {
      await session.close()
      await proxy.close()
    }
  })

  it('says so when the server ends the session (pg_terminate_backend), without waiting', async () => {
    const session = await openTestSession(db.url)
    try {
      const [{ pid } = { pid: 0 }] = await session.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
      await db.exec('SELECT pg_terminate_backend($1)', [pid])
      await sleep(100)
      await expect(session.query('SELECT 1')).rejects.toThrow(/ended the preflight session \(SQLSTATE 57P01|connection to .* was lost/)
      await expect(session.query('SELECT 1')).rejects.toBeInstanceOf(SessionLostError)
    } finally {
      await session.close()
    }
  })

  it('classifies set-up failures caused by the role or by a server that is not PostgreSQL by their code, not as timeouts', () => {
    const endpoint = parsePostgresUrl('postgres://app:s3cret@db.example:5432/shop', targetSchema.parse({}).tls, process.cwd())
    const timeouts = { connectTimeoutMs: 5000, statementTimeoutMs: 5000, lockTimeoutMs: 1000 }
    const cancelled = classify(Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }), endpoint, timeouts)
    expect(cancelled.failure).toBe('session-settings')
    expect(cancelled.message).toMatch(/statement_timeout too low/)
    const idle = classify(Object.assign(new Error('terminating connection due to idle-session timeout'), { code: '57P05' }), endpoint, timeouts)
    expect(idle.failure).toBe('session-settings')
    expect(idle.mitigation).toMatch(/idle_session_timeout/)
    expect(classify(new Error('There was an error establishing an SSL connection'), endpoint, timeouts).failure).toBe('protocol')
    const noTls = classify(new Error('The server does not support SSL connections'), { ...endpoint, tlsMode: 'require' }, timeouts)
    expect(noTls).toMatchObject({ failure: 'tls', message: 'db.example:5432 does not accept TLS connections, and sslmode require requires TLS.' })
    expect(classify(new Error('Connection terminated due to connection timeout'), endpoint, timeouts).failure).toBe('timeout')
  })
})
