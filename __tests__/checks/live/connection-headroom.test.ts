import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import check from '../../../src/checks/live/connection-headroom.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

describe('connection-headroom', () => {
  let db: TestDatabase
  const role = `pf_nolimit_${randomBytes(3).toString('hex')}`
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 0`)
  })
  afterAll(async () => {
    await db.exec(`DROP ROLE IF EXISTS ${role}`)
    await db.drop()
  })

  it('passes with free slots', async () => {
    const result = await runLiveCheck(check, db.url, { target: { thresholds: { minFreeConnections: 1 } } })
    expect(result.status).toBe('pass')
    expect(result.evidence).toMatchObject({ roleIsSuperuser: true })
  })

  it('warns below minFreeConnections', async () => {
    const result = await runLiveCheck(check, db.url, { target: { thresholds: { minFreeConnections: 100000 } } })
    expect(result.status).toBe('warn')
  })

  it('fails when the migration role cannot get a connection', async () => {
    const result = await runLiveCheck(check, db.url, { target: { migrationRole: role } })
    expect(result.status).toBe('fail')
    expect(result.summary).toMatch(new RegExp(`role ${role} CONNECTION LIMIT 0`))
  })
})
