import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/require-concurrent-reindex.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { sizedTarget, testSizeGrading } from './support/size-cases.js'

describe('require-concurrent-reindex', () => {
  testRule(rule, {
    safe: [
      'REINDEX INDEX CONCURRENTLY orders_pkey;',
      'REINDEX (VERBOSE, CONCURRENTLY) TABLE public.orders;',
      'REINDEX TABLE CONCURRENTLY orders;',
      'CREATE TABLE t (a int primary key);\nREINDEX TABLE t;',
      'CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nREINDEX INDEX t_a;',
      "SELECT 'REINDEX TABLE t';",
    ],
    reported: [
      { sql: 'DO $$\nBEGIN\n  REINDEX TABLE orders;\nEND $$;', at: '3:3', message: '(inside a DO block)' },
      { sql: 'REINDEX TABLE orders;', at: '1:1', message: 'REINDEX TABLE takes a SHARE lock on public.orders and an ACCESS EXCLUSIVE lock on each of its indexes' },
      { sql: '-- rebuild\nREINDEX INDEX orders_pkey;', at: '2:1', message: 'the table of public.orders_pkey' },
      { sql: 'REINDEX (CONCURRENTLY false) TABLE orders;', at: '1:1' },
      { sql: 'REINDEX SCHEMA app;', at: '1:1', message: 'every table in schema app' },
      { sql: 'REINDEX TABLE orders;', pg: 11, at: '1:1' },
    ],
  })

  it('on 12+ suggests REINDEX CONCURRENTLY', async () => {
    const [finding] = await runRule(rule, ['REINDEX INDEX "Orders_pkey";'], { pg: 13 })
    expect(finding?.mitigation).toBe('Use REINDEX INDEX CONCURRENTLY public."Orders_pkey"; outside a transaction.')
  })

  it('before 12 says there is no concurrent option and suggests a replacement index', async () => {
    const [finding] = await runRule(rule, ['REINDEX INDEX orders_pkey;'], { pg: 11 })
    expect(finding?.mitigation).toContain('PostgreSQL 11 has no REINDEX CONCURRENTLY')
    expect(finding?.mitigation).toContain('CREATE INDEX CONCURRENTLY')
  })

  it('REINDEX SYSTEM has no concurrent form', async () => {
    const [finding] = await runRule(rule, ['REINDEX SYSTEM app;'])
    expect(finding?.mitigation).toContain('cannot run concurrently')
  })

  testSizeGrading(rule, { sql: 'REINDEX TABLE orders;', table: 'public.orders' })
  // REINDEX INDEX names no table: facts.ts reads the size of the index's table under the index name.
  testSizeGrading(rule, { sql: 'REINDEX INDEX orders_pkey;', table: 'index:public.orders_pkey' })
  // An index the pending set created on an existing table: graded by that table.
  testSizeGrading(rule, { sql: 'REINDEX INDEX orders_created_idx;', before: ['CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);'], table: 'public.orders' })

  it('REINDEX SCHEMA names no table: it keeps the rule severity even with a target', async () => {
    const [finding] = await runRule(rule, ['REINDEX SCHEMA app;'], { live: sizedTarget({ 'public.orders': 'small' }) })
    expect(finding?.severity).toBe('error')
    expect(finding?.evidence?.sizeGrade).toBeUndefined()
  })
})
