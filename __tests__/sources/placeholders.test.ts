/**
 * Placeholders a migration tool fills in before running a file (Flyway's ${name}, psql's :name,
 * :'name' and :"name"): replaced where the tool replaces them, left alone elsewhere.
 */
import { describe, expect, it } from '@jest/globals'
import { placeholderNear, substitutePlaceholders } from '../../src/sources/placeholders.js'
import { loadPostgresParser } from '../../src/dialects/postgres/parser.js'

const values = { schema: 'graphile_worker', owner: "o'brien", 'flyway:defaultSchema': 'app', dir: 'C:\\data', Quoted: 'My "Table"' }

describe('substitutePlaceholders', () => {
  it.each([
    ['create table :schema.jobs (id int);', 'create table graphile_worker.jobs (id int);'],
    ["select set_config('x', :'owner', false);", "select set_config('x', 'o''brien', false);"],
    ['select :\'dir\';', "select E'C:\\\\data';"],
    ['create table :"Quoted" (id int);', 'create table "My ""Table""" (id int);'],
    ['set search_path to ${flyway:defaultSchema};', 'set search_path to app;'],
    // Flyway replaces ${name} everywhere, strings and comments too.
    ["-- in ${schema}\nselect '${schema}';", "-- in graphile_worker\nselect 'graphile_worker';"],
  ])('replaces %j', (sql, expected) => {
    expect(substitutePlaceholders(sql, values)).toBe(expected)
  })

  it.each([
    // Casts, unknown names, longer names, and := are not placeholders.
    'select x::schema, y := 1, :unknown, :schemas, :schema$x;',
    'select ${unknown}, $1, ${};',
  ])('leaves %j as it is', (sql) => {
    expect(substitutePlaceholders(sql, values)).toBe(sql)
  })

  it('replaces configured names everywhere, as graphile-worker and Flyway do, and after a cast', () => {
    expect(substitutePlaceholders("select ':schema', $$ :schema $$; -- :schema", values)).toBe("select 'graphile_worker', $$ graphile_worker $$; -- graphile_worker")
    expect(substitutePlaceholders('select row(1)::::schema.job_spec, x::int;', values)).toBe('select row(1)::::schema.job_spec, x::int;')
    expect(substitutePlaceholders('select array[row(1)]:::schema.job_spec[];', values)).toBe('select array[row(1)]::graphile_worker.job_spec[];')
  })

  it('keeps every line where it was', () => {
    const sql = 'create table :schema.a (id int);\n\nalter table ${schema}.a\n  add column b int;\n'
    const out = substitutePlaceholders(sql, values)
    expect(out.split('\n').length).toBe(sql.split('\n').length)
    expect(out.split('\n')[3]).toBe('  add column b int;')
  })

  it('makes graphile-worker style migrations parse as PostgreSQL', async () => {
    const parser = await loadPostgresParser()
    const sql = 'create table :schema.jobs (id bigserial primary key, queue_name text default (public.gen_random_uuid())::text);\nalter table :schema.jobs enable row level security;\n'
    expect(parser.parse(sql).syntaxError).toEqual({ message: 'syntax error at or near ":"', line: 1, col: 14 })
    const parsed = parser.parse(substitutePlaceholders(sql, values))
    expect(parsed.syntaxError).toBeUndefined()
    expect(parsed.statements.map((s) => s.node.relation?.schemaname)).toEqual(['graphile_worker', 'graphile_worker'])
  })

  it('returns the same text without configured placeholders', () => {
    const sql = 'create table :schema.jobs (id int);'
    expect(substitutePlaceholders(sql, {})).toBe(sql)
  })
})

describe('placeholderNear', () => {
  it('finds the placeholder at or just after an error column', () => {
    expect(placeholderNear('alter table :SCHEMA.jobs add x int;', 12)).toEqual({ text: ':SCHEMA', name: 'SCHEMA' })
    expect(placeholderNear('  to logto_tenant_${database};', 19)).toEqual({ text: '${database}', name: 'database' })
    expect(placeholderNear("select :'owner';", 7)).toEqual({ text: ":'owner'", name: 'owner' })
    expect(placeholderNear('select x::int from t where;', 25)).toBeUndefined()
    expect(placeholderNear('select :a, 1 +;', 13)).toBeUndefined()
    expect(placeholderNear('select x:::T.y;', 10)).toEqual({ text: ':T', name: 'T' })
  })
})
