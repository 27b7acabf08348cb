import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/long-running-queries.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { adminExec, pidOf, sleep, uniqueName, urlAs, waitUntilActive } from './support/sessions.js'

describe('long-running-queries', () => {
  let db: TestDatabase
  const monitor = uniqueName('pf_nomonitor')
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec('CREATE TABLE orders (id int PRIMARY KEY); INSERT INTO orders VALUES (1); CREATE TABLE other (id int)')
    await adminExec(`CREATE ROLE ${monitor} LOGIN PASSWORD 'pw'`)
  })
  afterAll(async () => {
    await db.drop()
    await adminExec(`DROP ROLE IF EXISTS ${monitor}`)
  })

  it('warns when another role holds a lock on a touched table and a login without pg_monitor cannot see for how long', async () => {
    const reporter = await db.connect()
    const pid = await pidOf(reporter)
    const running = reporter.query('SELECT pg_sleep(20) FROM orders').catch(() => undefined)
    await waitUntilActive(db, pid)
    const result = await runLiveCheck(check, urlAs(db.url, monitor, 'pw'), { pending: ['INSERT INTO orders VALUES (2);'] })
    expect(result.status).toBe('warn')
    expect(result.summary).toMatch(new RegExp(`1 session of other roles \\(pid ${pid}\\) holds locks on public\\.orders and the preflight login may not see how long`))
    expect(result.mitigation).toMatch(/GRANT pg_monitor/)
    // Untouched tables do not matter.
    expect((await runLiveCheck(check, urlAs(db.url, monitor, 'pw'), { pending: ['INSERT INTO other VALUES (2);'] })).status).toBe('pass')
    await db.exec('SELECT pg_cancel_backend($1)', [pid])
    await running
  })

  it('fails on a long query holding a conflicting lock, warns when the lock does not conflict, passes once it ends', async () => {
    const reporter = await db.connect()
    const pid = await pidOf(reporter)
    await reporter.query("SET application_name = 'nightly-report'")
    const running = reporter.query("SELECT pg_sleep(20), 'ssn 078-05-1120' FROM orders").catch(() => undefined)
    await waitUntilActive(db, pid)
    await sleep(1200)
    const target = { thresholds: { longQuerySeconds: 1 } }

    const alter = await runLiveCheck(check, db.url, { target, pending: ['ALTER TABLE orders ADD COLUMN a int;'] })
    expect(alter.status).toBe('fail')
    expect(alter.findings).toEqual([
      expect.objectContaining({
        line: 1,
        col: 1,
        lock: 'ACCESS EXCLUSIVE',
        evidence: expect.objectContaining({ pid, application: 'nightly-report', state: 'active', lockHeld: 'ACCESS SHARE', query: 'SELECT pg_sleep(?), ? FROM orders' }),
      }),
    ])
    expect(alter.findings[0]!.message).toMatch(/has been running a query on public\.orders for [\d.]+ s holding ACCESS SHARE; ALTER TABLE at pending\/001\.sql:1:1 needs ACCESS EXCLUSIVE/)
    expect(JSON.stringify(alter)).not.toContain('078-05')

    const insert = await runLiveCheck(check, db.url, { target, pending: ['INSERT INTO orders VALUES (2);'] })
    expect(insert.status).toBe('warn')
    expect(insert.findings[0]!.severity).toBe('warning')

    // A query on a table the migration does not touch is not this check's business.
    expect((await runLiveCheck(check, db.url, { target, pending: ['ALTER TABLE other ADD COLUMN a int;'] })).status).toBe('pass')

    await db.exec('SELECT pg_cancel_backend($1)', [pid])
    await running
    expect((await runLiveCheck(check, db.url, { target, pending: ['ALTER TABLE orders ADD COLUMN a int;'] })).status).toBe('pass')
  })
})
