import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/sequence-exhaustion.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

describe('sequence-exhaustion', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(`CREATE TABLE orders (id serial PRIMARY KEY);
                   CREATE TABLE items (id int GENERATED ALWAYS AS IDENTITY, n int);
                   CREATE SEQUENCE legacy_seq AS bigint;
                   CREATE TABLE legacy (id int DEFAULT nextval('legacy_seq'))`)
  })
  afterAll(async () => db.drop())

  it('passes fresh sequences', async () => {
    const result = await runLiveCheck(check, db.url)
    expect(result.status).toBe('pass')
    expect(result.evidence).toMatchObject({ sequences: 3, unreadable: 0 })
  })

  it('fails a serial sequence near the integer maximum (setval)', async () => {
    await db.exec("SELECT setval('orders_id_seq', 2000000000)")
    const result = await runLiveCheck(check, db.url)
    expect(result.status).toBe('fail')
    expect(result.summary).toMatch(/sequence public.orders_id_seq \(feeding public.orders.id, integer\) is at 93.1%/)
    await db.exec("SELECT setval('orders_id_seq', 1)")
  })

  it('counts a bigint sequence against the integer column it feeds', async () => {
    await db.exec("SELECT setval('legacy_seq', 1800000000)")
    const result = await runLiveCheck(check, db.url)
    expect(result.status).toBe('fail')
    expect(result.findings[0]!.evidence).toMatchObject({ limitedBy: 'column type integer', maxValue: 2147483647 })
    expect(result.findings[0]!.mitigation).toMatch(/Change public.legacy.id to bigint/)
    // The same sequence is far from its own bigint maximum: only the column makes it urgent.
    const lenient = await runLiveCheck(check, db.url, { target: { thresholds: { sequenceUsedRatio: 0.9 } } })
    expect(lenient.status).toBe('pass')
    await db.exec("SELECT setval('legacy_seq', 1)")
  })

  it('uses the identity column sequence', async () => {
    await db.exec("SELECT setval(pg_get_serial_sequence('items', 'id'), 1700000000)")
    const result = await runLiveCheck(check, db.url)
    expect(result.status).toBe('fail')
    expect(result.summary).toMatch(/feeding public.items.id/)
  })
})
