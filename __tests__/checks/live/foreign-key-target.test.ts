import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/foreign-key-target.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

describe('foreign-key-target', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(`CREATE TABLE accounts (id bigint PRIMARY KEY, code text, region text, UNIQUE (region, code));
                   CREATE TABLE payments (id bigint PRIMARY KEY, account_id int, account_code text, region text)`)
  })
  afterAll(async () => db.drop())

  it('passes foreign keys to a key of the same type', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: [
        'ALTER TABLE payments ADD COLUMN account bigint REFERENCES accounts;\n' +
          'ALTER TABLE payments ADD CONSTRAINT payments_code_fkey FOREIGN KEY (region, account_code) REFERENCES accounts (region, code) NOT VALID;\n' +
          'CREATE TABLE refunds (id bigint PRIMARY KEY, payment_id bigint REFERENCES payments (id));',
      ],
    })
    expect(result.findings).toEqual([])
    expect(result.status).toBe('pass')
  })

  it('reports referenced columns without a unique constraint', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: ['ALTER TABLE payments ADD CONSTRAINT p_code_fkey FOREIGN KEY (account_code) REFERENCES accounts (code);'],
    })
    expect(result.status).toBe('fail')
    expect(result.findings[0]!.message).toMatch(/no unique constraint or unique index on accounts \(code\)/)
  })

  it('warns about comparable but different key types, fails incompatible ones', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: [
        'ALTER TABLE payments ADD CONSTRAINT p_account_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);\n' +
          'ALTER TABLE payments ADD CONSTRAINT p_region_fkey FOREIGN KEY (account_code, region) REFERENCES accounts (id, region);',
      ],
    })
    expect(result.findings.map((f) => [f.line, f.severity])).toEqual([
      [1, 'warning'],
      [2, 'error'],
    ])
    expect(result.findings[0]!.message).toMatch(/payments.account_id is integer but references accounts.id, which is bigint/)
    expect(result.findings[1]!.message).toMatch(/no unique constraint/)
  })

  it('reports incompatible key types', async () => {
    const result = await runLiveCheck(check, db.url, { pending: ['CREATE TABLE notes (account uuid REFERENCES accounts (id));'] })
    expect(result.findings[0]!.message).toMatch(/incompatible types: uuid and bigint/)
  })
})
