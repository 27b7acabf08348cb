import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/blocking-chains.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { adminExec, pidOf, uniqueName, urlAs, waitUntilWaiting } from './support/sessions.js'

describe('blocking-chains', () => {
  let db: TestDatabase
  const monitor = uniqueName('pf_nomonitor')
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec('CREATE TABLE orders (id int PRIMARY KEY); CREATE TABLE other (id int)')
    await adminExec(`CREATE ROLE ${monitor} LOGIN PASSWORD 'pw'`)
  })
  afterAll(async () => {
    await db.drop()
    await adminExec(`DROP ROLE IF EXISTS ${monitor}`)
  })

  it('finds a lock queue of other roles from a login without pg_monitor, through pg_locks', async () => {
    const [root, ddl] = [await db.connect(), await db.connect()]
    const [rootPid, ddlPid] = [await pidOf(root), await pidOf(ddl)]
    await root.query('BEGIN')
    await root.query('SELECT * FROM orders')
    const ddlDone = ddl.query('ALTER TABLE orders ADD COLUMN hidden int')
    await waitUntilWaiting(db, ddlPid)

    const result = await runLiveCheck(check, urlAs(db.url, monitor, 'pw'), { pending: ['ALTER TABLE orders ADD COLUMN b int;'] })
    expect(result.status).toBe('fail')
    expect(result.summary).toMatch(new RegExp(`pid ${rootPid} \\(user postgres, .*state hidden\\) blocks 1 session`))

    await root.query('COMMIT')
    await ddlDone
  })

  it('fails on a lock queue on a touched table naming its root, warns on one elsewhere, passes once it drains', async () => {
    const [root, ddl, reader] = [await db.connect(), await db.connect(), await db.connect()]
    const [rootPid, ddlPid, readerPid] = [await pidOf(root), await pidOf(ddl), await pidOf(reader)]
    await root.query("SET application_name = 'stuck-worker'")
    await root.query('BEGIN')
    await root.query('SELECT * FROM orders')
    // An ACCESS EXCLUSIVE request queues behind the reader's transaction, and a plain SELECT queues behind it.
    const ddlDone = ddl.query('ALTER TABLE orders ADD COLUMN a int')
    await waitUntilWaiting(db, ddlPid)
    const readDone = reader.query('SELECT * FROM orders')
    await waitUntilWaiting(db, readerPid)

    const result = await runLiveCheck(check, db.url, { pending: ['ALTER TABLE orders ADD COLUMN b int;'] })
    expect(result.status).toBe('fail')
    expect(result.summary).toMatch(new RegExp(`pid ${rootPid} \\(user postgres, application "stuck-worker", .*idle in transaction.*\\) blocks 2 sessions \\(waiting up to [\\d.]+ s, on public\\.orders\\)`))
    const chains = (result.evidence as { chains: { root: { pid: number }; blocked: { pid: number }[]; depth: number; touchedTables: string[] }[] }).chains
    expect(chains).toHaveLength(1)
    expect(chains[0]).toMatchObject({ root: { pid: rootPid }, depth: 2, touchedTables: ['public.orders'] })
    expect(chains[0]!.blocked.map((b) => b.pid).sort()).toEqual([ddlPid, readerPid].sort())

    const elsewhere = await runLiveCheck(check, db.url, { pending: ['ALTER TABLE other ADD COLUMN b int;'] })
    expect(elsewhere.status).toBe('warn')

    await root.query('COMMIT')
    await ddlDone
    await readDone
    expect((await runLiveCheck(check, db.url, { pending: ['ALTER TABLE orders ADD COLUMN b int;'] })).status).toBe('pass')
  })
})
