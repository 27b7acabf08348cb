import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/require-concurrent-drop-index.js'
import { runRule, testRule } from '../../support/rule-tester.js'

describe('require-concurrent-drop-index', () => {
  testRule(rule, {
    safe: [
      'DROP INDEX CONCURRENTLY orders_created_idx;',
      'drop index concurrently if exists "Sales"."Orders_idx";',
      // The index belongs to a table created earlier in the pending set.
      'CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nDROP INDEX t_a;',
      { sql: 'DROP INDEX s.t_a;', before: ['CREATE TABLE s.t (a int);\nCREATE INDEX t_a ON s.t (a);'] },
      'DROP TABLE orders;',
      "SELECT 'DROP INDEX i'; -- DROP INDEX j;",
    ],
    reported: [
      { sql: 'DO $$\nBEGIN\n  DROP INDEX orders_created_idx;\nEND $$;', at: '3:3', message: 'public.orders_created_idx (inside a DO block)' },
      { sql: 'DROP INDEX orders_created_idx;', at: '1:1', message: 'DROP INDEX takes an ACCESS EXCLUSIVE lock on the table of public.orders_created_idx' },
      { sql: 'SELECT 1;\n  drop index if exists s.i, s.j cascade;', at: '2:3', message: 'the table of s.i, s.j' },
      // Created on an existing table earlier in the set: the table is known and blocked.
      { sql: 'CREATE INDEX CONCURRENTLY i ON orders (a);\nDROP INDEX i;', at: '2:1', message: 'lock on public.orders' },
      // Same index name in another schema is another index.
      { sql: 'DROP INDEX other.t_a;', before: ['CREATE TABLE s.t (a int);\nCREATE INDEX t_a ON s.t (a);'], at: '1:1' },
    ],
  })

  it('suggests one concurrent statement per index', async () => {
    const [finding] = await runRule(rule, ['DROP INDEX IF EXISTS a, "B";'])
    expect(finding?.mitigation).toContain('DROP INDEX CONCURRENTLY IF EXISTS public.a; DROP INDEX CONCURRENTLY IF EXISTS public."B";')
    expect(finding?.lock).toBe('ACCESS EXCLUSIVE')
  })
})
