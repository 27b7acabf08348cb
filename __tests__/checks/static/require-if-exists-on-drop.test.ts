import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/require-if-exists-on-drop.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testRerunOnServer } from './support/rerun-cases.js'

// A later statement that can fail, so the migration can stop half-way after the reported one.
const LATER = '\nUPDATE settings SET version = 2;'

describe('require-if-exists-on-drop', () => {
  testRule(rule, {
    safe: [
      'DROP TABLE IF EXISTS orders;',
      // The file's last statement undoes itself when it fails: a re-run does not meet it done.
      'ALTER TABLE plans DROP COLUMN name;',
      'DROP INDEX CONCURRENTLY IF EXISTS orders_idx;',
      'DROP VIEW IF EXISTS v; DROP TYPE IF EXISTS mood; DROP FUNCTION IF EXISTS f(int);',
      'DROP DATABASE IF EXISTS scratch; DROP ROLE IF EXISTS temp_user;',
      'ALTER TABLE orders DROP COLUMN IF EXISTS note, DROP CONSTRAINT IF EXISTS orders_check;',
      // Created earlier in the same file: a re-run creates it again first.
      'CREATE TABLE staging (id int);\nDROP TABLE staging;',
      'CREATE INDEX tmp_idx ON orders (a);\nDROP INDEX tmp_idx;',
      { sql: 'DROP TABLE orders;', inTransaction: true },
      'BEGIN;\nDROP TABLE orders;\nCOMMIT;',
      "SELECT 'DROP TABLE orders';",
      '-- DROP TABLE orders;\nSELECT 1;',
      'SELECT $$DROP TABLE orders$$;',
    ],
    reported: [
      // The last statement of a file is safe only when it is the last: here a later one can fail.
      { sql: 'ALTER TABLE plans DROP COLUMN name;\nALTER TABLE plans DROP COLUMN tiers;', at: '1:1' },
      { sql: 'DROP TABLE orders;' + LATER, at: '1:1', message: 'DROP TABLE orders fails with "does not exist"' },
      { sql: 'SELECT 1;\n  drop view "Public"."V";' + LATER, at: '2:3', message: 'DROP VIEW "Public"."V"' },
      { sql: 'DROP INDEX CONCURRENTLY orders_idx;' + LATER, at: '1:1', message: 'DROP INDEX CONCURRENTLY orders_idx' },
      { sql: 'DROP TYPE mood;\nDROP FUNCTION app.f(int);' + LATER, at: ['1:1', '2:1'] },
      { sql: 'ALTER TABLE orders DROP COLUMN note, DROP CONSTRAINT c;' + LATER, at: '1:1', message: 'ALTER TABLE orders DROP COLUMN note, ALTER TABLE orders DROP CONSTRAINT c' },
      { sql: 'DROP ROLE reporting;' + LATER, at: '1:1' },
      { sql: 'CREATE TABLE staging (id int);\nDROP TABLE staging, orders;' + LATER, at: '2:1', message: 'DROP TABLE orders fails' },
    ],
  })

  it('shows the statement with IF EXISTS', async () => {
    const [drop] = await runRule(rule, ['DROP MATERIALIZED VIEW totals;' + LATER])
    expect(drop?.mitigation).toBe('Add IF EXISTS: DROP MATERIALIZED VIEW IF EXISTS totals.')
    const [alter] = await runRule(rule, ['ALTER TABLE orders DROP COLUMN note;' + LATER])
    expect(alter?.mitigation).toBe('Add IF EXISTS: ALTER TABLE orders DROP COLUMN IF EXISTS note.')
    expect(alter).toMatchObject({ lock: 'ACCESS EXCLUSIVE', tables: ['orders'] })
  })

  describe('on a real server', () => {
    testRerunOnServer(rule, [
      { setup: 'CREATE TABLE orders (id int, note text)', sql: 'DROP TABLE orders; SELECT 1', failsWith: '42P01' },
      { setup: 'CREATE TABLE orders (id int, note text)', sql: 'ALTER TABLE orders DROP COLUMN note; SELECT 1', failsWith: '42703' },
      { setup: 'CREATE TABLE orders (id int, note text)', sql: 'ALTER TABLE orders DROP COLUMN IF EXISTS note; DROP INDEX IF EXISTS orders_note_idx' },
      { sql: 'CREATE TABLE staging (id int); DROP TABLE staging' },
    ])
  })
})
