import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/no-drop-table.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testBackupCases } from './support/backup-cases.js'

describe('no-drop-table', () => {
  testRule(rule, {
    safe: [
      'CREATE TABLE t (id bigint);\nDROP TABLE t;',
      { sql: 'DROP TABLE public.orders;', before: ['CREATE TABLE orders (id bigint);'] },
      'CREATE TABLE "Public"."Orders" (id bigint); DROP TABLE "Public"."Orders";',
      'CREATE TABLE s AS SELECT 1 AS x; DROP TABLE s;',
      'DROP VIEW v; DROP INDEX i; DROP MATERIALIZED VIEW mv;',
      "SELECT 'DROP TABLE orders';",
      '-- DROP TABLE orders;\nSELECT 1;',
      '/* DROP TABLE orders; */ SELECT 1;',
      'SELECT $$DROP TABLE orders$$;',
      "COMMENT ON TABLE orders IS 'DROP TABLE orders later';",
      // A function body runs when called, not when created.
      'CREATE FUNCTION cleanup() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE orders; END $$;',
      // A directive before a DO block covers what the block runs, reported at its own line.
      '-- preflight:ignore no-drop-table archived under ticket OPS-12\nDO $$\nBEGIN\n  DROP TABLE orders;\nEND $$;',
      "DO $$ BEGIN RAISE NOTICE 'DROP TABLE orders'; END $$;",
      'DO $$ BEGIN CREATE TABLE scratch (id int); DROP TABLE scratch; END $$;',
    ],
    reported: [
      { sql: 'DROP TABLE orders;', at: '1:1', message: 'DROP TABLE deletes orders' },
      { sql: 'SELECT 1;\n  drop table IF EXISTS "Public"."Orders" cascade;', at: '2:3', message: 'CASCADE also drops' },
      { sql: 'DROP TABLE public.orders;', before: ['CREATE TABLE "Public"."Orders" (id bigint);'], at: '1:1', message: 'public.orders' },
      { sql: 'Drop Table a, b;\nDROP TABLE c;', at: ['1:1', '2:1'], message: 'a, b and all their rows' },
      { sql: 'CREATE TABLE a (id int);\nDROP TABLE a, b;', at: '2:1', message: 'deletes b and' },
      { sql: "DO $$ BEGIN EXECUTE 'DROP TABLE orders'; END $$;", at: '1:13', message: 'EXECUTE inside a DO block' },
      { sql: 'SELECT 1;\nDO $$\nBEGIN\n  DROP TABLE orders;\nEND\n$$;', at: '4:3', message: 'inside a DO block' },
      { sql: "DO $$ BEGIN EXECUTE 'DROP TABLE ' || 'orders'; END $$;", at: '1:13' },
      { sql: "DO $do$ BEGIN EXECUTE $x$DROP TABLE orders$x$; END $do$;", at: '1:15' },
      {
        sql: 'CREATE FUNCTION cleanup() RETURNS void LANGUAGE plpgsql AS $$ BEGIN DROP TABLE orders; END $$;\nSELECT cleanup();',
        at: '2:1',
        message: 'in cleanup() called here',
      },
      { sql: "CREATE PROCEDURE p() LANGUAGE sql AS 'DROP TABLE orders';\nCALL public.p();", at: '2:1' },
      { sql: 'CREATE TABLE orders_copy AS SELECT id FROM orders;\nDROP TABLE orders;', at: '2:1' },
    ],
  })

  testBackupCases(rule, [
    { sql: '-- preflight:backup s3://backups/2026-11-25/orders.dump\nDROP TABLE orders;', kind: 'directive', reference: 's3://backups/2026-11-25/orders.dump' },
    { sql: 'CREATE TABLE orders_backup AS SELECT * FROM orders;\nDROP TABLE orders;', kind: 'copy', reference: 'orders_backup copied at m1.sql:1' },
    { sql: 'SELECT * INTO archive.orders FROM public.orders; DROP TABLE orders;', kind: 'copy' },
    { sql: 'INSERT INTO orders_archive SELECT * FROM orders; DROP TABLE orders;', kind: 'copy' },
    { sql: 'DROP TABLE orders;', live: { hasPitrBackup: true }, kind: 'pitr' },
    { sql: 'DROP TABLE orders;', live: { hasPitrBackup: false }, kind: 'none' },
    { sql: 'CREATE TEMP TABLE keep AS SELECT * FROM orders; DROP TABLE orders;', kind: 'none' },
    { sql: "CREATE TABLE keep AS SELECT * FROM orders WHERE status = 'open'; DROP TABLE orders;", kind: 'none' },
    { sql: 'CREATE TABLE keep AS SELECT * FROM orders JOIN items USING (id); DROP TABLE orders;', kind: 'none' },
    { sql: 'DROP TABLE orders;\nCREATE TABLE keep AS SELECT * FROM orders;', kind: 'none' },
    { sql: '-- preflight:backup snapshot-42\nSELECT 1;\nDROP TABLE orders;', kind: 'none' },
    { sql: 'CREATE TABLE a_copy AS SELECT * FROM a; DROP TABLE a, b;', kind: 'none' },
  ])

  it('reports the lock and the tables', async () => {
    const [finding] = await runRule(rule, ['DROP TABLE public.orders, items;'])
    expect(finding).toMatchObject({ lock: 'ACCESS EXCLUSIVE', tables: ['public.orders', 'items'], severity: 'error' })
  })
})
