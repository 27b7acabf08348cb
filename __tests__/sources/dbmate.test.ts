import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../src/engine/errors.js'
import { dbmate } from '../../src/sources/layouts/dbmate.js'
import { detectLayout } from '../../src/sources/layouts/index.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { isReadOnly, makeProject, recordingQuery, type TempProject } from './helpers.js'

/** The table dbmate's postgres driver creates (pkg/driver/postgres CreateMigrationsTable). */
const DBMATE_DDL = 'CREATE TABLE IF NOT EXISTS "public"."schema_migrations" (version varchar(128) PRIMARY KEY)'

const USERS = `-- migrate:up
CREATE TABLE users (id bigint);

-- migrate:down
DROP TABLE users;
`
const INDEX = '-- migrate:up transaction:false\r\nCREATE INDEX CONCURRENTLY users_id ON users (id);\r\n-- migrate:down\r\nDROP INDEX users_id;\r\n'

let project: TempProject
let db: TestDatabase
const seen: string[] = []

beforeAll(async () => {
  project = await makeProject({
    'db/migrations/20240101000000_create_users.sql': USERS,
    'db/migrations/20240102000000_index_users.sql': INDEX,
    'db/migrations/20240103000000_note.sql': '-- migrate:up\n-- café ☕ comment\nSELECT 1;\n',
    'broken/20240101000000_no_marker.sql': 'CREATE TABLE t (id int);\n',
  })
  db = await createTestDatabase('pf_dbmate')
})

afterAll(async () => {
  await db?.drop()
  await project?.remove()
})

/** Lists the fixture folder with the layout default for transactions. */
const list = () => dbmate.list(project.at('db/migrations'), project.root, { transaction: 'auto' })

describe('dbmate layout', () => {
  it('is detected from a "-- migrate:up" line', async () => {
    const found = await detectLayout(project.at('db/migrations'))
    expect(found?.layout.name).toBe('dbmate')
    expect(found?.reason).toBe('found "-- migrate:up" in 20240101000000_create_users.sql')
  })

  it('lists files in version order with the version string as id', async () => {
    const files = await list()
    expect(files.map((f) => [f.id, f.name])).toEqual([
      ['20240101000000', 'create_users'],
      ['20240102000000', 'index_users'],
      ['20240103000000', 'note'],
    ])
  })

  it('keeps only the up section, blanked in place so offsets and lines match the file', async () => {
    const [users, index, note] = await list()
    expect(users!.raw).toBe(USERS)
    expect(users!.sql).toHaveLength(USERS.length)
    expect(users!.sql.split('\n')).toHaveLength(USERS.split('\n').length)
    expect(users!.sql.indexOf('CREATE TABLE users')).toBe(USERS.indexOf('CREATE TABLE users'))
    expect(users!.sql).not.toMatch(/DROP|migrate:/)
    expect(users!.sql.trim()).toBe('CREATE TABLE users (id bigint);')
    // CRLF files keep their CRs, so line structure is the same.
    expect(index!.sql).toHaveLength(INDEX.length)
    expect(index!.sql.match(/\r\n/g)).toHaveLength(4)
    expect(index!.sql).not.toContain('DROP')
    expect(note!.sql).toBe(note!.raw.replace('-- migrate:up', '             '))
  })

  it('reads transaction:false from the up directive', async () => {
    const [users, index] = await list()
    expect(users).toMatchObject({ runsInTransaction: true, transactionReason: expect.stringContaining('transaction') })
    expect(index).toMatchObject({ runsInTransaction: false, transactionReason: expect.stringContaining('transaction:false') })
  })

  it('refuses a file without "-- migrate:up", as dbmate does', async () => {
    await expect(dbmate.list(project.at('broken'), project.root, { transaction: 'auto' })).rejects.toThrow(ConfigError)
    await expect(dbmate.list(project.at('broken'), project.root, { transaction: 'auto' })).rejects.toThrow(/broken\/20240101000000_no_marker\.sql/)
  })

  it('reports a missing history table without raising', async () => {
    const history = await dbmate.readHistory(recordingQuery(db, seen))
    expect(history).toEqual({ table: 'public.schema_migrations', exists: false, applied: [] })
  })

  it('reads applied versions from schema_migrations', async () => {
    await db.exec(DBMATE_DDL)
    await db.exec(`INSERT INTO schema_migrations (version) VALUES ('20240101000000'), ('20240102000000')`)
    const history = await dbmate.readHistory(recordingQuery(db, seen))
    expect(history.applied.map((a) => a.id)).toEqual(['20240101000000', '20240102000000'])
    const files = await list()
    expect(files.filter((f) => !dbmate.isApplied(f, history)).map((f) => f.id)).toEqual(['20240103000000'])
  })

  it('only ran SELECT statements', () => {
    expect(isReadOnly(seen)).toBe(true)
  })
})
