import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/require-if-not-exists.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testRerunOnServer } from './support/rerun-cases.js'

// A later statement that can fail, so the migration can stop half-way after the reported one.
const LATER = '\nUPDATE settings SET version = 2;'

describe('require-if-not-exists', () => {
  testRule(rule, {
    safe: [
      // Liquibase records each changeset as it commits: a re-run starts at the changeset that failed.
      { sql: '--liquibase formatted sql\n--changeset a:1\nCREATE TABLE t (id int);\nCREATE TABLE v (id int);\n--changeset a:2\nCREATE TABLE u (id int);', layout: 'liquibase' },
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
      // A file's last statement undoes itself when it fails, so a re-run never meets it done (single-statement files).
      'CREATE TABLE orders (id bigint);',
      'SELECT 1;\nCREATE TYPE mood AS ENUM (\'happy\');',
      // golang-migrate runs a lone statement outside a transaction, and it is still the last one.
      { sql: 'CREATE INDEX i ON orders (a);', layout: 'golang-migrate', inTransaction: true },
      // A file that runs in a transaction rolls back as a whole.
      { sql: 'CREATE TABLE orders (id bigint);', inTransaction: true },
      'BEGIN;\nCREATE TABLE orders (id bigint);\nCOMMIT;',
      "SELECT 'CREATE TABLE orders (id int)';",
      '-- CREATE TABLE orders (id int);\nSELECT 1;',
      'SELECT $$CREATE TABLE orders (id int)$$;',
    ],
    reported: [
      // ...but a changeset without a transaction fails half-way and runs again from its top.
      { sql: '--liquibase formatted sql\n--changeset a:1 runInTransaction:false\nCREATE TABLE t (id int);\nCREATE TABLE u (id int);\n--changeset a:2\nSELECT 1;', layout: 'liquibase', inTransaction: true, at: '3:1' },
      { sql: 'CREATE TABLE orders (id bigint);' + LATER, at: '1:1', message: 'CREATE TABLE orders fails with "already exists"' },
      { sql: 'SELECT 1;\n  create table "Public"."Orders" (id bigint);' + LATER, at: '2:3', message: '"Public"."Orders"' },
      { sql: 'CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);' + LATER, at: '1:1', message: 'INDEX orders_customer_idx' },
      { sql: 'CREATE INDEX ON orders (customer_id);' + LATER, at: '1:1', message: 'second, duplicate index' },
      { sql: 'CREATE SCHEMA app;\nCREATE SEQUENCE app.order_no;\nCREATE EXTENSION pgcrypto;' + LATER, at: ['1:1', '2:1', '3:1'] },
      { sql: "CREATE TYPE mood AS ENUM ('happy');" + LATER, at: '1:1', message: 'CREATE TYPE mood' },
      { sql: 'CREATE TYPE point2 AS (x int, y int);\nCREATE DOMAIN email AS text;' + LATER, at: ['1:1', '2:1'] },
      { sql: 'CREATE MATERIALIZED VIEW totals AS SELECT 1;' + LATER, at: '1:1' },
      { sql: 'CREATE TABLE orders_copy AS SELECT * FROM orders;' + LATER, at: '1:1' },
      { sql: 'DROP TABLE IF EXISTS other;\nCREATE TABLE staging (id int);' + LATER, at: '2:1' },
      { sql: 'BEGIN;\nCOMMIT;\nCREATE TABLE orders (id bigint);' + LATER, at: '3:1' },
      // A failed CREATE INDEX CONCURRENTLY leaves an invalid index of that name behind, even as the last statement.
      { sql: 'CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);', at: '1:1' },
      // Committed by its block before a later statement can fail.
      { sql: 'BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;\nCREATE TABLE b (id int);', at: '2:1' },
      // A COMMIT ends the implicit transaction of a multi-statement file.
      { sql: 'CREATE TABLE a (id int);\nCOMMIT;\nCREATE TABLE b (id int);', layout: 'golang-migrate', inTransaction: true, at: '1:1' },
    ],
  })

  it('says how to write CREATE TYPE idempotently', async () => {
    const [finding] = await runRule(rule, ["CREATE TYPE mood AS ENUM ('happy');" + LATER])
    expect(finding?.mitigation).toContain('EXCEPTION WHEN duplicate_object')
    expect(finding?.severity).toBe('warning')
  })

  it('reports the lock of CREATE INDEX', async () => {
    const [finding] = await runRule(rule, ['CREATE INDEX i ON orders (a);' + LATER])
    expect(finding).toMatchObject({ lock: 'SHARE', tables: ['orders'] })
  })

  describe('on a real server', () => {
    testRerunOnServer(rule, [
      { sql: 'CREATE TABLE orders (id bigint); SELECT 1', failsWith: '42P07' },
      { sql: 'CREATE TABLE IF NOT EXISTS orders (id bigint); CREATE INDEX IF NOT EXISTS orders_id_idx ON orders (id)' },
      { sql: "CREATE TYPE mood AS ENUM ('happy'); SELECT 1", failsWith: '42710' },
      { sql: "DO $$ BEGIN CREATE TYPE mood AS ENUM ('happy'); EXCEPTION WHEN duplicate_object THEN NULL; END $$" },
      { sql: 'DROP TABLE IF EXISTS staging; CREATE TABLE staging (id int)' },
      { sql: 'CREATE SEQUENCE order_no; SELECT 1', failsWith: '42P07' },
    ])
  })

  it('tells a concurrent index build to drop the INVALID leftover of a failed run first', async () => {
    const [finding] = await runRule(rule, ['CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);'])
    expect(finding?.mitigation).toContain('DROP INDEX CONCURRENTLY IF EXISTS orders_customer_idx; then CREATE INDEX CONCURRENTLY re-runs cleanly')
    expect(finding?.mitigation).not.toContain('run the file in a transaction')
  })
})
