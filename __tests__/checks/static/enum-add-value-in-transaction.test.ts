import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import rule from '../../../src/checks/static/enum-add-value-in-transaction.js'
import { testRule } from '../../support/rule-tester.js'

describe('enum-add-value-in-transaction', () => {
  testRule(rule, {
    safe: [
      // 12+: ADD VALUE in a transaction is fine while the value is not used in it.
      { sql: "ALTER TYPE mood ADD VALUE 'meh';", inTransaction: true },
      { sql: "ALTER TYPE mood ADD VALUE 'meh';", pg: 11 },
      { sql: "CREATE TYPE mood AS ENUM ('happy');\nALTER TYPE mood ADD VALUE 'meh';", pg: 11, inTransaction: true },
      { sql: "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue';", pg: 11, inTransaction: true },
      // Used in a later migration that runs in its own transaction.
      { sql: "UPDATE people SET mood = 'meh';", before: ["ALTER TYPE mood ADD VALUE 'meh';"], inTransaction: true },
      "ALTER TYPE mood ADD VALUE 'meh';\nUPDATE people SET mood = 'meh';",
      { sql: "CREATE TYPE mood AS ENUM ('happy');\nALTER TYPE mood ADD VALUE 'meh';\nSELECT 'meh'::mood;", pg: 17, inTransaction: true },
      { sql: "ALTER TYPE mood ADD VALUE 'meh';\nUPDATE people SET note = 'other';", inTransaction: true },
    ],
    reported: [
      { sql: "ALTER TYPE mood ADD VALUE 'meh';", pg: 11, inTransaction: true, at: '1:1', message: 'cannot run inside a transaction block on PostgreSQL 11' },
      { sql: "BEGIN;\nALTER TYPE app.mood ADD VALUE IF NOT EXISTS 'meh' BEFORE 'sad';\nCOMMIT;", pg: 10, at: '2:1', message: 'app.mood' },
      { sql: "ALTER TYPE mood ADD VALUE 'meh';\nUPDATE people SET mood = 'meh' WHERE id = 1;", inTransaction: true, at: '1:1', message: "a use of 'meh' (line 2)" },
      { sql: "BEGIN;\nALTER TYPE mood ADD VALUE 'meh';\nINSERT INTO people (mood) VALUES ('meh');\nCOMMIT;", at: '2:1' },
      // 12-16 reject the new value even for an enum created in the same transaction (17+ accept it).
      { sql: "CREATE TYPE mood AS ENUM ('happy');\nALTER TYPE mood ADD VALUE 'meh';\nSELECT 'meh'::mood;", pg: 16, inTransaction: true, at: '2:1' },
    ],
  })

  describe('against the server (12+)', () => {
    let db: TestDatabase
    beforeAll(async () => {
      db = await createTestDatabase('pf_enum')
      await db.exec("CREATE TYPE mood AS ENUM ('happy')")
    })
    afterAll(async () => {
      await db.drop()
    })

    it('allows ADD VALUE in a transaction but rejects using the value before commit (55P04)', async () => {
      const client = await db.connect()
      await client.query('BEGIN')
      await client.query("ALTER TYPE mood ADD VALUE 'meh'")
      const code = await client.query("SELECT 'meh'::mood").then(
        () => undefined,
        (error: { code?: string }) => error.code,
      )
      await client.query('ROLLBACK')
      expect(code).toBe('55P04')
    })

    it('rejects it for an enum created in the same transaction before 17, accepts it from 17', async () => {
      const major = Math.floor(Number((await db.exec('SHOW server_version_num')).rows[0].server_version_num) / 10000)
      const client = await db.connect()
      await client.query('BEGIN')
      await client.query("CREATE TYPE mood2 AS ENUM ('a')")
      await client.query("ALTER TYPE mood2 ADD VALUE 'b'")
      const code = await client.query("SELECT 'b'::mood2").then(
        () => undefined,
        (error: { code?: string }) => error.code,
      )
      await client.query('ROLLBACK')
      expect(code).toBe(major >= 17 ? undefined : '55P04')
    })
  })
})
