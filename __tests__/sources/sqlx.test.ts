import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { detectLayout } from '../../src/sources/layouts/index.js'
import { sqlx, sqlxChecksum } from '../../src/sources/layouts/sqlx.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { isReadOnly, makeProject, recordingQuery, type TempProject } from './helpers.js'

/** The table sqlx creates on PostgreSQL (sqlx-postgres migrate.rs ensure_migrations_table). */
const SQLX_DDL = `CREATE TABLE IF NOT EXISTS _sqlx_migrations (
  version BIGINT PRIMARY KEY,
  description TEXT NOT NULL,
  installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),
  success BOOLEAN NOT NULL,
  checksum BYTEA NOT NULL,
  execution_time BIGINT NOT NULL
)`

const USERS = 'CREATE TABLE users (id bigint);\n'
const INDEX = '-- no-transaction\nCREATE INDEX CONCURRENTLY users_id ON users (id);\n'

let project: TempProject
let db: TestDatabase
const seen: string[] = []

beforeAll(async () => {
  project = await makeProject({
    'api/Cargo.toml': '[package]\nname = "api"\n\n[dependencies]\nsqlx = { version = "0.8", features = ["postgres", "runtime-tokio"] }\n',
    'api/migrations/20240101000000_create_users.sql': USERS,
    'api/migrations/20240102000000_index_users.up.sql': INDEX,
    'api/migrations/20240102000000_index_users.down.sql': 'DROP INDEX users_id;\n',
    'api/migrations/20240103000000_note.up.sql': 'SELECT 1;\n',
    'other/Cargo.toml': '[package]\nname = "other"\n\n[dependencies]\ntokio = "1"\n',
    'other/migrations/20240101000000_create_users.up.sql': USERS,
  })
  db = await createTestDatabase('pf_sqlx')
})

afterAll(async () => {
  await db?.drop()
  await project?.remove()
})

/** Lists the fixture folder with the layout default for transactions. */
const list = () => sqlx.list(project.at('api/migrations'), project.root, { transaction: 'auto' })

describe('sqlx layout', () => {
  it('is detected from the Cargo.toml beside the folder, before golang-migrate (same file names)', async () => {
    const found = await detectLayout(project.at('api/migrations'))
    expect(found?.layout.name).toBe('sqlx')
    expect(found?.reason).toBe('found a Cargo.toml depending on sqlx beside migrations/')
    expect((await detectLayout(project.at('other/migrations')))?.layout.name).toBe('golang-migrate')
  })

  it('lists simple and reversible (up) migrations in version order, never the down halves', async () => {
    const files = await list()
    expect(files.map((f) => [f.id, f.name, f.path])).toEqual([
      ['20240101000000', 'create_users', 'api/migrations/20240101000000_create_users.sql'],
      ['20240102000000', 'index_users', 'api/migrations/20240102000000_index_users.up.sql'],
      ['20240103000000', 'note', 'api/migrations/20240103000000_note.up.sql'],
    ])
  })

  it('reads "-- no-transaction" at the start of a file', async () => {
    const [users, index] = await list()
    expect(users).toMatchObject({ runsInTransaction: true, transactionReason: 'sqlx runs each migration in a transaction' })
    expect(index).toMatchObject({ runsInTransaction: false, transactionReason: expect.stringContaining('-- no-transaction') })
  })

  it('computes the checksum sqlx stores: SHA-384 of the file', () => {
    expect(sqlxChecksum(USERS)).toBe(createHash('sha384').update(Buffer.from(USERS, 'utf8')).digest('hex'))
    expect(sqlxChecksum(USERS)).toHaveLength(96)
  })

  it('reports a missing history table without raising', async () => {
    expect(await sqlx.readHistory(recordingQuery(db, seen))).toEqual({ table: 'public._sqlx_migrations', exists: false, applied: [] })
  })

  it('reads applied, failed and checksummed versions from _sqlx_migrations', async () => {
    await db.exec(SQLX_DDL)
    await db.exec(
      `INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES
         (20240101000000, 'create users', true, decode($1, 'hex'), 5),
         (20240102000000, 'index users', false, decode($2, 'hex'), 9)`,
      [sqlxChecksum(USERS), sqlxChecksum('edited')],
    )
    const history = await sqlx.readHistory(recordingQuery(db, seen))
    expect(history.applied).toEqual([
      { id: '20240101000000', name: 'create users', checksum: sqlxChecksum(USERS), isFailed: false },
      { id: '20240102000000', name: 'index users', checksum: sqlxChecksum('edited'), isFailed: true, detail: expect.stringContaining('success = false') },
    ])
    const files = await list()
    expect(files.filter((f) => !sqlx.isApplied(f, history)).map((f) => f.id)).toEqual(['20240102000000', '20240103000000'])
    expect(sqlx.checksum!(files[0]!)).toBe(history.applied[0]!.checksum)
  })

  it('only ran SELECT statements', () => {
    expect(isReadOnly(seen)).toBe(true)
  })
})
