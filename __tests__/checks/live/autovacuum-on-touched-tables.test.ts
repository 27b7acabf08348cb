import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check, { gradeAutovacuum } from '../../../src/checks/live/autovacuum-on-touched-tables.js'
import blockingLocks from '../../../src/checks/live/blocking-locks.js'
import { readActivity, type ActivitySnapshot, type SessionInfo } from '../../../src/dialects/postgres/catalog/activity.js'
import type { TouchedTable } from '../../../src/engine/define.js'
import { makeTestContext, runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { adminExec, pidOf, sleep, uniqueName, urlAs } from './support/sessions.js'

/** An autovacuum worker session as pg_stat_activity shows it. */
function worker(pid: number, query: string): SessionInfo {
  return {
    pid,
    user: null,
    application: null,
    clientAddress: null,
    backendType: 'autovacuum worker',
    state: 'active',
    waitEventType: null,
    waitEvent: null,
    transactionSeconds: 300,
    querySeconds: 300,
    stateSeconds: 300,
    query,
    blockedBy: [],
    isAutovacuum: true,
    isWraparound: query.includes('(to prevent wraparound)'),
    isVisible: true,
    isInTransaction: true,
    isHiddenVacuum: false,
  }
}

/** A snapshot where `session` holds SHARE UPDATE EXCLUSIVE on public.orders and reports vacuum progress. */
function snapshotWith(session: SessionInfo): ActivitySnapshot {
  return {
    ownPid: 1,
    seesAllSessions: true,
    tables: [{ name: 'public.orders', exists: true }],
    sessions: [session],
    locks: [{ table: 'public.orders', pid: session.pid, mode: 'SHARE UPDATE EXCLUSIVE', granted: true, virtualTransaction: '5/1' }],
    prepared: [],
    vacuums: [{ pid: session.pid, table: 'public.orders', phase: 'scanning heap', heapBlksTotal: 1000, heapBlksScanned: 250 }],
  }
}

const alterOrders: TouchedTable[] = [{ table: 'public.orders', lock: 'ACCESS EXCLUSIVE', statements: [] }]

describe('autovacuum-on-touched-tables', () => {
  // Autovacuum starts on its own schedule (autovacuum_naptime), so a test cannot make it run on a
  // given table at a given moment; its grading is tested on snapshots shaped like the real ones.
  describe('grading', () => {
    it('fails on an anti-wraparound autovacuum, which does not give way to DDL', () => {
      const out = gradeAutovacuum(alterOrders, snapshotWith(worker(4242, 'autovacuum: VACUUM public.orders (to prevent wraparound)')))
      expect(out.status).toBe('fail')
      expect(out.summary).toMatch(/to prevent wraparound is running on public\.orders \(pid 4242\)/)
      expect(out.evidence).toMatchObject({ workers: [{ pid: 4242, wraparound: true, phase: 'scanning heap', scannedPercent: 25 }] })
    })

    it('warns on an ordinary autovacuum, which the DDL cancels', () => {
      const out = gradeAutovacuum(alterOrders, snapshotWith(worker(4243, 'autovacuum: VACUUM ANALYZE public.orders')))
      expect(out.status).toBe('warn')
      expect(out.summary).toMatch(/will cancel it after deadlock_timeout/)
    })

    it('passes when the pending lock does not conflict with autovacuum', () => {
      const out = gradeAutovacuum([{ table: 'public.orders', lock: 'ROW EXCLUSIVE', statements: [] }], snapshotWith(worker(4244, 'autovacuum: VACUUM public.orders (to prevent wraparound)')))
      expect(out.status).toBe('pass')
      expect(out.summary).toMatch(/do not conflict/)
    })
  })

  describe('on a real server', () => {
    let db: TestDatabase
    const monitor = uniqueName('pf_nomonitor')
    beforeAll(async () => {
      db = await createTestDatabase()
      await db.exec('CREATE TABLE orders (id int, pad text); INSERT INTO orders SELECT g, repeat($$x$$, 200) FROM generate_series(1, 20000) g')
      await adminExec(`CREATE ROLE ${monitor} LOGIN PASSWORD 'pw'`)
    })
    afterAll(async () => {
      await db.drop()
      await adminExec(`DROP ROLE IF EXISTS ${monitor}`)
    })

    it('warns on a VACUUM of another role that a login without pg_monitor cannot classify, and leaves it out of blocking-locks', async () => {
      const pending = ['ALTER TABLE orders ADD COLUMN a int;']
      const vacuumer = await db.connect()
      const pid = await pidOf(vacuumer)
      await vacuumer.query('SET vacuum_cost_delay = 100; SET vacuum_cost_limit = 1')
      const vacuuming = vacuumer.query('VACUUM orders').catch(() => undefined)
      for (let i = 0; i < 50 && (await db.exec('SELECT 1 FROM pg_stat_progress_vacuum WHERE pid = $1', [pid])).rowCount === 0; i++) await sleep(50)
      await sleep(1000)
      const url = urlAs(db.url, monitor, 'pw')

      const result = await runLiveCheck(check, url, { pending })
      expect(result.status).toBe('warn')
      expect(result.summary).toMatch(new RegExp(`A VACUUM runs on public\\.orders \\(pid ${pid}\\), but the preflight login may not see whether it is an autovacuum`))
      expect(result.mitigation).toMatch(/GRANT pg_monitor/)
      // A hidden vacuum is this check's to grade, not a blocker of unknown kind.
      expect((await runLiveCheck(blockingLocks, url, { pending })).status).toBe('pass')

      await db.exec('SELECT pg_cancel_backend($1)', [pid])
      await vacuuming
    })

    it('passes with no autovacuum; a manual VACUUM shows in the snapshot but is left to blocking-locks', async () => {
      const pending = ['ALTER TABLE orders ADD COLUMN a int;']
      expect((await runLiveCheck(check, db.url, { pending })).status).toBe('pass')

      const vacuumer = await db.connect()
      const pid = await pidOf(vacuumer)
      // Cost-based delay makes the manual VACUUM slow enough to be seen in progress.
      await vacuumer.query('SET vacuum_cost_delay = 100; SET vacuum_cost_limit = 1')
      const vacuuming = vacuumer.query('VACUUM orders').catch(() => undefined)
      await sleep(300)

      const { ctx, session } = await makeTestContext(db.url, { pending })
      try {
        const snapshot = await readActivity(ctx)
        expect(snapshot.vacuums).toEqual([expect.objectContaining({ pid, table: 'public.orders' })])
        expect(snapshot.sessions.find((s) => s.pid === pid)).toMatchObject({ isAutovacuum: false, query: 'VACUUM orders' })
      } finally {
        await session.close()
      }
      expect((await runLiveCheck(check, db.url, { pending })).status).toBe('pass')
      // Younger than a second, a running statement counts as ordinary traffic; past that, it blocks.
      await sleep(1000)
      const blocked = await runLiveCheck(blockingLocks, db.url, { pending })
      expect(blocked.status).toBe('fail')
      expect(blocked.findings[0]!.evidence).toMatchObject({ pid, lockHeld: 'SHARE UPDATE EXCLUSIVE' })

      await db.exec('SELECT pg_cancel_backend($1)', [pid])
      await vacuuming
    })
  })
})
