import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/no-truncate.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testBackupCases } from './support/backup-cases.js'

describe('no-truncate', () => {
  testRule(rule, {
    safe: [
      'CREATE TABLE staging (id int);\nINSERT INTO staging VALUES (1);\nTRUNCATE staging;',
      { sql: 'TRUNCATE TABLE public.staging;', before: ['CREATE TABLE staging AS SELECT 1 AS x;'] },
      "SELECT 'TRUNCATE orders';",
      '-- TRUNCATE orders;\nSELECT 1;',
      'SELECT $body$ TRUNCATE orders $body$;',
      'CREATE FUNCTION reset() RETURNS void LANGUAGE sql AS $$ TRUNCATE orders $$;',
    ],
    reported: [
      { sql: 'TRUNCATE orders;', at: '1:1', message: 'TRUNCATE deletes every row of orders under an ACCESS EXCLUSIVE lock' },
      { sql: 'SELECT 1;\ntruncate table ONLY "Public"."Orders", items RESTART IDENTITY CASCADE;', at: '2:1', message: 'CASCADE also empties' },
      { sql: 'CREATE TABLE staging (id int);\nTRUNCATE staging, orders;', at: '2:1', message: 'every row of orders under' },
      { sql: "DO $$ BEGIN IF true THEN EXECUTE 'TRUNCATE orders'; END IF; END $$;", at: '1:26' },
      { sql: 'CREATE FUNCTION reset() RETURNS void LANGUAGE sql AS $$ TRUNCATE orders $$;\nSELECT reset();', at: '2:1' },
    ],
  })

  testBackupCases(rule, [
    { sql: '-- preflight:backup snapshot rds:orders-2026-11-25\nTRUNCATE orders;', kind: 'directive', reference: 'rds:orders-2026-11-25' },
    { sql: 'CREATE TABLE orders_backup AS SELECT * FROM orders; TRUNCATE orders;', kind: 'copy' },
    { sql: 'CREATE TABLE orders_backup AS SELECT * FROM orders; TRUNCATE orders CASCADE;', kind: 'none' },
    { sql: 'TRUNCATE orders CASCADE;', live: { hasPitrBackup: true }, kind: 'pitr' },
  ])

  it('reports the lock and the tables', async () => {
    const [finding] = await runRule(rule, ['TRUNCATE app.orders, items;'])
    expect(finding).toMatchObject({ lock: 'ACCESS EXCLUSIVE', tables: ['app.orders', 'items'] })
  })
})
