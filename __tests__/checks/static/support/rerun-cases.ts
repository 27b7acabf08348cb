/**
 * Shared real-server test for the idempotency rules: a migration the rule accepts runs twice in a
 * row without error; one it reports fails on the second run with the SQLSTATE the case names.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import type { StaticRule } from '../../../../src/engine/define.js'
import { createTestDatabase, type TestDatabase } from '../../../support/pg.js'
import { runRule } from '../../../support/rule-tester.js'

export interface RerunCase {
  /** Objects the migration expects to exist already. */
  readonly setup?: string
  /** The migration, run twice outside a transaction. */
  readonly sql: string
  /** SQLSTATE of the second run's failure, or undefined when the rule must accept the SQL. */
  readonly failsWith?: string
}

/** Declares one test per case, each in its own schema of one test database. */
export function testRerunOnServer(rule: StaticRule, cases: readonly RerunCase[]): void {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => {
    await db.drop()
  })
  for (const [i, c] of cases.entries()) {
    it(`re-run ${c.failsWith ? `fails (${c.failsWith})` : 'succeeds'}: ${c.sql.replace(/\s+/g, ' ').slice(0, 70)}`, async () => {
      const findings = await runRule(rule, [c.sql])
      expect(findings.filter((f) => !f.suppressed).length > 0).toBe(c.failsWith !== undefined)
      const schema = `case_${i}`
      await db.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}, public`)
      if (c.setup) await db.exec(c.setup)
      await db.exec(c.sql)
      let code: string | undefined
      try {
        await db.exec(c.sql)
      } catch (error) {
        code = (error as { code?: string }).code ?? 'unknown'
      }
      expect(code).toBe(c.failsWith)
    })
  }
}
