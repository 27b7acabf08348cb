import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/no-drop-cascade.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testBackupCases } from './support/backup-cases.js'

describe('no-drop-cascade', () => {
  testRule(rule, {
    safe: [
      'DROP TABLE orders;',
      'DROP VIEW v RESTRICT;',
      'CREATE TABLE t (id int);\nDROP TABLE t CASCADE;',
      'CREATE SCHEMA s;\nDROP SCHEMA s CASCADE;',
      'ALTER TABLE orders ADD COLUMN c int;\nALTER TABLE orders DROP COLUMN c CASCADE;',
      "SELECT 'DROP TYPE mood CASCADE';",
      '-- DROP VIEW v CASCADE;\nSELECT 1;',
      'SELECT $$DROP VIEW v CASCADE$$;',
    ],
    reported: [
      { sql: 'DROP VIEW order_totals CASCADE;', at: '1:1', message: 'DROP VIEW order_totals CASCADE also drops' },
      { sql: 'SELECT 1;\n drop type "Mood" cascade;', at: '2:2', message: 'DROP TYPE "Mood" CASCADE' },
      { sql: 'DROP FUNCTION app.f(int) CASCADE;', at: '1:1', message: 'DROP FUNCTION app.f CASCADE' },
      { sql: 'DROP MATERIALIZED VIEW mv CASCADE;', at: '1:1', message: 'DROP MATERIALIZED VIEW mv' },
      { sql: 'DROP TABLE public.orders CASCADE;', at: '1:1' },
      { sql: 'ALTER TABLE orders DROP CONSTRAINT orders_pkey CASCADE;', at: '1:1', message: 'ALTER TABLE orders DROP CONSTRAINT orders_pkey CASCADE also drops' },
      { sql: 'ALTER TABLE "Public".orders DROP COLUMN "Note" CASCADE, DROP CONSTRAINT c CASCADE;', at: '1:1', message: 'ALTER TABLE "Public".orders DROP COLUMN "Note", CONSTRAINT c CASCADE' },
      { sql: 'DROP EXTENSION postgis CASCADE;', at: '1:1', message: 'views, foreign keys and columns elsewhere can disappear' },
      // Only foreign keys can hang on an index or a constraint: the message names what is really at risk.
      { sql: 'DROP INDEX IF EXISTS app.orders_code_key CASCADE;', at: '1:1', message: 'foreign keys that use it as their unique index can disappear' },
      { sql: 'ALTER TABLE orders DROP CONSTRAINT orders_code_key CASCADE;', at: '1:1', message: 'foreign keys that reference the constraint can disappear' },
      { sql: "DO $$ BEGIN EXECUTE 'DROP VIEW v CASCADE'; END $$;", at: '1:13' },
    ],
  })

  testBackupCases(rule, [
    { sql: '-- preflight:backup dependents reviewed in PR 812, dump s3://d/v.sql\nDROP VIEW v CASCADE;', kind: 'directive' },
    { sql: 'DROP TYPE mood CASCADE;', live: { hasPitrBackup: true }, kind: 'pitr' },
  ])

  it('reports the table lock of a cascading table drop', async () => {
    const [finding] = await runRule(rule, ['DROP TABLE orders CASCADE;'])
    expect(finding).toMatchObject({ lock: 'ACCESS EXCLUSIVE', tables: ['orders'] })
  })
})
