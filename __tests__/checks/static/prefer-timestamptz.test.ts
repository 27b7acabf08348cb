import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/prefer-timestamptz.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { configSchema } from '../../../src/config/schema.js'
import { loadPostgresParser } from '../../../src/dialects/postgres/parser.js'
import { silentLog } from '../../../src/engine/log.js'
import { runStaticRules } from '../../../src/engine/static-runner.js'

describe('prefer-timestamptz', () => {
  testRule(rule, {
    safe: [
      'CREATE TABLE orders (placed_at timestamptz, shipped_at timestamp with time zone, d date, t time);',
      'ALTER TABLE orders ADD COLUMN placed_at timestamptz(3);',
      'ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz USING placed_at AT TIME ZONE \'UTC\';',
      'CREATE TABLE t ("timestamp" text);',
      "SELECT 'CREATE TABLE t (at timestamp)';",
      '-- ALTER TABLE t ADD COLUMN at timestamp;\nSELECT 1;',
      'SELECT $$CREATE TABLE t (at timestamp)$$, now()::timestamp;',
    ],
    reported: [
      { sql: 'CREATE TABLE orders (id bigint, placed_at timestamp);', at: '1:1', message: 'orders.placed_at is timestamp without time zone' },
      { sql: 'SELECT 1;\n  create table "Public"."Orders" ("At" TIMESTAMP WITHOUT TIME ZONE, b timestamp(3));', at: '2:3', message: '"Public"."Orders"."At", "Public"."Orders".b are' },
      { sql: 'ALTER TABLE orders ADD COLUMN shipped_at timestamp;\nALTER TABLE orders ALTER COLUMN placed_at TYPE timestamp;', at: ['1:1', '2:1'] },
      { sql: 'CREATE TABLE t (history timestamp[]);', at: '1:1' },
      { sql: "DO $$ BEGIN EXECUTE 'ALTER TABLE orders ADD COLUMN at timestamp'; END $$;", at: '1:13' },
    ],
  })

  it('reports the ALTER TABLE lock', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE orders ADD COLUMN at timestamp;'])
    expect(finding).toMatchObject({ lock: 'ACCESS EXCLUSIVE', tables: ['orders'] })
  })

  it('is switched off by config like any rule', async () => {
    const parser = await loadPostgresParser()
    const sql = 'CREATE TABLE t (at timestamp);'
    const migration = { id: 'm1', name: 'm1', path: 'm1.sql', absPath: '/virtual/m1.sql', sql, raw: sql, kind: 'versioned' as const, runsInTransaction: false, transactionReason: 'test' }
    const [result] = await runStaticRules({
      rules: [rule],
      files: [{ migration, parsed: parser.parse(sql) }],
      config: configSchema.parse({ rules: { 'prefer-timestamptz': 'off' } }),
      postgresVersion: 16,
      versionSource: 'config',
      layout: undefined,
      live: {},
      log: silentLog,
      knownIds: new Set([rule.id]),
    })
    expect(result).toMatchObject({ status: 'skip', findings: [] })
  })
})
