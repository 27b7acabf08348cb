import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/constraint-missing-not-valid.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { sizedTarget, testSizeGrading } from './support/size-cases.js'

const ADD_FK_NOT_VALID = 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;'

describe('constraint-missing-not-valid', () => {
  testRule(rule, {
    safe: [
      ADD_FK_NOT_VALID,
      'ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID;',
      // The follow-up VALIDATE in a later migration is the point of NOT VALID.
      { sql: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;', before: [ADD_FK_NOT_VALID] },
      // Same file, but the file is not run in a transaction: each statement commits on its own.
      `${ADD_FK_NOT_VALID}\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;`,
      // Separate explicit transactions.
      `BEGIN;\n${ADD_FK_NOT_VALID}\nCOMMIT;\nBEGIN;\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;\nCOMMIT;`,
      // New table: nothing to check.
      'CREATE TABLE orders (id bigint, user_id bigint);\nALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);',
      { sql: 'ALTER TABLE orders ADD CONSTRAINT c CHECK (id > 0);', before: ['CREATE TABLE IF NOT EXISTS orders (id bigint);'] },
      'ALTER TABLE orders ADD CONSTRAINT u UNIQUE (id);',
      'CREATE TABLE t (a int REFERENCES users (id), CHECK (a > 0));',
      "SELECT 'ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0)';",
    ],
    reported: [
      // Drizzle writes every foreign key inside a DO block that ignores duplicate_object: it still checks every row.
      {
        sql: 'DO $$ BEGIN\n ALTER TABLE "orders" ADD CONSTRAINT "orders_user_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;\nEXCEPTION\n WHEN duplicate_object THEN null;\nEND $$;',
        at: '2:2',
        message: '(inside a DO block)',
      },
      {
        sql: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);',
        at: '1:1',
        message: 'ADD FOREIGN KEY orders_user_fk checks every row of public.orders while holding SHARE ROW EXCLUSIVE locks on public.orders and public.users: writes to both are blocked',
      },
      { sql: 'SELECT 1;\nalter table "Shop"."Orders" add check (amount > 0);', at: '2:1', message: 'ADD CHECK checks every row of "Shop"."Orders" while holding an ACCESS EXCLUSIVE lock on it: reads and writes are blocked' },
      { sql: 'ALTER TABLE orders ADD COLUMN user_id bigint REFERENCES users (id);', at: '1:1', message: 'while holding an ACCESS EXCLUSIVE lock on it and SHARE ROW EXCLUSIVE on public.users' },
      { sql: 'ALTER TABLE orders ADD COLUMN n int CHECK (n > 0), ADD CONSTRAINT c2 CHECK (id > 0);', at: '1:1', message: 'ADD CHECK, CHECK c2' },
      // VALIDATE in the same transaction as the NOT VALID add: the add's lock is held during the scan.
      {
        sql: `${ADD_FK_NOT_VALID}\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;`,
        inTransaction: true,
        at: '2:1',
        message: 'VALIDATE CONSTRAINT orders_user_fk runs in the same transaction as its NOT VALID add (line 1), so the SHARE ROW EXCLUSIVE lock on public.orders',
      },
      {
        sql: 'BEGIN;\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;\n/* then */ ALTER TABLE t VALIDATE CONSTRAINT c;\nCOMMIT;',
        at: '3:12',
        message: 'ACCESS EXCLUSIVE lock on public.t',
      },
    ],
  })

  it('suggests the same statement with NOT VALID and a later VALIDATE', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;'])
    expect(finding?.mitigation).toContain('ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE NOT VALID;')
    expect(finding?.mitigation).toContain('ALTER TABLE public.orders VALIDATE CONSTRAINT fk;')
    expect(finding?.lock).toBe('SHARE ROW EXCLUSIVE')
    expect(finding?.tables).toEqual(['public.orders', 'public.users'])
  })

  it('treats every pending Drizzle migration as one transaction', async () => {
    const files = [ADD_FK_NOT_VALID, 'ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;']
    expect(await runRule(rule, files, { inTransaction: true })).toEqual([])
    const findings = await runRule(rule, files, { layout: 'drizzle', inTransaction: true })
    expect(findings.map((f) => `${f.file}:${f.line}:${f.col}`)).toEqual(['m2.sql:1:1'])
    expect(findings[0]?.message).toContain('(m1.sql:1)')
  })

  testSizeGrading(rule, { sql: 'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0);', table: 'public.orders' })
  testSizeGrading(rule, { sql: 'ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);', table: 'public.users' })
  testSizeGrading(rule, { sql: `${ADD_FK_NOT_VALID}\nALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;`, inTransaction: true, table: 'public.orders' })

  it('grades a foreign key by the larger of its two tables', async () => {
    const sql = ['ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);']
    const [referencedLarge] = await runRule(rule, sql, { live: sizedTarget({ 'public.orders': 'small', 'public.users': 'large' }) })
    expect(referencedLarge).toMatchObject({ severity: 'error', evidence: { sizeGrade: 'large', gradedTable: 'public.users' } })
    expect(referencedLarge?.message).toContain('(public.users has about 50,000,000 rows (12.0 GB))')
    expect(referencedLarge?.evidence?.sizes).toEqual([
      { table: 'public.orders', estimatedRows: 50, totalBytes: 16_384, totalSize: '16.0 kB' },
      { table: 'public.users', estimatedRows: 50_000_000, totalBytes: 12 * 1024 ** 3, totalSize: '12.0 GB' },
    ])
    const [referencingMedium] = await runRule(rule, sql, { live: sizedTarget({ 'public.orders': 'medium', 'public.users': 'small' }) })
    expect(referencingMedium).toMatchObject({ severity: 'warning', evidence: { gradedTable: 'public.orders' } })
    const [bothSmall] = await runRule(rule, sql, { live: sizedTarget({ 'public.orders': 'small', 'public.users': 'small' }) })
    expect(bothSmall?.severity).toBe('info')
  })
})
