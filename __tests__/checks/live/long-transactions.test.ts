import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/long-transactions.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { adminExec, pidOf, sleep, uniqueName, urlAs, waitUntilActive } from './support/sessions.js'

describe('long-transactions', () => {
  let db: TestDatabase
  // A login without pg_monitor: PostgreSQL hides other roles' state, query and ages from it.
  const monitor = uniqueName('pf_nomonitor')
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec('CREATE TABLE orders (id int PRIMARY KEY)')
    await adminExec(`CREATE ROLE ${monitor} LOGIN PASSWORD 'pw'`)
  })
  afterAll(async () => {
    await db.drop()
    await adminExec(`DROP ROLE IF EXISTS ${monitor}`)
  })

  it('warns when a login without pg_monitor cannot see the age of another role\'s open transaction, and passes once there is none', async () => {
    const hidden = await db.connect()
    const pid = await pidOf(hidden)
    await hidden.query('BEGIN')
    await hidden.query('SELECT * FROM orders')
    const url = urlAs(db.url, monitor, 'pw')

    const result = await runLiveCheck(check, url)
    expect(result.status).toBe('warn')
    expect(result.summary).toMatch(new RegExp(`1 session of other roles \\(pid ${pid}\\) is inside a transaction whose age and state the preflight login may not see`))
    expect(result.mitigation).toMatch(/GRANT pg_monitor/)
    expect(result.evidence).toMatchObject({ transactionsOfUnknownAge: [expect.objectContaining({ pid, state: null })] })

    await hidden.query('COMMIT')
    const after = await runLiveCheck(check, url)
    expect(after.status).toBe('pass')
    expect(after.summary).toMatch(/hidden from the preflight login, but pg_locks shows none of them inside a transaction/)
  })

  it('fails on a session idle in a transaction past the threshold, then passes once it commits', async () => {
    const idle = await db.connect()
    const pid = await pidOf(idle)
    await idle.query("SET application_name = 'forgotten-console'")
    await idle.query('BEGIN')
    await idle.query("UPDATE orders SET id = id WHERE id = 12345")
    const target = { thresholds: { idleInTransactionSeconds: 1 } }
    expect((await runLiveCheck(check, db.url, { target })).status).toBe('pass')

    await sleep(1200)
    const result = await runLiveCheck(check, db.url, { target })
    expect(result.status).toBe('fail')
    expect(result.summary).toMatch(new RegExp(`1 session is idle in a transaction: pid ${pid} \\(user postgres, application "forgotten-console", from 127\\.0\\.0\\.1, idle in transaction for [\\d.]+ s\\)`))
    expect(result.evidence).toMatchObject({
      thresholds: { idleInTransactionSeconds: 1 },
      idleInTransaction: [expect.objectContaining({ pid, application: 'forgotten-console', state: 'idle in transaction', query: 'UPDATE orders SET id = id WHERE id = ?' })],
    })
    expect((result.evidence as { idleInTransaction: { stateSeconds: number }[] }).idleInTransaction[0]!.stateSeconds).toBeGreaterThanOrEqual(1)
    expect(result.mitigation).toMatch(/pg_terminate_backend/)

    await idle.query('COMMIT')
    expect((await runLiveCheck(check, db.url, { target })).status).toBe('pass')
  })

  it('warns on a long-running transaction, and fails when a pending CREATE INDEX CONCURRENTLY would wait for it', async () => {
    const busy = await db.connect()
    const pid = await pidOf(busy)
    await busy.query('BEGIN')
    const sleeping = busy.query('SELECT pg_sleep(30)').catch(() => undefined)
    await waitUntilActive(db, pid)
    await sleep(1200)
    const target = { thresholds: { longTransactionSeconds: 1 } }

    const plain = await runLiveCheck(check, db.url, { target, pending: ['ALTER TABLE orders ADD COLUMN a int;'] })
    expect(plain.status).toBe('warn')
    expect(plain.evidence).toMatchObject({ longTransactions: [expect.objectContaining({ pid, state: 'active', query: 'SELECT pg_sleep(?)' })] })

    const concurrent = await runLiveCheck(check, db.url, { target, pending: ['CREATE INDEX CONCURRENTLY orders_id2 ON orders (id);'] })
    expect(concurrent.status).toBe('fail')
    expect(concurrent.summary).toMatch(/CONCURRENTLY statement at pending\/001\.sql:1:1 waits for every older transaction/)

    await db.exec('SELECT pg_cancel_backend($1)', [pid])
    await sleeping
    await busy.query('ROLLBACK')
    expect((await runLiveCheck(check, db.url, { target })).status).toBe('pass')
  })
})
