import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/require-if-not-exists.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testRerunOnServer } from './support/rerun-cases.js'

describe('require-if-not-exists', () => {
  testRule(rule, {
    safe: [
      'CREATE TABLE IF NOT EXISTS orders (id bigint);',
      'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_idx ON orders (customer_id);',
      'CREATE SCHEMA IF NOT EXISTS app;',
      'CREATE SEQUENCE IF NOT EXISTS app.order_no;',
      'CREATE EXTENSION IF NOT EXISTS pgcrypto;',
      'CREATE MATERIALIZED VIEW IF NOT EXISTS totals AS SELECT 1;',
      'CREATE TEMP TABLE scratch (id int);',
      // CREATE TYPE has no IF NOT EXISTS: the DO block handles the duplicate.
      "DO $$ BEGIN CREATE TYPE mood AS ENUM ('happy', 'sad'); EXCEPTION WHEN duplicate_object THEN NULL; END $$;",
      // Drop first, then create: runs twice.
      'DROP TABLE IF EXISTS staging;\nCREATE TABLE staging (id int);',
      "DROP TYPE IF EXISTS public.mood;\nCREATE TYPE mood AS ENUM ('happy');",
      // A file that runs in a transaction rolls back as a whole.
      { sql: 'CREATE TABLE orders (id bigint);', inTransaction: true },
      'BEGIN;\nCREATE TABLE orders (id bigint);\nCOMMIT;',
      "SELECT 'CREATE TABLE orders (id int)';",
      '-- CREATE TABLE orders (id int);\nSELECT 1;',
      'SELECT $$CREATE TABLE orders (id int)$$;',
    ],
    reported: [
      { sql: 'CREATE TABLE orders (id bigint);', at: '1:1', message: 'CREATE TABLE orders fails with "already exists"' },
      { sql: 'SELECT 1;\n  create table "Public"."Orders" (id bigint);', at: '2:3', message: '"Public"."Orders"' },
      { sql: 'CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);', at: '1:1', message: 'INDEX orders_customer_idx' },
      { sql: 'CREATE INDEX ON orders (customer_id);', at: '1:1', message: 'second, duplicate index' },
      { sql: 'CREATE SCHEMA app;\nCREATE SEQUENCE app.order_no;\nCREATE EXTENSION pgcrypto;', at: ['1:1', '2:1', '3:1'] },
      { sql: "CREATE TYPE mood AS ENUM ('happy');", at: '1:1', message: 'CREATE TYPE mood' },
      { sql: 'CREATE TYPE point2 AS (x int, y int);\nCREATE DOMAIN email AS text;', at: ['1:1', '2:1'] },
      { sql: 'CREATE MATERIALIZED VIEW totals AS SELECT 1;', at: '1:1' },
      { sql: 'CREATE TABLE orders_copy AS SELECT * FROM orders;', at: '1:1' },
      { sql: 'DROP TABLE IF EXISTS other;\nCREATE TABLE staging (id int);', at: '2:1' },
      { sql: 'BEGIN;\nCOMMIT;\nCREATE TABLE orders (id bigint);', at: '3:1' },
    ],
  })

  it('says how to write CREATE TYPE idempotently', async () => {
    const [finding] = await runRule(rule, ["CREATE TYPE mood AS ENUM ('happy');"])
    expect(finding?.mitigation).toContain('EXCEPTION WHEN duplicate_object')
    expect(finding?.severity).toBe('warning')
  })

  it('reports the lock of CREATE INDEX', async () => {
    const [finding] = await runRule(rule, ['CREATE INDEX i ON orders (a);'])
    expect(finding).toMatchObject({ lock: 'SHARE', tables: ['orders'] })
  })

  describe('on a real server', () => {
    testRerunOnServer(rule, [
      { sql: 'CREATE TABLE orders (id bigint)', failsWith: '42P07' },
      { sql: 'CREATE TABLE IF NOT EXISTS orders (id bigint); CREATE INDEX IF NOT EXISTS orders_id_idx ON orders (id)' },
      { sql: "CREATE TYPE mood AS ENUM ('happy')", failsWith: '42710' },
      { sql: "DO $$ BEGIN CREATE TYPE mood AS ENUM ('happy'); EXCEPTION WHEN duplicate_object THEN NULL; END $$" },
      { sql: 'DROP TABLE IF EXISTS staging; CREATE TABLE staging (id int)' },
      { sql: 'CREATE SEQUENCE order_no', failsWith: '42P07' },
    ])
  })
})
