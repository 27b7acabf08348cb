import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/set-tablespace-or-logged.js'
import { testRule } from '../../support/rule-tester.js'
import { testSizeGrading } from './support/size-cases.js'

describe('set-tablespace-or-logged', () => {
  testRule(rule, {
    safe: [
      'CREATE TABLE staging (a int);\nALTER TABLE staging SET LOGGED;',
      'CREATE UNLOGGED TABLE s (a int);\nALTER TABLE s SET TABLESPACE fast;',
      'ALTER TABLE orders SET (fillfactor = 90);',
      "SELECT 'ALTER TABLE t SET TABLESPACE x';",
    ],
    reported: [
      { sql: 'DO $$\nBEGIN\n  ALTER TABLE orders SET TABLESPACE fast_ssd;\nEND $$;', at: '3:3', message: 'ACCESS EXCLUSIVE lock (inside a DO block)' },
      { sql: 'ALTER TABLE orders SET TABLESPACE fast_ssd;', at: '1:1', message: 'SET TABLESPACE copies table public.orders to the new tablespace under an ACCESS EXCLUSIVE lock' },
      { sql: 'SELECT 1;\nalter table "Audit"."Log" set logged;', at: '2:1', message: 'SET LOGGED rewrites table "Audit"."Log"' },
      { sql: 'ALTER TABLE events SET UNLOGGED;', at: '1:1', message: 'SET UNLOGGED' },
      { sql: 'ALTER TABLE events SET TABLESPACE a, SET LOGGED;', at: ['1:1', '1:1'] },
      { sql: 'ALTER INDEX orders_pkey SET TABLESPACE fast;', at: '1:1', message: 'index public.orders_pkey' },
      { sql: 'ALTER TABLE ALL IN TABLESPACE old SET TABLESPACE new;', at: '1:1', message: 'ALL IN TABLESPACE old' },
      { sql: 'ALTER TABLE events SET ACCESS METHOD heap2;', at: '1:1' },
    ],
  })

  testSizeGrading(rule, { sql: 'ALTER TABLE events SET TABLESPACE archive;', table: 'public.events' })
  testSizeGrading(rule, { sql: 'ALTER MATERIALIZED VIEW daily_totals SET TABLESPACE archive;', table: 'public.daily_totals' })
  // An index is graded by its table, which facts.ts reads under the index name.
  testSizeGrading(rule, { sql: 'ALTER INDEX events_pkey SET TABLESPACE archive;', table: 'index:public.events_pkey' })
})
