import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/require-concurrent-index.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testSizeGrading } from './support/size-cases.js'

describe('require-concurrent-index', () => {
  testRule(rule, {
    safe: [
      'CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);',
      'create unique index concurrently if not exists i on "Sales"."Orders" (id);',
      // New in the pending set: empty, nobody to block.
      'SET search_path TO app, public;\nCREATE TABLE orders (id bigint);\nCREATE INDEX orders_id ON app.orders (id);\nCREATE INDEX orders_id2 ON orders (id);',
      'CREATE TABLE orders (id bigint, created_at timestamptz);\nCREATE INDEX orders_created_idx ON orders (created_at);',
      { sql: 'CREATE INDEX orders_created_idx ON public.orders (created_at);', before: ['CREATE TABLE orders (id bigint, created_at timestamptz);'] },
      'CREATE SCHEMA app;\nCREATE TABLE app.t (a int);\nCREATE INDEX t_a ON app.t (a);',
      // ON ONLY the partitioned parent builds nothing.
      'CREATE INDEX measurements_idx ON ONLY measurements (logdate);',
      "-- CREATE INDEX i ON t (a);\nSELECT 'CREATE INDEX i ON t (a)';",
    ],
    reported: [
      // Under SET search_path the new table is app.orders: public.orders is another, existing table.
      { sql: 'SET search_path TO app;\nCREATE TABLE orders (id bigint);\nCREATE INDEX orders_id ON public.orders (id);', at: '3:1', message: 'public.orders' },
      // What a DO block runs builds indexes too, at its own line; CONCURRENTLY cannot go inside the block.
      { sql: 'DO $$ BEGIN EXECUTE $q$CREATE INDEX i ON t (a)$q$; END $$;', at: '1:13', message: 'SHARE lock on public.t (EXECUTE inside a DO block)' },
      {
        sql: "DO $$\nBEGIN\n  IF NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'i') THEN\n    CREATE INDEX i ON orders (a);\n  END IF;\nEND $$;",
        at: '4:5',
        message: 'public.orders (inside a DO block)',
      },
      { sql: 'CREATE INDEX orders_created_idx ON orders (created_at);', at: '1:1', message: 'CREATE INDEX takes a SHARE lock on public.orders: writes are blocked until the build finishes' },
      { sql: 'SELECT 1;\n\n  Create Unique Index i ON s.t USING btree (a) WHERE a > 0;', at: '3:3', message: 'SHARE lock on s.t' },
      { sql: 'CREATE INDEX i ON "Orders" (a);', at: '1:1', message: 'public."Orders"' },
      // Dropped and re-created under the same name is new only from the CREATE on.
      { sql: 'CREATE INDEX i ON t (a);\nCREATE TABLE u (a int);', at: '1:1' },
      { sql: 'CREATE INDEX a ON t (a);\n/* comment */ CREATE INDEX b ON t (b);', at: ['1:1', '2:15'] },
      { sql: 'CREATE INDEX i ON t (a);', before: ['CREATE TABLE t (a int);\nDROP TABLE t;'], at: '1:1' },
    ],
  })

  it('suggests the concurrent statement and says how to leave the transaction', async () => {
    const [finding] = await runRule(rule, ['create unique index i on t (a);'], { inTransaction: true })
    expect(finding?.mitigation).toContain('create unique index CONCURRENTLY i on t (a);')
    expect(finding?.mitigation).toContain('cannot run in a transaction (test: in a transaction)')
    expect(finding?.lock).toBe('SHARE')
    expect(finding?.tables).toEqual(['public.t'])
  })

  testSizeGrading(rule, { sql: 'CREATE INDEX orders_created_idx ON orders (created_at);', table: 'public.orders' })
})
