import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/target-is-primary.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { adminExec, uniqueName } from './support/sessions.js'

// A standby (pg_is_in_recovery() = true) would need a second, replicating server; the read-only
// cases below go through the same query and grading.
describe('target-is-primary', () => {
  let db: TestDatabase
  const role = uniqueName('pf_migrator')
  beforeAll(async () => {
    db = await createTestDatabase()
    await adminExec(`CREATE ROLE ${role} NOLOGIN`)
  })
  afterAll(async () => {
    await db.drop()
    await adminExec(`DROP ROLE IF EXISTS ${role}`)
  })

  it('passes on a writable primary, even though the preflight session itself is read-only', async () => {
    const result = await runLiveCheck(check, db.url)
    expect(result.status).toBe('pass')
    expect(result.evidence).toMatchObject({ inRecovery: false, defaultTransactionReadOnly: 'off', source: 'server' })
  })

  it("fails when the migration role's sessions start read-only", async () => {
    await db.exec(`ALTER ROLE ${role} IN DATABASE ${db.name} SET default_transaction_read_only = on`)
    const result = await runLiveCheck(check, db.url, { target: { migrationRole: role } })
    expect(result.status).toBe('fail')
    expect(result.summary).toBe(`default_transaction_read_only is on for role ${role} (ALTER ROLE/DATABASE ... SET): the migration's sessions start read-only and its first DDL will fail with SQLSTATE 25006.`)
    expect(result.evidence).toMatchObject({ defaultTransactionReadOnly: 'on', source: 'role', migrationRole: role })
  })

  it('fails when the database is read-only for everyone', async () => {
    await db.exec(`ALTER DATABASE ${db.name} SET default_transaction_read_only = on`)
    const result = await runLiveCheck(check, db.url)
    expect(result.status).toBe('fail')
    expect(result.summary).toMatch(/default_transaction_read_only is on/)
    await db.exec(`ALTER DATABASE ${db.name} RESET default_transaction_read_only`)
  })
})
