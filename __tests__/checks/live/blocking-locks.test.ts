import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/blocking-locks.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { adminExec, pidOf, uniqueName, urlAs, waitUntilWaiting } from './support/sessions.js'

describe('blocking-locks', () => {
  let db: TestDatabase
  const appLogin = uniqueName('pf_app')
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec('CREATE TABLE orders (id int PRIMARY KEY, note text); CREATE TABLE customers (id int PRIMARY KEY)')
    // Tables outside public, one reached through the role's search_path, one with dots and quotes in its names.
    await db.exec(`CREATE SCHEMA app; CREATE TABLE app."User Accounts" (id int); CREATE SCHEMA "we.ird"; CREATE TABLE "we.ird"."ta.""ble" (id int)`)
    await adminExec(`CREATE ROLE ${appLogin} LOGIN PASSWORD 'pw'`)
    await adminExec(`ALTER ROLE ${appLogin} SET search_path = app, public`)
    await db.exec(`GRANT USAGE ON SCHEMA app TO ${appLogin}`)
  })
  afterAll(async () => {
    await db.drop()
    await adminExec(`DROP ROLE IF EXISTS ${appLogin}`)
  })

  it('finds the lock on the table an unqualified name resolves to through the search_path, and on names with dots and quotes', async () => {
    const holder = await db.connect()
    const pid = await pidOf(holder)
    await holder.query('BEGIN')
    await holder.query('SELECT * FROM app."User Accounts", "we.ird"."ta.""ble"')
    // The role's search_path makes "User Accounts" app's; for postgres (search_path public) a SET in the file does.
    const viaRole = await runLiveCheck(check, urlAs(db.url, appLogin, 'pw'), { pending: ['ALTER TABLE "User Accounts" ADD COLUMN x int;'] })
    expect(viaRole.status).toBe('fail')
    expect(viaRole.summary).toContain(`pid ${pid}`)
    const viaSet = await runLiveCheck(check, db.url, { pending: ['SET search_path TO app;\nALTER TABLE "User Accounts" ADD COLUMN x int;'] })
    expect(viaSet.status).toBe('fail')
    expect(viaSet.findings[0]).toMatchObject({ line: 2, evidence: expect.objectContaining({ pid, lockHeld: 'ACCESS SHARE' }) })
    const withoutPath = await runLiveCheck(check, db.url, { pending: ['ALTER TABLE "User Accounts" ADD COLUMN x int;'] })
    expect(withoutPath.status).toBe('pass')
    const dotted = await runLiveCheck(check, db.url, { pending: ['ALTER TABLE "we.ird"."ta.""ble" ADD COLUMN x int;'] })
    expect(dotted.status).toBe('fail')
    expect(dotted.findings[0]!.evidence).toMatchObject({ pid, lockHeld: 'ACCESS SHARE' })
    await holder.query('COMMIT')
  })

  it('fails naming the session that holds ACCESS SHARE in an open transaction, then passes once it ends', async () => {
    const holder = await db.connect()
    const pid = await pidOf(holder)
    await holder.query("SET application_name = 'billing-report'")
    await holder.query('BEGIN')
    await holder.query("SELECT * FROM orders WHERE note = 'card 4111 1111 1111 1111' AND id = 7")
    const pending = ["SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN status text;"]

    const result = await runLiveCheck(check, db.url, { pending })
    expect(result.status).toBe('fail')
    expect(result.summary).toContain(`pid ${pid}`)
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]).toMatchObject({
      file: 'pending/001.sql',
      line: 2,
      col: 1,
      severity: 'error',
      lock: 'ACCESS EXCLUSIVE',
      tables: ['public.orders'],
      evidence: { pid, user: 'postgres', application: 'billing-report', clientAddress: '127.0.0.1', state: 'idle in transaction', lockHeld: 'ACCESS SHARE', lockNeeded: 'ACCESS EXCLUSIVE' },
    })
    expect(result.findings[0]!.message).toMatch(/needs ACCESS EXCLUSIVE on public\.orders, but pid \d+ \(user postgres, application "billing-report", from 127\.0\.0\.1, idle in transaction for [\d.]+ s\) holds ACCESS SHARE/)
    // The query text is there to recognise the session, with its literals masked.
    expect(result.findings[0]!.evidence?.query).toBe('SELECT * FROM orders WHERE note = ? AND id = ?')
    expect(JSON.stringify(result)).not.toContain('4111')
    expect(result.mitigation).toMatch(/pg_cancel_backend.*pg_terminate_backend/)

    await holder.query('COMMIT')
    const after = await runLiveCheck(check, db.url, { pending })
    expect(after.status).toBe('pass')
    expect(after.findings).toEqual([])
  })

  it('fails on a session already queued for a conflicting lock, even when the holder does not conflict', async () => {
    const holder = await db.connect()
    const waiter = await db.connect()
    const waiterPid = await pidOf(waiter)
    await holder.query('BEGIN')
    await holder.query('SELECT count(*) FROM orders')
    await waiter.query('BEGIN')
    const queued = waiter.query('LOCK TABLE orders IN ACCESS EXCLUSIVE MODE')
    await waitUntilWaiting(db, waiterPid)

    // INSERT needs ROW EXCLUSIVE: no conflict with the holder's ACCESS SHARE, but it would queue behind the waiter.
    const result = await runLiveCheck(check, db.url, { pending: ['INSERT INTO orders (id) VALUES (1);'] })
    expect(result.status).toBe('fail')
    expect(result.findings.map((f) => f.evidence)).toEqual([expect.objectContaining({ pid: waiterPid, lockAwaited: 'ACCESS EXCLUSIVE', lockHeld: null, waitEvent: 'Lock:relation' })])
    expect(result.findings[0]!.message).toMatch(/already waits for ACCESS EXCLUSIVE on public\.orders/)

    await holder.query('COMMIT')
    await queued
    await waiter.query('COMMIT')
    expect((await runLiveCheck(check, db.url, { pending: ['INSERT INTO orders (id) VALUES (1);'] })).status).toBe('pass')
  })

  it('passes when the locks held do not conflict or are on other tables', async () => {
    const holder = await db.connect()
    await holder.query('BEGIN')
    await holder.query('SELECT * FROM customers')
    await holder.query('INSERT INTO orders (id) VALUES (100)')
    // CREATE INDEX CONCURRENTLY needs SHARE UPDATE EXCLUSIVE: ROW EXCLUSIVE and ACCESS SHARE do not conflict with it.
    const result = await runLiveCheck(check, db.url, { pending: ['CREATE INDEX CONCURRENTLY orders_note ON orders (note);'] })
    expect(result.status).toBe('pass')
    expect(result.evidence).toMatchObject({ tablesChecked: 1, holders: [], waiters: [] })
    await holder.query('ROLLBACK')
  })

  it('skips tables the pending set creates, and says so when nothing is left', async () => {
    const result = await runLiveCheck(check, db.url, { pending: ['CREATE TABLE fresh (id int);\nALTER TABLE fresh ADD COLUMN a int;'] })
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(/only tables they create themselves/)
    expect((await runLiveCheck(check, db.url, { pending: ['SELECT 1;'] })).status).toBe('skip')
  })
})
