import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/no-narrowing-type-change.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testBackupCases } from './support/backup-cases.js'

/** Live facts giving the target's current column types. */
const live = (types: Record<string, string>) => ({ live: { columnTypes: new Map(Object.entries(types)) } })

describe('no-narrowing-type-change', () => {
  testRule(rule, {
    safe: [
      // Old type unknown: not certain, so not reported.
      'ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);',
      'ALTER TABLE orders ALTER COLUMN id TYPE integer;',
      // Widening.
      { sql: 'ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);', ...live({ 'public.orders.note': 'character varying(100)' }) },
      { sql: 'ALTER TABLE orders ALTER COLUMN note TYPE text;', ...live({ 'public.orders.note': 'character varying(100)' }) },
      { sql: 'ALTER TABLE orders ALTER COLUMN id TYPE bigint;', ...live({ 'public.orders.id': 'integer' }) },
      { sql: 'ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2);', ...live({ 'public.orders.total': 'numeric(12,2)' }) },
      { sql: 'ALTER TABLE orders ALTER COLUMN at TYPE timestamptz;', ...live({ 'public.orders.at': 'timestamp without time zone' }) },
      // New columns and tables hold no older data.
      'ALTER TABLE orders ADD COLUMN code varchar(100);\nALTER TABLE orders ALTER COLUMN code TYPE varchar(10);',
      'CREATE TABLE t (n bigint);\nALTER TABLE t ALTER COLUMN n TYPE int;',
      // USING that does not cut.
      'ALTER TABLE orders ALTER COLUMN status TYPE order_status USING status::order_status;',
      "SELECT 'ALTER TABLE orders ALTER COLUMN note TYPE varchar(5) USING left(note, 5)';",
      '-- ALTER TABLE orders ALTER COLUMN note TYPE varchar(5) USING left(note, 5);\nSELECT 1;',
    ],
    reported: [
      { sql: 'ALTER TABLE orders ALTER COLUMN note TYPE varchar(50);', ...live({ 'public.orders.note': 'character varying(100)' }), at: '1:1', message: 'from varchar(100) to varchar(50)' },
      { sql: 'SELECT 1;\nalter table "Public"."Orders" alter "Note" type varchar(5);', ...live({ 'Public.Orders.Note': 'text' }), at: '2:1', message: 'values longer than 5 characters make it fail' },
      { sql: 'ALTER TABLE public.orders ALTER COLUMN id TYPE integer;', ...live({ 'public.orders.id': 'bigint' }), at: '1:1', message: 'from bigint to integer' },
      { sql: 'ALTER TABLE orders ALTER COLUMN qty TYPE smallint;', ...live({ 'public.orders.qty': 'integer' }), at: '1:1' },
      { sql: 'ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);', ...live({ 'public.orders.total': 'numeric(12,4)' }), at: '1:1', message: 'rounded away' },
      { sql: 'ALTER TABLE orders ALTER COLUMN total TYPE numeric(8,2);', ...live({ 'public.orders.total': 'numeric' }), at: '1:1' },
      { sql: 'ALTER TABLE orders ALTER COLUMN total TYPE integer;', ...live({ 'public.orders.total': 'numeric(12,2)' }), at: '1:1', message: 'fractional digits' },
      { sql: 'ALTER TABLE orders ALTER COLUMN placed_at TYPE date;', ...live({ 'public.orders.placed_at': 'timestamp with time zone' }), at: '1:1', message: 'time of day' },
      { sql: 'ALTER TABLE orders ALTER COLUMN code TYPE char(3);', ...live({ 'public.orders.code': 'character varying(10)' }), at: '1:1' },
      // Old type known from an earlier change in the same pending set.
      { sql: 'ALTER TABLE orders ALTER COLUMN n TYPE bigint;\nALTER TABLE orders ALTER COLUMN n TYPE int;', at: '2:1', message: 'from bigint to integer' },
      // The USING clause cuts values whatever the old type.
      { sql: 'ALTER TABLE orders ALTER COLUMN note TYPE varchar(5) USING left(note, 5);', at: '1:1', message: 'USING left(...) cuts the values' },
      { sql: 'ALTER TABLE orders ALTER COLUMN placed_at TYPE date USING placed_at::date;', at: '1:1', message: 'time of day' },
      { sql: "DO $$ BEGIN EXECUTE 'ALTER TABLE orders ALTER COLUMN note TYPE varchar(5) USING substr(note, 1, 5)'; END $$;", at: '1:13' },
    ],
  })

  testBackupCases(rule, [
    { sql: '-- preflight:backup notes exported, OPS-9\nALTER TABLE orders ALTER COLUMN note TYPE varchar(5) USING left(note, 5);', kind: 'directive' },
    { sql: 'CREATE TABLE orders_notes AS SELECT id, note FROM orders;\nALTER TABLE orders ALTER COLUMN note TYPE varchar(5) USING left(note, 5);', kind: 'copy' },
  ])

  it('reports the lock, the table and both types', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE orders ALTER COLUMN id TYPE int;'], live({ 'public.orders.id': 'bigint' }))
    expect(finding).toMatchObject({ lock: 'ACCESS EXCLUSIVE', tables: ['orders'], evidence: { from: 'bigint', to: 'integer', fromSource: 'the target' } })
  })
})

