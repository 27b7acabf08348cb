import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/no-drop-column.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testBackupCases } from './support/backup-cases.js'

describe('no-drop-column', () => {
  testRule(rule, {
    safe: [
      'ALTER TABLE orders ADD COLUMN note text;\nALTER TABLE orders DROP COLUMN note;',
      { sql: 'ALTER TABLE public.orders DROP COLUMN note;', before: ['ALTER TABLE orders ADD COLUMN note text;'] },
      'CREATE TABLE t (a int, b int); ALTER TABLE t DROP COLUMN b;',
      // A generated column on the target: its values come from the other columns (kestra drops and re-adds one to change it).
      { sql: 'ALTER TABLE logs DROP COLUMN fulltext;', live: { generatedColumns: new Set(['public.logs.fulltext']) } },
      'ALTER TABLE orders DROP CONSTRAINT orders_check, ADD COLUMN x int;',
      "SELECT 'ALTER TABLE orders DROP COLUMN note';",
      '-- ALTER TABLE orders DROP COLUMN note;\nSELECT 1;',
      'SELECT $q$ALTER TABLE orders DROP COLUMN note$q$;',
      'ALTER TYPE address DROP ATTRIBUTE street;',
    ],
    reported: [
      { sql: 'ALTER TABLE orders DROP COLUMN note;', at: '1:1', message: 'DROP COLUMN deletes orders.note' },
      { sql: 'ALTER TABLE logs DROP COLUMN fulltext, DROP COLUMN body;', live: { generatedColumns: new Set(['public.logs.fulltext']) }, at: '1:1', message: 'DROP COLUMN deletes logs.body in every row' },
      { sql: 'SELECT 1;\nalter table "Public"."Orders" drop column if exists "Note" cascade;', at: '2:1', message: '"Public"."Orders"."Note"' },
      { sql: 'ALTER TABLE public.orders DROP COLUMN note;', before: ['ALTER TABLE "Public".orders ADD COLUMN note text;'], at: '1:1' },
      { sql: 'ALTER TABLE orders ADD COLUMN a int;\nALTER TABLE orders DROP COLUMN a, DROP COLUMN b;', at: '2:1', message: 'orders.b in every row' },
      { sql: 'ALTER TABLE orders DROP COLUMN a;\nALTER TABLE orders ADD COLUMN a int;\nALTER TABLE orders DROP COLUMN a;', at: '1:1' },
      { sql: "DO $$ BEGIN EXECUTE 'ALTER TABLE orders DROP COLUMN note'; END $$;", at: '1:13' },
    ],
  })

  testBackupCases(rule, [
    { sql: '-- preflight:backup ticket OPS-12: orders.note exported\nALTER TABLE orders DROP COLUMN note;', kind: 'directive', reference: 'OPS-12' },
    { sql: 'CREATE TABLE orders_note AS SELECT id, note FROM orders;\nALTER TABLE orders DROP COLUMN note;', kind: 'copy' },
    { sql: 'CREATE TABLE orders_all AS SELECT * FROM orders;\nALTER TABLE orders DROP COLUMN note, DROP COLUMN memo;', kind: 'copy' },
    { sql: 'CREATE TABLE orders_ids AS SELECT id FROM orders;\nALTER TABLE orders DROP COLUMN note;', kind: 'none' },
    { sql: 'CREATE TABLE orders_note AS SELECT id, note FROM orders;\nALTER TABLE orders DROP COLUMN note, DROP COLUMN memo;', kind: 'none' },
    { sql: 'ALTER TABLE orders DROP COLUMN note;', live: { hasPitrBackup: true }, kind: 'pitr' },
  ])

  it('reports the lock and the table', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE app.orders DROP COLUMN note;'])
    expect(finding).toMatchObject({ lock: 'ACCESS EXCLUSIVE', tables: ['app.orders'], evidence: { table: 'app.orders', columns: ['note'] } })
  })
})
