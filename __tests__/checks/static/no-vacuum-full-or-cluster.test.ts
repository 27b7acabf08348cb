import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/no-vacuum-full-or-cluster.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { sizedTarget, testSizeGrading } from './support/size-cases.js'

describe('no-vacuum-full-or-cluster', () => {
  testRule(rule, {
    safe: [
      'VACUUM orders;',
      'VACUUM (ANALYZE) orders;',
      'VACUUM (FULL false) orders;',
      'ANALYZE orders;',
      'CREATE TABLE t (a int);\nVACUUM FULL t;',
      'CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nCLUSTER t USING t_a;',
      "SELECT 'VACUUM FULL t';",
    ],
    reported: [
      { sql: 'VACUUM FULL orders;', at: '1:1', message: 'VACUUM FULL rewrites public.orders under an ACCESS EXCLUSIVE lock: reads and writes are blocked' },
      { sql: 'VACUUM (FULL, ANALYZE) orders, "Items";', at: '1:1', message: 'public.orders, public."Items"' },
      { sql: 'SELECT 1;\nvacuum full;', at: '2:1', message: 'every table in the database' },
      { sql: 'CLUSTER orders USING orders_created_idx;', at: '1:1', message: 'CLUSTER rewrites public.orders' },
      { sql: 'CLUSTER;', at: '1:1', message: 'every previously clustered table' },
      { sql: 'CREATE TABLE t (a int);\nVACUUM FULL t, orders;', at: '2:1', message: 'rewrites public.orders under' },
    ],
  })

  testSizeGrading(rule, { sql: 'VACUUM FULL orders;', table: 'public.orders' })
  testSizeGrading(rule, { sql: 'CLUSTER orders USING orders_pkey;', table: 'public.orders' })

  it('grades several tables by the largest, and keeps the rule severity when no table is named', async () => {
    const live = sizedTarget({ 'public.orders': 'small', 'public.events': 'large' })
    const [several] = await runRule(rule, ['VACUUM FULL orders, events;'], { live })
    expect(several).toMatchObject({ severity: 'error', evidence: { gradedTable: 'public.events' } })
    expect(several?.message).toContain('rewrites public.orders, public.events (public.events has about 50,000,000 rows (12.0 GB)) under')
    const [everything] = await runRule(rule, ['VACUUM FULL;'], { live })
    expect(everything?.severity).toBe('error')
  })
})
