/**
 * The lock levels in locks.ts, checked against the real server: each statement runs in a
 * transaction and pg_locks shows what it holds on the fixture tables before ROLLBACK.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { loadPostgresParser } from '../../../src/dialects/postgres/parser.js'
import { statementLocks } from '../../../src/dialects/postgres/locks.js'
import { LOCK_MODES, type LockMode } from '../../../src/engine/model.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

const FIXTURE = `
CREATE TABLE u (id int PRIMARY KEY);
CREATE TABLE t (id int PRIMARY KEY, a int, b text);
CREATE INDEX t_a ON t (a);
ALTER TABLE t ADD CONSTRAINT t_a_fk FOREIGN KEY (a) REFERENCES u (id) NOT VALID;
CREATE TABLE p (id int) PARTITION BY LIST (id);
CREATE TABLE c (id int);
CREATE TABLE d (id int);
ALTER TABLE p ATTACH PARTITION d FOR VALUES IN (9);
CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER t_trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION trg();
CREATE SCHEMA s;
`

const TABLES = ['u', 't', 'p', 'c', 'd', 'mv']

// Statements whose table locks locks.ts must report exactly (by the strongest mode held).
const STATEMENTS = [
  'ALTER TABLE t ADD COLUMN x int',
  'ALTER TABLE t ADD COLUMN x int REFERENCES u (id)',
  'ALTER TABLE t ADD CONSTRAINT fk2 FOREIGN KEY (a) REFERENCES u (id) NOT VALID',
  'ALTER TABLE t ADD CONSTRAINT c1 CHECK (a > 0) NOT VALID',
  'ALTER TABLE t VALIDATE CONSTRAINT t_a_fk',
  'ALTER TABLE t ALTER COLUMN a SET STATISTICS 100',
  'ALTER TABLE t SET (fillfactor = 70)',
  'ALTER TABLE t ALTER COLUMN a SET NOT NULL',
  'ALTER TABLE t ALTER COLUMN b TYPE varchar(10)',
  'ALTER TABLE t DISABLE TRIGGER t_trg',
  'ALTER TABLE t RENAME COLUMN b TO b2',
  'ALTER TABLE t RENAME TO t2',
  'ALTER TABLE t SET SCHEMA s',
  'ALTER TABLE p ATTACH PARTITION c FOR VALUES IN (1)',
  'ALTER TABLE p DETACH PARTITION d',
  'CREATE TABLE c2 PARTITION OF p FOR VALUES IN (2)',
  'CREATE TABLE v (id int REFERENCES u (id))',
  'CREATE TABLE w (id int, FOREIGN KEY (id) REFERENCES t (id))',
  'CREATE INDEX ON t (b)',
  'CREATE TRIGGER t_trg2 AFTER UPDATE ON t FOR EACH ROW EXECUTE FUNCTION trg()',
  'DROP TRIGGER t_trg ON t',
  'CREATE POLICY pol ON t USING (true)',
  'CREATE STATISTICS st ON a, id FROM t',
  'CREATE RULE r AS ON INSERT TO c DO INSTEAD NOTHING',
  'REFRESH MATERIALIZED VIEW mv',
  'REINDEX TABLE t',
  'TRUNCATE c',
  'DROP TABLE c',
  'LOCK TABLE c IN SHARE ROW EXCLUSIVE MODE',
  'ANALYZE t',
  'CLUSTER t USING t_a',
]

const PG_MODES: Readonly<Record<string, LockMode>> = {
  AccessShareLock: 'ACCESS SHARE',
  RowShareLock: 'ROW SHARE',
  RowExclusiveLock: 'ROW EXCLUSIVE',
  ShareUpdateExclusiveLock: 'SHARE UPDATE EXCLUSIVE',
  ShareLock: 'SHARE',
  ShareRowExclusiveLock: 'SHARE ROW EXCLUSIVE',
  ExclusiveLock: 'EXCLUSIVE',
  AccessExclusiveLock: 'ACCESS EXCLUSIVE',
}

/** Locks of SHARE UPDATE EXCLUSIVE or stronger: the ones that block schema changes or writes. */
function isSignificant(mode: LockMode): boolean {
  return LOCK_MODES.indexOf(mode) >= LOCK_MODES.indexOf('SHARE UPDATE EXCLUSIVE')
}

describe('statementLocks against the server', () => {
  let db: TestDatabase
  let major = 0
  // Fixture table names by oid: a renamed table keeps its oid inside the transaction.
  const names = new Map<number, string>()

  beforeAll(async () => {
    db = await createTestDatabase('pf_locks')
    major = Math.floor(Number((await db.exec('SHOW server_version_num')).rows[0].server_version_num) / 10000)
    await db.exec(FIXTURE)
    const { rows } = await db.exec(`SELECT oid::int AS oid, relname FROM pg_class WHERE relname = ANY($1) AND relnamespace = 'public'::regnamespace`, [TABLES])
    for (const row of rows) names.set(row.oid, row.relname)
  })
  afterAll(async () => {
    await db.drop()
  })

  it.each(STATEMENTS)('%s', async (sql) => {
    const parser = await loadPostgresParser()
    const stmt = parser.parse(sql).statements[0]!
    const expected: Record<string, LockMode> = {}
    for (const l of statementLocks(stmt, major)) {
      const name = l.table.replace(/^public\./, '')
      if (TABLES.includes(name) && isSignificant(l.lock)) expected[name] = l.lock
    }
    const client = await db.connect()
    await client.query('BEGIN')
    await client.query(sql)
    const { rows } = await client.query(`SELECT relation::int AS oid, mode FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation'`)
    await client.query('ROLLBACK')
    const observed: Record<string, LockMode> = {}
    for (const row of rows) {
      const table = names.get(row.oid)
      const mode = PG_MODES[row.mode as string]
      if (!table || !mode || !isSignificant(mode)) continue
      const seen = observed[table]
      observed[table] = seen && LOCK_MODES.indexOf(seen) >= LOCK_MODES.indexOf(mode) ? seen : mode
    }
    expect({ sql, locks: expected }).toEqual({ sql, locks: observed })
  })
})
