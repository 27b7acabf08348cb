/**
 * The guard every registered live check runs under: a target that refuses a catalog read is a
 * skip or a warning with the reason, never an `error` result. On a real server, a login in a
 * database whose administrator revoked the activity, lock and settings views from PUBLIC (some
 * hosted services do) runs every PostgreSQL check.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { liveChecks } from '../../../../src/checks/live/index.js'
import { refusalOutcome } from '../../../../src/checks/live/support/guard.js'
import { configSchema } from '../../../../src/config/schema.js'
import type { LiveContext } from '../../../../src/engine/define.js'
import { runLiveChecks } from '../../../../src/engine/live-runner.js'
import { makeTestContext } from '../../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../../support/pg.js'
import { adminExec, uniqueName, urlAs } from './sessions.js'

describe('live check guard', () => {
  let db: TestDatabase
  const locked = uniqueName('pf_locked')
  beforeAll(async () => {
    db = await createTestDatabase()
    await adminExec(`CREATE ROLE ${locked} LOGIN PASSWORD 'pw'`)
    await db.exec(`CREATE TABLE users (id bigint PRIMARY KEY, email text); GRANT SELECT ON users TO ${locked}`)
    // Catalog privileges are per database: this only affects the test database.
    await db.exec(
      'REVOKE SELECT ON pg_catalog.pg_stat_activity, pg_catalog.pg_locks, pg_catalog.pg_settings, pg_catalog.pg_database, pg_catalog.pg_stat_archiver, pg_catalog.pg_stat_replication FROM PUBLIC',
    )
  })
  afterAll(async () => {
    await db.drop()
    await adminExec(`DROP ROLE IF EXISTS ${locked}`)
  })

  it('turns permission denied into a skip naming the object and the grant, for every PostgreSQL check', async () => {
    const checks = liveChecks.filter((c) => c.dialects.includes('postgres') && c.id !== 'connectivity')
    const { ctx, session } = await makeTestContext(urlAs(db.url, locked, 'pw'), {
      pending: ["SET lock_timeout = '1s';\nALTER TABLE users ADD COLUMN name text;\nCREATE INDEX CONCURRENTLY users_email ON users (email);"],
    })
    try {
      const results = await runLiveChecks(checks, ctx, configSchema.parse({}))
      expect(results.filter((r) => r.status === 'error').map((r) => `${r.id}: ${r.summary}`)).toEqual([])
      const byId = new Map(results.map((r) => [r.id, r]))
      for (const id of ['blocking-locks', 'long-transactions', 'connection-headroom', 'xid-wraparound', 'target-is-primary', 'point-in-time-recovery']) {
        expect(byId.get(id)).toMatchObject({ status: 'skip', summary: expect.stringMatching(new RegExp(`^Not checked: the preflight login ${locked} may not read what this check needs \\(permission denied for (view|table) pg_\\w+\\)\\. GRANT pg_monitor TO ${locked}`)) })
      }
      // Checks that need none of the revoked views still give their result.
      expect(byId.get('server-version')!.status).toBe('pass')
    } finally {
      await session.close()
    }
  })

  it('turns a timeout, a lock wait, a shortage and a missing catalog object into a warning or skip, and leaves other errors alone', () => {
    const ctx = { db: { dialect: 'postgres' }, server: { currentUser: 'preflight' }, target: { statementTimeoutMs: 5000, lockTimeoutMs: 1000 } } as unknown as LiveContext
    const error = (code: string, message: string): Error => Object.assign(new Error(message), { code })
    expect(refusalOutcome(error('57014', 'canceling statement due to statement timeout'), ctx)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/statement_timeout \(5000 ms\)/), mitigation: expect.stringMatching(/Raise statementTimeoutMs/) })
    expect(refusalOutcome(error('55P03', 'canceling statement due to lock timeout'), ctx)).toMatchObject({ status: 'warn', summary: expect.stringMatching(/lock_timeout \(1000 ms\)/) })
    expect(refusalOutcome(error('53200', 'out of memory'), ctx)).toMatchObject({ status: 'warn', summary: 'Not checked: the server is short of resources (out of memory, SQLSTATE 53200).' })
    expect(refusalOutcome(error('42883', 'function pg_blocking_pids(integer) does not exist'), ctx)).toMatchObject({ status: 'skip', summary: expect.stringMatching(/PostgreSQL-compatible server/) })
    expect(refusalOutcome(error('XX000', 'internal error'), ctx)).toBeUndefined()
    expect(refusalOutcome(new TypeError('x is undefined'), ctx)).toBeUndefined()
  })
})
