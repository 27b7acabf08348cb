import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/require-lock-timeout.js'
import { runRule, testRule } from '../../support/rule-tester.js'

describe('require-lock-timeout', () => {
  testRule(rule, {
    safe: [
      "SET lock_timeout = '2s';\nDO $$\nBEGIN\n  ALTER TABLE orders ADD COLUMN note text;\nEND $$;",
      "DO $$\nBEGIN\n  SET LOCAL lock_timeout = '2s';\n  ALTER TABLE orders ADD COLUMN note text;\nEND $$;",
      "SET lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;",
      // A composite type's lock is no table's: no query queues behind it.
      'ALTER TYPE job_spec ALTER ATTRIBUTE max_attempts TYPE smallint, ADD ATTRIBUTE c text;',
      "set lock_timeout to '2s';\nCREATE INDEX i ON orders (a);\nDROP INDEX j;",
      "SET SESSION lock_timeout = 5000;\nALTER TABLE orders DROP COLUMN note;",
      "SELECT set_config('lock_timeout', '3s', false);\nTRUNCATE orders;",
      // Schema-qualified set_config and a quoted upper-case name (setting names ignore case).
      "SELECT pg_catalog.set_config('lock_timeout', '3s', false);\nTRUNCATE orders;",
      'SET "LOCK_TIMEOUT" = \'3s\';\nTRUNCATE orders;',
      // COMMIT AND CHAIN starts the next transaction, where SET LOCAL works.
      "BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\nSET LOCAL lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;",
      // SET LOCAL works inside the transaction the tool wraps the file in.
      { sql: "SET LOCAL lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;", inTransaction: true },
      "BEGIN;\nSET LOCAL lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;",
      // Weak locks and new tables need none.
      'CREATE INDEX CONCURRENTLY i ON orders (a);',
      'ALTER TABLE orders VALIDATE CONSTRAINT c;',
      'INSERT INTO orders (id) VALUES (1);',
      'CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nCREATE INDEX t_b ON t (b);',
      'LOCK TABLE orders IN ACCESS EXCLUSIVE MODE NOWAIT;',
      "SELECT 'ALTER TABLE orders ADD COLUMN x int';",
    ],
    reported: [
      // What a DO block runs waits for locks too.
      { sql: 'DO $$\nBEGIN\n  ALTER TABLE orders ADD COLUMN note text;\nEND $$;', at: '3:3', message: 'ALTER TABLE waits for an ACCESS EXCLUSIVE lock on public.orders with no lock_timeout (inside a DO block)' },
      {
        sql: 'ALTER TABLE orders ADD COLUMN note text;',
        at: '1:1',
        message: 'ALTER TABLE waits for an ACCESS EXCLUSIVE lock on public.orders with no lock_timeout',
      },
      // lock_timeout = 0 means wait forever.
      { sql: "SET lock_timeout = 0;\nALTER TABLE orders ADD COLUMN note text;", at: '2:1' },
      { sql: "SET lock_timeout = '0s';\nCREATE INDEX i ON orders (a);", at: '2:1', message: 'CREATE INDEX waits for a SHARE lock on public.orders' },
      // Set, then reset.
      { sql: "SET lock_timeout = '5s';\nALTER TABLE a ADD COLUMN x int;\nRESET lock_timeout;\nALTER TABLE b ADD COLUMN x int;", at: '4:1' },
      { sql: "SET lock_timeout = '5s';\nRESET ALL;\nDROP TABLE orders;", at: '3:1' },
      // SET LOCAL does nothing outside a transaction block.
      { sql: "SET LOCAL lock_timeout = '5s';\nALTER TABLE orders ADD COLUMN note text;", at: '2:1', message: 'SET LOCAL lock_timeout at line 1 does nothing outside a transaction block' },
      // SET LOCAL ends with its transaction.
      { sql: "BEGIN;\nSET LOCAL lock_timeout = '5s';\nCOMMIT;\nALTER TABLE orders ADD COLUMN note text;", at: '4:1' },
      // SET LOCAL in the tool's transaction ends at an explicit COMMIT inside the file.
      { sql: "SET LOCAL lock_timeout = '5s';\nCOMMIT;\nALTER TABLE orders ADD COLUMN note text;", inTransaction: true, at: '3:1' },
      // Set in an earlier file: each file is checked on its own.
      { sql: 'ALTER TABLE orders ADD COLUMN note text;', before: ["SET lock_timeout = '5s';"], at: '1:1' },
      // A new table's foreign key locks the referenced existing table.
      { sql: 'CREATE TABLE items (order_id bigint REFERENCES orders (id));', at: '1:1', message: 'SHARE ROW EXCLUSIVE lock on public.orders' },
      { sql: 'SELECT 1;\n/* x */ DROP INDEX orders_a_idx;\nREINDEX TABLE "Orders";', at: ['2:9', '3:1'] },
      { sql: "SET statement_timeout = '5s';\nALTER TABLE orders ALTER COLUMN a SET NOT NULL;", at: '2:1' },
    ],
  })

  it('lists every locked table and the strongest lock', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (u) REFERENCES users (id);'])
    expect(finding?.lock).toBe('SHARE ROW EXCLUSIVE')
    expect(finding?.tables).toEqual(['public.orders', 'public.users'])
    expect(finding?.mitigation).toContain("SET lock_timeout = '5s';")
  })
})
