import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/one-access-exclusive-per-transaction.js'
import { runRule, testRule } from '../../support/rule-tester.js'

const TWO = 'ALTER TABLE orders ADD COLUMN a int;\nALTER TABLE users ADD COLUMN b int;'

describe('one-access-exclusive-per-transaction', () => {
  testRule(rule, {
    safe: [
      // Autocommit: each statement is its own transaction.
      TWO,
      { sql: 'ALTER TABLE orders ADD COLUMN a int;\nALTER TABLE orders ADD COLUMN b int;\nALTER TABLE public.orders DROP COLUMN c;', inTransaction: true },
      // Weaker locks on the second table.
      { sql: 'ALTER TABLE orders ADD COLUMN a int;\nCREATE INDEX i ON users (a);\nALTER TABLE users VALIDATE CONSTRAINT c;', inTransaction: true },
      // New tables block nobody.
      { sql: 'CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nALTER TABLE orders ADD COLUMN a int;', inTransaction: true },
      'BEGIN;\nALTER TABLE orders ADD COLUMN a int;\nCOMMIT;\nBEGIN;\nALTER TABLE users ADD COLUMN b int;\nCOMMIT;',
      { sql: 'ALTER TABLE users ADD COLUMN b int;', before: ['ALTER TABLE orders ADD COLUMN a int;'], inTransaction: true },
      // COMMIT inside the file ends the transaction, whether the tool's implicit one (Prisma's enum swap) or its own BEGIN.
      { sql: `BEGIN;\nALTER TABLE orders ALTER COLUMN s TYPE s_new USING (s::text::s_new);\nCOMMIT;\nALTER TABLE users DROP COLUMN b;`, layout: 'prisma', inTransaction: true },
      { sql: `ALTER TABLE orders ADD COLUMN a int;\nCOMMIT;\nALTER TABLE users ADD COLUMN b int;`, layout: 'flyway', inTransaction: true },
      // A table renamed and then altered under its new name is still one table.
      { sql: 'ALTER TABLE site RENAME TO local_site;\nALTER TABLE local_site ADD COLUMN a int;', inTransaction: true },
      { sql: 'ALTER TABLE app.t RENAME TO u;\nALTER TABLE app.u ADD COLUMN b int;', inTransaction: true },
      // Two indexes of possibly the same table: the table is unknown, so it is not counted.
      { sql: 'DROP INDEX orders_a_idx;\nDROP INDEX orders_b_idx;', inTransaction: true },
    ],
    reported: [
      // A DO block runs as one statement: its locks are held together even outside a transaction.
      { sql: 'DO $$\nBEGIN\n  ALTER TABLE orders ADD COLUMN a int;\n  ALTER TABLE users ADD COLUMN b int;\nEND $$;', at: '4:3', message: 'ACCESS EXCLUSIVE lock on public.orders (line 3)' },
      { sql: TWO, inTransaction: true, at: '2:1', message: 'This transaction already holds an ACCESS EXCLUSIVE lock on public.orders (line 1) and now takes one on public.users' },
      { sql: `BEGIN;\n${TWO}\nALTER TABLE items ADD COLUMN c int;\nCOMMIT;`, at: '3:1' },
      { sql: 'SELECT 1;\nalter table a add column x int, add column y int;\n-- then\nTRUNCATE b;', inTransaction: true, at: '4:1' },
      { sql: 'START TRANSACTION;\nDROP TABLE old_a;\nDROP TABLE old_b;\nEND;', at: '3:1' },
      { sql: 'ALTER TABLE site RENAME TO local_site;\nALTER TABLE local_site ADD COLUMN a int;\nALTER TABLE users ADD COLUMN b int;', inTransaction: true, at: '3:1', message: 'lock on public.site (line 1) and now takes one on public.users' },
      // After a COMMIT, the rest of a multi-statement query is one new implicit transaction.
      { sql: `BEGIN;\nSELECT 1;\nCOMMIT;\n${TWO}`, layout: 'prisma', inTransaction: true, at: '5:1' },
    ],
  })

  it('explains why the statements share a transaction', async () => {
    const [finding] = await runRule(rule, [TWO], { inTransaction: true })
    expect(finding?.help).toContain('test: in a transaction')
    expect(finding?.tables).toEqual(['public.orders', 'public.users'])
    expect(finding?.severity).toBe('warning')
  })
})
