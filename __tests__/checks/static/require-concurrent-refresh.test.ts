import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/require-concurrent-refresh.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testSizeGrading } from './support/size-cases.js'

describe('require-concurrent-refresh', () => {
  testRule(rule, {
    safe: [
      'REFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary;',
      'CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;\nREFRESH MATERIALIZED VIEW mv;',
      "SELECT 'REFRESH MATERIALIZED VIEW mv';",
    ],
    reported: [
      { sql: 'DO $$\nBEGIN\n  REFRESH MATERIALIZED VIEW sales_summary;\nEND $$;', at: '3:3', message: 'public.sales_summary (inside a DO block)' },
      { sql: 'REFRESH MATERIALIZED VIEW sales_summary;', at: '1:1', message: 'REFRESH MATERIALIZED VIEW takes an ACCESS EXCLUSIVE lock on public.sales_summary: reads and writes are blocked' },
      { sql: 'SELECT 1;\n  refresh materialized view reports."Daily";', at: '2:3', message: 'reports."Daily"' },
      { sql: 'REFRESH MATERIALIZED VIEW mv WITH NO DATA;', at: '1:1' },
    ],
  })

  it('names the unique index CONCURRENTLY needs', async () => {
    const [finding] = await runRule(rule, ['REFRESH MATERIALIZED VIEW mv;'])
    expect(finding?.mitigation).toContain('REFRESH MATERIALIZED VIEW CONCURRENTLY public.mv;')
    expect(finding?.mitigation).toContain('UNIQUE index')
  })

  // The view's own size: the refresh recomputes it while every read of it waits.
  testSizeGrading(rule, { sql: 'REFRESH MATERIALIZED VIEW sales_summary;', table: 'public.sales_summary' })
})
