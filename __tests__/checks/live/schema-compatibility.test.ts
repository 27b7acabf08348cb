import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/schema-compatibility.js'
import { makeTestContext, runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { analyseSchema } from '../../../src/dialects/postgres/schema-model/analyse.js'

/** "file:line:col" of each finding. */
function places(result: { findings: readonly { file?: string; line?: number; col?: number }[] }): string[] {
  return result.findings.map((f) => `${f.file}:${f.line}:${f.col}`)
}

describe('schema-compatibility', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(`
      CREATE SCHEMA app;
      CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, nickname text);
      CREATE TABLE app.orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));
      CREATE VIEW user_emails AS SELECT id, email FROM users;
      CREATE TYPE mood AS ENUM ('happy', 'sad');
      CREATE INDEX users_nickname_idx ON users (nickname);
      CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);
      CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
    `)
  })
  afterAll(async () => db.drop())

  it('passes safe migrations that create, alter and drop what exists', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: [
        'ALTER TABLE users ADD COLUMN age int;\nCREATE INDEX CONCURRENTLY users_age_idx ON users (age);',
        'CREATE TABLE app.items (id bigint PRIMARY KEY, order_id bigint REFERENCES app.orders (id), m mood);\nALTER TYPE mood ADD VALUE IF NOT EXISTS \'sad\';',
        'DROP INDEX users_nickname_idx;\nALTER TABLE users RENAME COLUMN nickname TO handle;\nALTER TABLE users ALTER COLUMN handle SET NOT NULL;\nCREATE TABLE IF NOT EXISTS users (id int);',
        // A column added to a partitioned table reaches its partitions.
        'ALTER TABLE events ADD COLUMN kind text;\nCREATE INDEX events_2026_kind_idx ON events_2026 (kind);\nCREATE TABLE events_2027 PARTITION OF events FOR VALUES FROM (\'2027-01-01\') TO (\'2028-01-01\');\nCREATE INDEX ON events_2027 (kind);',
      ],
    })
    expect(result.status).toBe('pass')
    expect(result.findings).toEqual([])
  })

  it('reports a missing column at the statement', async () => {
    const result = await runLiveCheck(check, db.url, { pending: ['SELECT 1;\n\nALTER TABLE users\n  ALTER COLUMN phone SET NOT NULL;'] })
    expect(result.status).toBe('fail')
    expect(places(result)).toEqual(['pending/001.sql:3:1'])
    expect(result.findings[0]!.message).toMatch(/column "phone" of table users does not exist/)
  })

  it('reports objects that already exist, unless IF NOT EXISTS', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: ['CREATE TABLE users (id int);\nCREATE TABLE IF NOT EXISTS users (id int);\nALTER TABLE users ADD COLUMN email text;\nCREATE INDEX users_nickname_idx ON users (email);\nCREATE TYPE mood AS ENUM (\'x\');\nCREATE SCHEMA app;'],
    })
    expect(places(result)).toEqual(['pending/001.sql:1:1', 'pending/001.sql:3:1', 'pending/001.sql:4:1', 'pending/001.sql:5:1', 'pending/001.sql:6:1'])
    expect(result.findings.map((f) => f.message)).toEqual([
      expect.stringMatching(/table users already exists/),
      expect.stringMatching(/column "email" of table users already exists/),
      expect.stringMatching(/index users_nickname_idx already exists/),
      expect.stringMatching(/type mood already exists/),
      expect.stringMatching(/schema app already exists/),
    ])
  })

  it('follows objects created and dropped earlier in the pending set', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: ['CREATE TABLE t (a int);', 'ALTER TABLE t ADD COLUMN b int;\nDROP TABLE t;\nALTER TABLE t ADD COLUMN c int;'],
    })
    expect(places(result)).toEqual(['pending/002.sql:3:1'])
  })

  it('reports drops blocked by views and foreign keys, and wrong object kinds', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: ['ALTER TABLE users DROP COLUMN email;\nDROP TABLE users;\nDROP TABLE user_emails;\nDROP TABLE users CASCADE;'],
    })
    expect(places(result)).toEqual(['pending/001.sql:1:1', 'pending/001.sql:2:1', 'pending/001.sql:3:1'])
    expect(result.findings[0]!.message).toMatch(/used by view user_emails/)
    expect(result.findings[1]!.message).toMatch(/foreign key orders_user_id_fkey on app.orders/)
    expect(result.findings[2]!.message).toMatch(/is a view, not a table/)
  })

  it('resolves names through SET search_path and qualified names', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: ['ALTER TABLE orders ADD COLUMN note text;\nSET search_path TO app, public;\nALTER TABLE orders ADD COLUMN note text;\nALTER TABLE app.nope ADD COLUMN x int;'],
    })
    expect(places(result)).toEqual(['pending/001.sql:1:1', 'pending/001.sql:4:1'])
  })

  it('warns instead of failing after a DO block it cannot see into', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: ["DO $$ BEGIN EXECUTE 'CREATE TABLE made_by_do (a int)'; END $$;\nALTER TABLE made_by_do ADD COLUMN b int;"],
    })
    expect(result.status).toBe('warn')
    expect(result.findings[0]!.severity).toBe('warning')
    expect(result.findings[0]!.message).toMatch(/unless the DO block at line 1 creates it/)
  })

  it('loads the catalog in a constant number of queries, whatever the number of tables', async () => {
    await db.exec(Array.from({ length: 30 }, (_, i) => `CREATE TABLE many_${i} (id int PRIMARY KEY, v text);`).join('\n'))
    const queriesFor = async (pending: string[]): Promise<number> => {
      const { ctx, session } = await makeTestContext(db.url, { pending })
      try {
        return (await analyseSchema(ctx)).queries
      } finally {
        await session.close()
      }
    }
    const one = await queriesFor(['ALTER TABLE many_0 ADD COLUMN w int;'])
    const thirty = await queriesFor([Array.from({ length: 30 }, (_, i) => `ALTER TABLE many_${i} ADD COLUMN w int;\nCREATE INDEX ON many_${i} (v);`).join('\n')])
    expect(thirty).toBe(one)
    expect(one).toBeLessThanOrEqual(8)
  })
})
