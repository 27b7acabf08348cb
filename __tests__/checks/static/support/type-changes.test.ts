/**
 * Which ALTER COLUMN TYPE changes rewrite, checked against the real server: a rewrite gives the
 * table a new relfilenode. changeVerdict must agree for the server's major version.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { loadPostgresParser } from '../../../../src/dialects/postgres/parser.js'
import { changeVerdict, typeSpecOf } from '../../../../src/checks/static/support/type-changes.js'
import { createTestDatabase, type TestDatabase } from '../../../support/pg.js'

// [from, to, sample value]
const CHANGES: readonly (readonly [string, string, string])[] = [
  ['varchar(10)', 'varchar(20)', "'x'"],
  ['varchar(10)', 'varchar(5)', "'x'"],
  ['varchar(10)', 'text', "'x'"],
  ['varchar(10)', 'varchar', "'x'"],
  ['text', 'varchar', "'x'"],
  ['text', 'varchar(100)', "'x'"],
  ['varchar', 'varchar(100)', "'x'"],
  ['char(3)', 'char(5)', "'x'"],
  ['char(3)', 'bpchar', "'x'"],
  ['char(3)', 'text', "'x'"],
  ['numeric(10,2)', 'numeric(12,2)', '1'],
  ['numeric(10,2)', 'numeric(12,3)', '1'],
  ['numeric(10,2)', 'numeric', '1'],
  ['numeric', 'numeric(10,2)', '1'],
  ['cidr', 'inet', "'10.0.0.0/8'"],
  ['bit(3)', 'varbit', "B'101'"],
  ['bit(3)', 'varbit(5)', "B'101'"],
  ['varbit(3)', 'varbit(5)', "B'101'"],
  ['timestamp(3)', 'timestamp(6)', 'now()'],
  ['timestamp', 'timestamp(3)', 'now()'],
  ['time(2)', 'time', "'10:00'"],
  ['interval', 'interval(3)', "'1 day'"],
  ['int', 'bigint', '1'],
  ['int', 'integer', '1'],
  ['smallint', 'int', '1'],
  ['json', 'jsonb', "'{}'"],
  ['varchar(10)[]', 'varchar(20)[]', "'{x}'"],
  ['varchar(10)[]', 'text[]', "'{x}'"],
  ['timestamp', 'timestamptz', 'now()'],
  ['timestamptz', 'timestamp', 'now()'],
]

describe('type changes against the server', () => {
  let db: TestDatabase
  let major = 0

  beforeAll(async () => {
    db = await createTestDatabase('pf_types')
    major = Math.floor(Number((await db.exec('SHOW server_version_num')).rows[0].server_version_num) / 10000)
  })
  afterAll(async () => {
    await db.drop()
  })

  it.each(CHANGES)('%s -> %s', async (from, to, sample) => {
    const parser = await loadPostgresParser()
    const typeOf = (sql: string) => typeSpecOf(parser.parse(`CREATE TABLE x (c ${sql})`).statements[0]!.node.tableElts[0].ColumnDef.typeName)!
    const verdict = changeVerdict(typeOf(from), typeOf(to), major)
    const rewrites = async (timeZone: string): Promise<boolean> => {
      await db.exec('DROP TABLE IF EXISTS tc')
      await db.exec(`CREATE TABLE tc (c ${from})`)
      await db.exec(`INSERT INTO tc VALUES (${sample})`)
      const before = (await db.exec(`SELECT relfilenode FROM pg_class WHERE relname = 'tc'`)).rows[0].relfilenode
      await db.exec(`SET TimeZone = '${timeZone}'`)
      await db.exec(`ALTER TABLE tc ALTER COLUMN c TYPE ${to}`)
      const after = (await db.exec(`SELECT relfilenode FROM pg_class WHERE relname = 'tc'`)).rows[0].relfilenode
      return before !== after
    }
    const inUtc = await rewrites('UTC')
    const elsewhere = await rewrites('Europe/Paris')
    const observed = !elsewhere ? 'no-rewrite' : inUtc ? 'rewrite' : 'rewrite-unless-utc'
    expect(verdict).toBe(observed)
  })
})
