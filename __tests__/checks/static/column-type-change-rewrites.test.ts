import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/column-type-change-rewrites.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { sizedTarget, testSizeGrading } from './support/size-cases.js'

/** An existing table's column whose type the pending set declares (ADD COLUMN on an existing table). */
const withColumn = (type: string): string => `ALTER TABLE users ADD COLUMN c ${type};`

/** Live facts giving the target's current column types (format_type text). */
const live = (types: Record<string, string>) => ({ live: { columnTypes: new Map(Object.entries(types)) } })

describe('column-type-change-rewrites', () => {
  testRule(rule, {
    safe: [
      // Binary-coercible changes (checked on PostgreSQL 15 and 18 by relfilenode).
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE varchar(200);', before: [withColumn('varchar(100)')] },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE text;', before: [withColumn('varchar(100)')] },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE varchar;', before: [withColumn('character varying(100)')] },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE varchar;', before: [withColumn('text')] },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE numeric(12,2);', before: [withColumn('numeric(10,2)')] },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE numeric;', before: [withColumn('decimal(10,2)')] },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE inet;', before: [withColumn('cidr')] },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE varbit;', before: [withColumn('bit(3)')] },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE varbit(10);', before: [withColumn('bit varying(5)')] },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE timestamp(6);', before: [withColumn('timestamp(3)')] },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE timestamptz;', before: [withColumn('timestamptz(3)')] },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE integer;', before: [withColumn('int4')] },
      // Same file, existing table: the ADD COLUMN earlier in the file declares the type.
      'ALTER TABLE users ADD COLUMN c varchar(10);\nALTER TABLE users ALTER c TYPE varchar(20);',
      // Unknown old type, but the target is one a widening reaches: given the benefit of the doubt.
      'ALTER TABLE users ALTER COLUMN name TYPE text;',
      'ALTER TABLE users ALTER COLUMN name TYPE varchar(255);',
      'ALTER TABLE users ALTER COLUMN price TYPE numeric(12,2);',
      // The target's own type (live facts) decides: widenings from it do not rewrite.
      { sql: 'ALTER TABLE users ALTER COLUMN name TYPE varchar(200);', ...live({ 'public.users.name': 'character varying(100)' }) },
      { sql: 'ALTER TABLE users ALTER COLUMN created_at TYPE timestamptz;', ...live({ 'public.users.created_at': 'timestamp(3) with time zone' }) },
      { sql: 'ALTER TABLE app.users ALTER COLUMN "Code" TYPE text;', ...live({ 'app.users.Code': 'character varying(10)' }) },
      // An earlier statement of the pending set is newer than the target's type.
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE varchar(20);', before: ['ALTER TABLE users ALTER COLUMN c TYPE varchar(10);'], ...live({ 'public.users.c': 'integer' }) },
      // A renamed column keeps the target type of its old name.
      { sql: 'ALTER TABLE users RENAME COLUMN old TO c;\nALTER TABLE users ALTER COLUMN c TYPE text;', ...live({ 'public.users.old': 'character varying(10)' }) },
      // New table.
      'CREATE TABLE users (id int);\nALTER TABLE users ALTER COLUMN id TYPE bigint;',
      "SELECT 'ALTER TABLE users ALTER COLUMN id TYPE bigint';",
    ],
    reported: [
      { sql: 'DO $$\nBEGIN\n  ALTER TABLE posts ALTER COLUMN props TYPE jsonb USING props::jsonb;\nEND $$;', at: '3:3', message: 'under an ACCESS EXCLUSIVE lock (inside a DO block)' },
      { sql: 'ALTER TABLE users ALTER COLUMN id TYPE bigint;', at: '1:1', message: 'ALTER COLUMN TYPE id to bigint rewrites public.users and rebuilds its indexes under an ACCESS EXCLUSIVE lock' },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE bigint;', before: [withColumn('integer')], at: '1:1', message: 'c integer -> bigint' },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE varchar(50);', before: [withColumn('varchar(100)')], at: '1:1', message: 'varchar(100) -> varchar(50)' },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE varchar(50);', before: [withColumn('text')], at: '1:1' },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE numeric(12,3);', before: [withColumn('numeric(10,2)')], at: '1:1' },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE numeric(10,2);', before: [withColumn('numeric')], at: '1:1' },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE char(5);', before: [withColumn('char(3)')], at: '1:1' },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE varbit(5);', before: [withColumn('bit(3)')], at: '1:1' },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE varchar(20)[];', before: [withColumn('varchar(10)[]')], at: '1:1' },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE jsonb;', before: [withColumn('json')], at: '1:1' },
      // USING computes every value: a rewrite.
      { sql: 'SELECT 1;\nALTER TABLE users ALTER COLUMN name TYPE text USING trim(name);', at: '2:1', message: 'USING' },
      { sql: 'ALTER TABLE "Users" ALTER COLUMN id TYPE uuid USING id::text::uuid, ALTER COLUMN n TYPE int8;', at: '1:1', message: 'public."Users"' },
      // timestamp -> timestamptz depends on the session TimeZone (12+), and always rewrites before 12.
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE timestamptz;', before: [withColumn('timestamp')], at: '1:1', message: 'unless the session TimeZone is UTC' },
      { sql: 'ALTER TABLE users ALTER COLUMN c TYPE timestamptz;', before: [withColumn('timestamp')], pg: 11, at: '1:1' },
      // With a target, its type replaces the guess: integer to text rewrites.
      { sql: 'ALTER TABLE users ALTER COLUMN name TYPE text;', ...live({ 'public.users.name': 'integer' }), at: '1:1', message: 'name integer -> text' },
      { sql: 'ALTER TABLE users ALTER COLUMN name TYPE varchar(50);', ...live({ 'public.users.name': 'character varying(100)' }), at: '1:1', message: 'name varchar(100) -> varchar(50)' },
      { sql: 'ALTER TABLE users RENAME COLUMN old TO c;\nALTER TABLE users ALTER COLUMN c TYPE bigint;', ...live({ 'public.users.old': 'character varying(10)' }), at: '2:1', message: 'c varchar(10) -> bigint' },
      { sql: 'ALTER TABLE users ALTER COLUMN created_at TYPE timestamptz;', ...live({ 'public.users.created_at': 'timestamp without time zone' }), at: '1:1', message: 'created_at timestamp -> timestamptz' },
      // Prisma's enum swap: the new enum type keeps its quoted spelling in the message.
      { sql: 'ALTER TABLE "Ticket" ALTER COLUMN "status" TYPE "Status_new" USING ("status"::text::"Status_new");', at: '1:1', message: 'status to "Status_new" USING ...' },
      // Unknown old type: to timestamptz is almost always from timestamp.
      { sql: 'ALTER TABLE users ALTER COLUMN created_at TYPE timestamp with time zone;', at: '1:1', message: 'created_at to timestamptz rewrites public.users and rebuilds its indexes under an ACCESS EXCLUSIVE lock unless the session TimeZone is UTC' },
    ],
  })

  it('grades the UTC-dependent change as a warning', async () => {
    const [finding] = await runRule(rule, [withColumn('timestamp'), 'ALTER TABLE users ALTER COLUMN c TYPE timestamp with time zone;'])
    expect(finding?.severity).toBe('warning')
    expect(finding?.mitigation).toContain("SET TimeZone = 'UTC'")
    const [old] = await runRule(rule, [withColumn('timestamp'), 'ALTER TABLE users ALTER COLUMN c TYPE timestamptz;'], { pg: 11 })
    expect(old?.severity).toBe('error')
  })

  it('suggests the new-column path', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE users ALTER COLUMN id TYPE bigint;'])
    expect(finding?.mitigation).toContain('ALTER TABLE public.users ADD COLUMN id_new bigint;')
    expect(finding?.lock).toBe('ACCESS EXCLUSIVE')
  })
})

