import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import rule from '../../../src/checks/static/add-column-rewrites-table.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testSizeGrading } from './support/size-cases.js'

describe('add-column-rewrites-table', () => {
  testRule(rule, {
    safe: [
      'ALTER TABLE orders ADD COLUMN note text;',
      // Constant and STABLE defaults are stored once from PostgreSQL 11: no rewrite.
      "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';",
      'ALTER TABLE orders ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();',
      'ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT CURRENT_TIMESTAMP;',
      "ALTER TABLE orders ADD COLUMN tags text[] DEFAULT '{}', ADD COLUMN n int DEFAULT -1;",
      'ALTER TABLE orders ADD COLUMN n int DEFAULT NULL;',
      { sql: 'ALTER TABLE orders ADD COLUMN n int DEFAULT NULL;', pg: 10 },
      // New table: nothing to rewrite.
      'CREATE TABLE orders (id int);\nALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();',
      { sql: 'ALTER TABLE orders ADD COLUMN id bigserial;', before: ['CREATE TABLE orders (a int);'] },
      // PostgreSQL 18 virtual generated columns are computed on read.
      { sql: 'ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty);', pg: 18 },
      // Functions created in the pending set as STABLE.
      'CREATE FUNCTION app.region() RETURNS text LANGUAGE sql STABLE AS $$ SELECT \'eu\' $$;\nALTER TABLE orders ADD COLUMN region text DEFAULT app.region();',
      "SELECT 'ALTER TABLE t ADD COLUMN u uuid DEFAULT gen_random_uuid()';",
      'ALTER TABLE orders ALTER COLUMN token SET DEFAULT gen_random_uuid();',
    ],
    reported: [
      { sql: 'DO $$\nBEGIN\n  ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();\nEND $$;', at: '3:3', message: '(inside a DO block)' },
      {
        sql: 'ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();',
        at: '1:1',
        message: 'ADD COLUMN token (volatile default gen_random_uuid()) rewrites every row of public.orders under an ACCESS EXCLUSIVE lock',
      },
      { sql: 'SELECT 1;\nALTER TABLE orders ADD COLUMN r int NOT NULL DEFAULT (random() * 10)::int;', at: '2:1', message: 'random()' },
      { sql: 'ALTER TABLE orders ADD COLUMN at timestamptz DEFAULT clock_timestamp();', at: '1:1' },
      { sql: "ALTER TABLE orders ADD COLUMN n bigint DEFAULT nextval('orders_n_seq'::regclass);", at: '1:1', message: 'nextval()' },
      { sql: 'ALTER TABLE orders ADD COLUMN id bigserial;', at: '1:1', message: 'serial' },
      { sql: 'ALTER TABLE orders ADD COLUMN id serial4;', at: '1:1' },
      { sql: 'ALTER TABLE orders ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;', at: '1:1', message: 'identity' },
      { sql: 'ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) STORED;', at: '1:1', message: 'STORED generated column' },
      // Before 11 any non-null default rewrites.
      { sql: "ALTER TABLE orders ADD COLUMN status text DEFAULT 'new';", pg: 10, at: '1:1', message: 'before PostgreSQL 11; this is 10' },
      // User function without a volatility clause is VOLATILE.
      { sql: 'CREATE FUNCTION make_code() RETURNS text LANGUAGE sql AS $$ SELECT md5(random()::text) $$;\nALTER TABLE "Orders" ADD COLUMN code text DEFAULT make_code();', at: '2:1', message: 'public."Orders"' },
    ],
  })

  it('shows the add, set default, backfill path with the default as written', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE orders ADD COLUMN r int NOT NULL DEFAULT (random() * 10)::int, ADD COLUMN x int;'])
    expect(finding?.mitigation).toContain('ALTER TABLE public.orders ADD COLUMN r integer; ALTER TABLE public.orders ALTER COLUMN r SET DEFAULT (random() * 10)::int;')
    expect(finding?.lock).toBe('ACCESS EXCLUSIVE')
  })

  it('on 18 suggests a virtual generated column', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) STORED;'], { pg: 18 })
    expect(finding?.mitigation).toContain('GENERATED ALWAYS AS (price * qty) VIRTUAL')
  })

  describe('against the server', () => {
    let db: TestDatabase
    beforeAll(async () => {
      db = await createTestDatabase('pf_addcol')
    })
    afterAll(async () => {
      await db.drop()
    })

    // The rule reports exactly the ADD COLUMNs that give the table a new relfilenode.
    it.each([
      'ADD COLUMN c uuid DEFAULT gen_random_uuid()',
      'ADD COLUMN c int DEFAULT (random() * 10)::int',
      'ADD COLUMN c timestamptz DEFAULT clock_timestamp()',
      'ADD COLUMN c bigserial',
      'ADD COLUMN c bigint GENERATED ALWAYS AS IDENTITY',
      'ADD COLUMN c int GENERATED ALWAYS AS (id * 2) STORED',
      'ADD COLUMN c timestamptz NOT NULL DEFAULT now()',
      "ADD COLUMN c text NOT NULL DEFAULT 'new'",
      'ADD COLUMN c timestamptz DEFAULT CURRENT_TIMESTAMP',
      'ADD COLUMN c int',
    ])('%s', async (clause) => {
      const major = Math.floor(Number((await db.exec('SHOW server_version_num')).rows[0].server_version_num) / 10000)
      await db.exec('DROP TABLE IF EXISTS t; CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 10);')
      const before = (await db.exec("SELECT relfilenode FROM pg_class WHERE relname = 't'")).rows[0].relfilenode
      await db.exec(`ALTER TABLE t ${clause}`)
      const after = (await db.exec("SELECT relfilenode FROM pg_class WHERE relname = 't'")).rows[0].relfilenode
      const findings = await runRule(rule, [`ALTER TABLE t ${clause};`], { pg: major })
      expect({ clause, reported: findings.length > 0 }).toEqual({ clause, reported: before !== after })
    })
  })

  testSizeGrading(rule, { sql: 'ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();', table: 'public.orders' })
})
