import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/add-column-not-null-without-default.js'
import { collectLiveFacts } from '../../../src/dialects/postgres/facts.js'
import { makeTestContext } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { runRule, testRule } from '../../support/rule-tester.js'

describe('add-column-not-null-without-default', () => {
  testRule(rule, {
    safe: [
      'ALTER TABLE users ADD COLUMN c int NOT NULL DEFAULT 0;',
      "ALTER TABLE users ADD COLUMN c text NOT NULL DEFAULT '';",
      'ALTER TABLE users ADD COLUMN c serial NOT NULL;',
      'ALTER TABLE users ADD COLUMN c bigserial PRIMARY KEY;',
      'ALTER TABLE users ADD COLUMN c bigint GENERATED ALWAYS AS IDENTITY;',
      'ALTER TABLE users ADD COLUMN c int GENERATED ALWAYS AS (a + 1) STORED NOT NULL;',
      'ALTER TABLE users ADD COLUMN c int;',
      'ALTER TABLE users ADD COLUMN c int NULL, ALTER COLUMN d SET NOT NULL;',
      // A table the pending set created has no rows.
      'CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN c int NOT NULL;',
      { sql: 'ALTER TABLE public.t ADD COLUMN c int NOT NULL;', before: ['CREATE TABLE t (a int);'] },
      // IF NOT EXISTS of a column the target has does nothing.
      { sql: 'ALTER TABLE users ADD COLUMN IF NOT EXISTS email text NOT NULL;', live: { columnTypes: new Map([['public.users.email', 'text']]), tableSizes: new Map([['public.users', { rows: 9, bytes: 65536 }]]) } },
      "SELECT 'ALTER TABLE users ADD COLUMN c int NOT NULL';",
    ],
    reported: [
      { sql: 'ALTER TABLE users ADD COLUMN email text NOT NULL;', at: '1:1', message: 'ADD COLUMN email NOT NULL without a DEFAULT fails on public.users if it has any row' },
      { sql: 'SELECT 1;\nALTER TABLE "User" ADD COLUMN "role" "Role" NOT NULL, ADD COLUMN note text;', at: '2:1', message: 'ADD COLUMN role NOT NULL without a DEFAULT fails on public."User"' },
      { sql: 'ALTER TABLE users ADD COLUMN id bigint PRIMARY KEY;', at: '1:1', message: 'ADD COLUMN id PRIMARY KEY without a DEFAULT' },
      { sql: 'ALTER TABLE users ADD COLUMN c int NOT NULL DEFAULT NULL;', at: '1:1' },
      { sql: 'ALTER TABLE users ADD COLUMN a int NOT NULL, ADD COLUMN b int NOT NULL;', at: ['1:1', '1:1'] },
      // What a DO block runs, at its own place.
      { sql: 'DO $$ BEGIN ALTER TABLE users ADD COLUMN c int NOT NULL; END $$;', at: '1:13', message: '(inside a DO block)' },
    ],
  })

  it('says how to add it safely, naming the column and its type', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE users ADD COLUMN email varchar(100) NOT NULL;'])
    expect(finding?.mitigation).toContain('ADD COLUMN email varchar(100) NOT NULL DEFAULT <value>')
    expect(finding?.mitigation).toContain('CHECK (email IS NOT NULL) NOT VALID')
    expect(finding?.severity).toBe('error')
  })

  describe('against a real server', () => {
    let db: TestDatabase
    beforeAll(async () => {
      db = await createTestDatabase()
      await db.exec(`CREATE TABLE filled (a int); INSERT INTO filled SELECT g FROM generate_series(1, 500) g; ANALYZE filled;
                     CREATE TABLE hollow (a int); ANALYZE hollow;
                     CREATE TABLE loaded (a int) WITH (autovacuum_enabled = false); INSERT INTO loaded SELECT g FROM generate_series(1, 5000) g;`)
    })
    afterAll(async () => db.drop())

    /** The rule's findings on `sql` with the live facts the target gives, and whether the statement fails there. */
    async function judge(sql: string): Promise<{ severities: string[]; fails: boolean }> {
      const { ctx, session } = await makeTestContext(db.url, { pending: [sql] })
      let live
      try {
        live = await collectLiveFacts(ctx)
      } finally {
        await session.close()
      }
      const findings = await runRule(rule, [sql], { live })
      await db.exec('BEGIN')
      let fails = false
      try {
        await db.exec(sql)
      } catch (error) {
        fails = (error as { code?: string }).code === '23502'
      } finally {
        await db.exec('ROLLBACK')
      }
      return { severities: findings.map((f) => f.severity), fails }
    }

    it('is an error where the table has rows, and the statement does fail there', async () => {
      expect(await judge('ALTER TABLE filled ADD COLUMN b int NOT NULL;')).toEqual({ severities: ['error'], fails: true })
      // Never analysed: no row estimate, but its pages hold rows.
      expect(await judge('ALTER TABLE loaded ADD COLUMN b int NOT NULL;')).toEqual({ severities: ['error'], fails: true })
    })

    it('is a note where the table is empty now, and the statement passes there', async () => {
      expect(await judge('ALTER TABLE hollow ADD COLUMN b int NOT NULL;')).toEqual({ severities: ['info'], fails: false })
      expect(await judge('ALTER TABLE filled ADD COLUMN b int NOT NULL DEFAULT 0;')).toEqual({ severities: [], fails: false })
    })
  })
})
