import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/sql-features-supported.js'
import targetVersionSyntax from '../../../src/checks/static/target-version-syntax.js'
import { SQL_FEATURES } from '../../../src/dialects/postgres/sql-features.js'
import { makeTestContext, runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { runRule } from '../../support/rule-tester.js'

const MERGE = 'MERGE INTO orders o USING incoming i ON o.id = i.id WHEN MATCHED THEN DELETE;'

describe('sql-features-supported', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => db.drop())

  it("grades each feature against the real server's major", async () => {
    const major = Number((await db.exec('SHOW server_version_num')).rows[0].server_version_num.slice(0, -4))
    const sqls = ['ALTER TABLE orders ADD COLUMN a int DEFAULT 0;', MERGE, 'INSERT INTO orders (id) VALUES (uuidv7());']
    const result = await runLiveCheck(check, db.url, { pending: [sqls.join('\n')] })
    const tooNew = [MERGE, sqls[2]!].filter((_, i) => [15, 18][i]! > major)
    expect(result.status).toBe(tooNew.length > 0 ? 'fail' : 'pass')
    expect(result.findings.map((f) => `${f.line}:${f.col}`)).toEqual(tooNew.map((sql) => `${sqls.indexOf(sql) + 1}:1`))
    expect(result.evidence).toMatchObject({ featuresUsed: ['ADD COLUMN with a DEFAULT', 'MERGE', 'uuidv7()'] })
  })

  it('fails at the statement when the server is older than a feature, and warns on a behaviour change', async () => {
    const { ctx, session } = await makeTestContext(db.url, { pending: ['SELECT 1;\nREINDEX TABLE CONCURRENTLY orders;', MERGE, 'ALTER TABLE orders ADD COLUMN a int DEFAULT 0;'] })
    try {
      // The grading only depends on the major; pretend the server is older than the machine's.
      const pg12 = await check.run({ ...ctx, server: { ...ctx.server, version: '12.22', versionNum: 120022, major: 12 } })
      expect(pg12.status).toBe('fail')
      expect(pg12.findings?.map((f) => f.message)).toEqual([
        'MERGE needs PostgreSQL 15 or later; the target runs 12.22, so this statement will fail when the migration reaches it.',
      ])
      const at = pg12.findings?.[0]?.at
      expect(at && 'stmt' in at ? `${at.file.migration.path}:${at.stmt.line}:${at.stmt.col}` : undefined).toBe('pending/002.sql:1:1')

      const pg10 = await check.run({ ...ctx, server: { ...ctx.server, version: '10.23', versionNum: 100023, major: 10 } })
      expect(pg10.findings?.map((f) => [f.severity ?? 'error', f.evidence?.feature])).toEqual([
        ['error', 'reindex-concurrently'],
        ['error', 'merge'],
        ['warning', 'add-column-default-without-rewrite'],
      ])
    } finally {
      await session.close()
    }
  })

  it('leaves syntax the target grammar rejects to target-version-syntax, so each statement is reported once', async () => {
    const sqls = [
      MERGE,
      'CREATE VIEW v WITH (security_invoker = true) AS SELECT 1;',
      'INSERT INTO orders (id) VALUES (uuidv7());',
      'CREATE UNIQUE INDEX i ON orders (a) NULLS NOT DISTINCT;',
    ]
    const { ctx, session } = await makeTestContext(db.url, { pending: [sqls.join('\n')] })
    try {
      const pg14 = await check.run({ ...ctx, server: { ...ctx.server, version: '14.17', versionNum: 140017, major: 14 } })
      const live = (pg14.findings ?? []).map((f) => (f.at && 'stmt' in f.at ? f.at.stmt.line : 0))
      const fromGrammar = (await runRule(targetVersionSyntax, [sqls.join('\n')], { pg: 14 })).map((f) => f.line)
      // security_invoker and uuidv7() parse on 14 but fail on the server; MERGE and NULLS NOT DISTINCT do not parse.
      expect(live).toEqual([2, 3])
      expect(fromGrammar).toEqual([1, 4])
      expect(pg14.evidence).toMatchObject({ featuresUsed: ['MERGE', 'NULLS NOT DISTINCT', 'uuidv7()', 'views WITH (security_invoker)'] })
    } finally {
      await session.close()
    }
  })

  it('passes when nothing version-dependent is used', async () => {
    const result = await runLiveCheck(check, db.url, { pending: ['CREATE TABLE t (id bigint PRIMARY KEY);'] })
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(/uses no feature newer than PostgreSQL/)
    expect(SQL_FEATURES.length).toBeGreaterThan(10)
  })
})
