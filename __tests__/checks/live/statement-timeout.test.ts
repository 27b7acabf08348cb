import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/statement-timeout.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { adminExec, uniqueName } from './support/sessions.js'

describe('statement-timeout', () => {
  let db: TestDatabase
  const role = uniqueName('pf_migrator')
  const LONG = 'CREATE INDEX CONCURRENTLY orders_a ON orders (a);\nALTER TABLE orders VALIDATE CONSTRAINT orders_a_positive;\nUPDATE orders SET a = a + 1;\nCREATE INDEX empty_a ON empty (a);'
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec('CREATE TABLE orders (id int PRIMARY KEY, a int)')
    await db.exec('INSERT INTO orders SELECT g, g FROM generate_series(1, 5000) g')
    await db.exec('ALTER TABLE orders ADD CONSTRAINT orders_a_positive CHECK (a > 0) NOT VALID')
    await db.exec('CREATE TABLE empty (a int)')
    await db.exec('ANALYZE orders')
    await adminExec(`CREATE ROLE ${role} NOLOGIN`)
  })
  afterAll(async () => {
    await db.drop()
    await adminExec(`DROP ROLE IF EXISTS ${role}`)
  })

  it('passes when the migration role runs without a statement_timeout', async () => {
    const result = await runLiveCheck(check, db.url, { pending: [LONG], target: { migrationRole: role } })
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(new RegExp(`${role} runs without a statement_timeout`))
  })

  it("warns on each long statement over a table with rows when the role's sessions start with a statement_timeout", async () => {
    await db.exec(`ALTER ROLE ${role} IN DATABASE ${db.name} SET statement_timeout = '2s'`)
    const result = await runLiveCheck(check, db.url, { pending: [LONG], target: { migrationRole: role } })
    expect(result.status).toBe('warn')
    expect(result.findings.map((f) => `${f.line}:${f.col} ${f.tables?.join(',')}`)).toEqual(['1:1 public.orders', '2:1 public.orders', '3:1 public.orders'])
    expect(result.findings[0]!.message).toMatch(/^CREATE INDEX on public\.orders \(5,000 rows, .*\) runs under the migration role's statement_timeout of 2 s .*leaving an INVALID index behind/)
    expect(result.findings[1]!.message).toMatch(/^VALIDATE CONSTRAINT orders_a_positive \(scans the table\)/)
    expect(result.evidence).toMatchObject({ migrationRole: role, statementTimeoutMs: 2000, statementTimeoutSource: 'role', tables: ['public.orders'], statements: 3 })
  })

  it('leaves a file that sets statement_timeout itself, and tables the pending set creates, alone', async () => {
    expect((await runLiveCheck(check, db.url, { pending: [`SET statement_timeout = 0;\n${LONG}`], target: { migrationRole: role } })).status).toBe('pass')
    expect((await runLiveCheck(check, db.url, { pending: ["SELECT set_config('statement_timeout', '1h', false);\nUPDATE orders SET a = 1;"], target: { migrationRole: role } })).status).toBe('pass')
    const fresh = await runLiveCheck(check, db.url, { pending: ['CREATE TABLE fresh (a int);\nCREATE INDEX fresh_a ON fresh (a);\nCREATE INDEX empty_a ON empty (a);'], target: { migrationRole: role } })
    expect(fresh.status).toBe('pass')
    expect(fresh.summary).toMatch(/no long pending statement works on an existing table with rows/)
  })
})