/**
 * Against a real server: the catalog's own type names (format_type) feed the rule as live facts,
 * and each change the rule reports really fails or changes a value, while the unreported ones keep
 * every value.
 */
describe('no-narrowing-type-change on a real server', () => {
  let db: TestDatabase
  const cases = [
    { column: 'v', type: 'varchar(100)', value: "repeat('x', 60)", to: 'varchar(50)', isNarrowing: true },
    { column: 't', type: 'text', value: "'abcdefgh'", to: 'varchar(5)', isNarrowing: true },
    { column: 'b', type: 'bigint', value: '5000000000', to: 'integer', isNarrowing: true },
    { column: 'n', type: 'numeric(12,4)', value: '1.2345', to: 'numeric(12,2)', isNarrowing: true },
    { column: 'ts', type: 'timestamptz', value: "'2026-11-25 13:45:00+00'", to: 'date', isNarrowing: true },
    { column: 'c', type: 'char(3)', value: "'abc'", to: 'char(2)', isNarrowing: true },
    { column: 'p', type: 'timestamp(6)', value: "'2026-11-25 13:45:00.123456'", to: 'timestamp(3)', isNarrowing: true },
    { column: 'i', type: 'integer', value: '7', to: 'bigint', isNarrowing: false },
    { column: 'w', type: 'varchar(10)', value: "'abc'", to: 'text', isNarrowing: false },
    { column: 'm', type: 'numeric(8,2)', value: '12.34', to: 'numeric(12,4)', isNarrowing: false },
  ] as const

  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(`CREATE TABLE orders (${cases.map((c) => `${c.column} ${c.type}`).join(', ')})`)
    await db.exec(`INSERT INTO orders VALUES (${cases.map((c) => c.value).join(', ')})`)
  })
  afterAll(async () => {
    await db.drop()
  })

  it.each(cases)('$column $type -> $to is reported only when it narrows', async (c) => {
    const { rows } = await db.exec(
      `SELECT attname AS column, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attnum > 0`,
    )
    const columnTypes = new Map(rows.map((r) => [`public.orders.${r.column}`, String(r.type)]))
    const findings = await runRule(rule, [`ALTER TABLE orders ALTER COLUMN ${c.column} TYPE ${c.to};`], { live: { columnTypes } })
    expect(findings.length).toBe(c.isNarrowing ? 1 : 0)

    await db.exec('BEGIN')
    try {
      let outcome: 'failed' | 'changed' | 'kept'
      try {
        await db.exec(`ALTER TABLE orders ALTER COLUMN ${c.column} TYPE ${c.to}`)
        // Compared as values, so 12.34 and 12.3400 are the same.
        const after = await db.exec(`SELECT ${c.column} = (${c.value})::${c.type} AS same FROM orders`)
        outcome = after.rows[0].same ? 'kept' : 'changed'
      } catch (error) {
        // 22001 string too long, 22003 out of range: the narrowing change fails on existing data.
        expect(['22001', '22003']).toContain((error as { code?: string }).code)
        outcome = 'failed'
      }
      expect(outcome === 'kept').toBe(!c.isNarrowing)
    } finally {
      await db.exec('ROLLBACK')
    }
  })
})
