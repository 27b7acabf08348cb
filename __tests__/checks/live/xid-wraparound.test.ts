import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/xid-wraparound.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

describe('xid-wraparound', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => db.drop())

  it('passes a server far from wraparound', async () => {
    const result = await runLiveCheck(check, db.url)
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(/of the 2\^31 wraparound horizon \(limit 50.0%\)/)
  })

  it('fails when the age passes the configured share of 2^31', async () => {
    // Any server has run a few transactions: a threshold of a handful of XIDs is passed.
    await db.exec('CREATE TABLE burn (a int); INSERT INTO burn VALUES (1); INSERT INTO burn VALUES (2)')
    const result = await runLiveCheck(check, db.url, { target: { thresholds: { xidAgeRatio: 1e-9 } } })
    expect(result.status).toBe('fail')
    expect(result.mitigation).toMatch(/VACUUM \(FREEZE\)/)
  })
})
