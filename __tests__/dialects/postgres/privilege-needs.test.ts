import { describe, expect, it } from '@jest/globals'
import { loadPostgresParser } from '../../../src/dialects/postgres/parser.js'
import { namedObjects, pendingNeeds } from '../../../src/dialects/postgres/privilege-needs.js'
import { fakeMigration } from '../../support/live-context.js'

/** Needs of each statement of `sql`, as "line: need" strings. */
async function needs(sql: string): Promise<string[]> {
  const parsed = (await loadPostgresParser()).parse(sql)
  return pendingNeeds([{ migration: fakeMigration('m.sql', sql), parsed }]).flatMap(({ ref, needs: list }) =>
    list.map((n) => `${ref.stmt.line}: ${n.kind}${'table' in n ? ` ${n.table}` : ''}${n.kind === 'schema-create' ? ` ${n.schema}` : ''}${n.kind === 'table-privilege' ? ` ${n.anyOf.join('|')}` : ''}${n.kind === 'extension' ? ` ${n.name}` : ''}`),
  )
}

describe('privilege needs', () => {
  it('asks ownership for ALTER, CREATE INDEX, RENAME, COMMENT and DROP', async () => {
    expect(
      await needs(
        ['ALTER TABLE orders ADD COLUMN a int;', 'CREATE INDEX i ON sales.orders (a);', 'ALTER TABLE orders RENAME TO orders2;', "COMMENT ON COLUMN orders.a IS 'x';", 'DROP TABLE old_orders;'].join('\n'),
      ),
    ).toEqual(['1: owner public.orders', '2: owner sales.orders', '3: owner public.orders', '4: owner public.orders', '5: owner public.old_orders'])
  })

  it('asks table privileges for DML, TRUNCATE, triggers and foreign keys', async () => {
    expect(
      await needs(
        [
          'INSERT INTO t VALUES (1);',
          'UPDATE t SET a = 1;',
          'DELETE FROM t;',
          'TRUNCATE t;',
          'CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f();',
          'ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (t_id) REFERENCES t (id);',
        ].join('\n'),
      ),
    ).toEqual([
      '1: table-privilege public.t INSERT',
      '2: table-privilege public.t UPDATE',
      '3: table-privilege public.t DELETE',
      '4: table-privilege public.t TRUNCATE',
      '5: table-privilege public.t TRIGGER',
      '6: owner public.c',
      '6: table-privilege public.t REFERENCES',
    ])
  })

  it('asks CREATE on schemas and the database, and extension rights', async () => {
    expect(await needs('CREATE TABLE reports.daily (a int);\nCREATE SCHEMA audit;\nCREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE FUNCTION util.f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;')).toEqual([
      '1: schema-create reports',
      '2: database-create',
      '3: extension pg_trgm',
      '4: schema-create util',
    ])
  })

  it('needs nothing more for objects the pending set created earlier', async () => {
    expect(await needs('CREATE TABLE t (a int);\nALTER TABLE t ADD COLUMN b int;\nCREATE SCHEMA s;\nCREATE TABLE s.x (a int);\nCREATE INDEX ON s.x (a);')).toEqual([
      // An unqualified CREATE goes to the first existing schema of the search_path, resolved on the target.
      '1: schema-create $current_schema',
      '3: database-create',
    ])
  })

  it('collects every named table and schema for one query', async () => {
    const sql = 'ALTER TABLE a ADD c int;\nINSERT INTO b VALUES (1);\nCREATE TABLE s.t (a int);'
    const parsed = (await loadPostgresParser()).parse(sql)
    expect(namedObjects(pendingNeeds([{ migration: fakeMigration('m.sql', sql), parsed }]))).toEqual({ tables: ['public.a', 'public.b'], schemas: ['s'] })
  })
})