/**
 * Against a real server: the catalog's own type names (format_type) feed the rule as live facts,
 * and the rule reports exactly the changes that give the table a new relfilenode (a rewrite).
 */
describe('column-type-change-rewrites on a real server', () => {
  let db: TestDatabase
  const cases = [
    { column: 'v', type: 'varchar(100)', to: 'varchar(200)' },
    { column: 'w', type: 'varchar(100)', to: 'text' },
    { column: 's', type: 'varchar(100)', to: 'varchar(50)' },
    { column: 't', type: 'integer', to: 'text' },
    { column: 'i', type: 'integer', to: 'bigint' },
    { column: 'n', type: 'numeric(10,2)', to: 'numeric(12,2)' },
    { column: 'm', type: 'numeric(10,2)', to: 'numeric(12,3)' },
    { column: 'c', type: 'cidr', to: 'inet' },
    { column: 'p', type: 'timestamptz(3)', to: 'timestamptz' },
    { column: 'q', type: 'timestamp', to: 'timestamptz' },
    { column: 'j', type: 'json', to: 'jsonb' },
    { column: 'x', type: '"char"', to: 'text' },
  ] as const

  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(`CREATE TABLE users (${cases.map((c) => `${c.column} ${c.type}`).join(', ')})`)
  })
  afterAll(async () => {
    await db.drop()
  })

  it.each(cases)('$column $type -> $to is reported only when it rewrites', async (c) => {
    const { rows } = await db.exec(
      `SELECT attname AS column, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = 'users'::regclass AND attnum > 0 AND NOT attisdropped`,
    )
    const columnTypes = new Map(rows.map((r) => [`public.users.${r.column}`, String(r.type)]))
    const findings = await runRule(rule, [`ALTER TABLE users ALTER COLUMN ${c.column} TYPE ${c.to};`], { live: { columnTypes } })

    await db.exec('BEGIN')
    try {
      // Not UTC, so timestamp -> timestamptz rewrites as the rule says it may.
      await db.exec("SET LOCAL TimeZone = 'America/New_York'")
      const before = await db.exec("SELECT pg_relation_filenode('users') AS f")
      await db.exec(`ALTER TABLE users ALTER COLUMN ${c.column} TYPE ${c.to}`)
      const after = await db.exec("SELECT pg_relation_filenode('users') AS f")
      expect(findings.length).toBe(before.rows[0].f === after.rows[0].f ? 0 : 1)
    } finally {
      await db.exec('ROLLBACK')
    }
  })

  testSizeGrading(rule, { sql: 'ALTER TABLE users ALTER COLUMN age TYPE integer USING age::integer;', table: 'public.users' })

  it('a rewrite that TimeZone UTC avoids is at most a warning on a large table, and info on a small one', async () => {
    const sql = ['ALTER TABLE events ALTER COLUMN at TYPE timestamptz;']
    expect((await runRule(rule, sql, { live: sizedTarget({ 'public.events': 'large' }) }))[0]?.severity).toBe('warning')
    expect((await runRule(rule, sql, { live: sizedTarget({ 'public.events': 'small' }) }))[0]?.severity).toBe('info')
    expect((await runRule(rule, sql))[0]?.severity).toBe('warning')
  })
})
