import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/long-running-queries.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { pidOf, sleep, waitUntilActive } from './support/sessions.js'

describe('long-running-queries', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec('CREATE TABLE orders (id int PRIMARY KEY); INSERT INTO orders VALUES (1); CREATE TABLE other (id int)')
  })
  afterAll(async () => db.drop())

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
