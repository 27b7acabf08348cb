import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/lock-queue-safety.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { adminExec, uniqueName } from './support/sessions.js'

describe('lock-queue-safety', () => {
  let db: TestDatabase
  const role = uniqueName('pf_migrator')
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec('CREATE TABLE orders (id int PRIMARY KEY)')
    await adminExec(`CREATE ROLE ${role} NOLOGIN`)
  })
  afterAll(async () => {
    await db.drop()
    await adminExec(`DROP ROLE IF EXISTS ${role}`)
  })

  it('warns, with numbers, when a write-blocking statement has no lock_timeout and the server no idle timeout', async () => {
    const server = (await db.exec('SHOW idle_in_transaction_session_timeout')).rows[0].idle_in_transaction_session_timeout
    expect(server).toBe('0')
    const holder = await db.connect()
    await holder.query('BEGIN')
    await holder.query('SELECT * FROM orders')
    const result = await runLiveCheck(check, db.url, { pending: ['CREATE INDEX orders_id ON orders (id);\nALTER TABLE orders ADD COLUMN a int;'] })
    expect(result.status).toBe('warn')
    expect(result.findings.map((f) => `${f.line}:${f.col} ${f.lock}`)).toEqual(['1:1 SHARE', '2:1 ACCESS EXCLUSIVE'])
    expect(result.findings[1]!.message).toMatch(/every query on public\.orders queues behind it/)
    expect(result.findings[0]!.message).toMatch(/every write on public\.orders queues behind it/)
    expect(result.evidence).toMatchObject({ statementsWithoutLockTimeout: 2, roleLockTimeoutMs: 0, idleInTransactionSessionTimeoutMs: 0, sessionsHoldingLocksOnThoseTables: 1, sessionsIdleInTransactionNow: 1 })
    expect(result.summary).toMatch(/now 1 session holds locks on them and 1 is idle in a transaction/)
    await holder.query('ROLLBACK')
  })

  it('passes when the file sets lock_timeout first, and ignores non-blocking statements and new tables', async () => {
    expect((await runLiveCheck(check, db.url, { pending: ["SET lock_timeout = '3s';\nALTER TABLE orders ADD COLUMN a int;"] })).status).toBe('pass')
    expect((await runLiveCheck(check, db.url, { pending: ['CREATE INDEX CONCURRENTLY orders_id ON orders (id);\nINSERT INTO orders VALUES (1);'] })).status).toBe('pass')
    expect((await runLiveCheck(check, db.url, { pending: ['CREATE TABLE fresh (id int);\nALTER TABLE fresh ADD COLUMN a int;'] })).status).toBe('pass')
  })

  it("passes when the migration role's sessions start with a lock_timeout", async () => {
    await db.exec(`ALTER ROLE ${role} IN DATABASE ${db.name} SET lock_timeout = '4s'`)
    const result = await runLiveCheck(check, db.url, { pending: ['ALTER TABLE orders ADD COLUMN a int;'], target: { migrationRole: role } })
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(new RegExp(`${role} starts with lock_timeout 4 s \\(ALTER ROLE/DATABASE ... SET\\)`))
    expect(result.evidence).toMatchObject({ roleLockTimeoutMs: 4000, roleLockTimeoutSource: 'role' })
  })

  it('passes, saying why, when the server ends idle transactions', async () => {
    await db.exec(`ALTER DATABASE ${db.name} SET idle_in_transaction_session_timeout = '2min'`)
    const result = await runLiveCheck(check, db.url, { pending: ['ALTER TABLE orders ADD COLUMN a int;'] })
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(/idle_in_transaction_session_timeout \(2 min\) ends forgotten transactions/)
    expect(result.evidence).toMatchObject({ idleInTransactionSessionTimeoutMs: 120000 })
  })
})
