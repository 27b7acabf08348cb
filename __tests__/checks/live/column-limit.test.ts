import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/column-limit.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

describe('column-limit', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
    // 1,590 columns, 1,500 of them dropped: the table "has" 90 columns but 10 numbers left.
    const cols = Array.from({ length: 1590 }, (_, i) => `c${i} int`).join(', ')
    await db.exec(`CREATE TABLE wide (${cols})`)
    await db.exec(`ALTER TABLE wide ${Array.from({ length: 1500 }, (_, i) => `DROP COLUMN c${i}`).join(', ')}`)
    await db.exec('CREATE TABLE narrow (id int)')
  })
  afterAll(async () => db.drop())

  it('passes a table far from the limit', async () => {
    const result = await runLiveCheck(check, db.url, { pending: ['ALTER TABLE narrow ADD COLUMN b int;'] })
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(/narrow, uses 2 of 1600/)
  })

  it('counts dropped columns and fails at the statement that passes 1,600', async () => {
    const adds = Array.from({ length: 11 }, (_, i) => `ALTER TABLE wide ADD COLUMN n${i} int;`).join('\n')
    const result = await runLiveCheck(check, db.url, { pending: [adds] })
    expect(result.status).toBe('fail')
    expect(result.findings.map((f) => f.line)).toEqual([11])
    expect(result.findings[0]!.message).toMatch(/wide would have 1601 columns counting dropped ones/)
  })

  it('warns when a table is near the limit', async () => {
    const result = await runLiveCheck(check, db.url, { pending: ['ALTER TABLE wide ADD COLUMN n int;'] })
    expect(result.status).toBe('warn')
    expect(result.summary).toMatch(/uses 1591 of 1600 column numbers after the migration \(1500 by dropped columns\)/)
  })
})
