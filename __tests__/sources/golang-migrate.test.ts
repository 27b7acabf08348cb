import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { golangMigrate } from '../../src/sources/layouts/golang-migrate.js'
import { detectLayout } from '../../src/sources/layouts/index.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { isReadOnly, makeProject, recordingQuery, type TempProject } from './helpers.js'

/** The table golang-migrate's postgres driver creates (database/postgres/postgres.go ensureVersionTable). */
const SCHEMA_MIGRATIONS_DDL = 'CREATE TABLE IF NOT EXISTS "public"."schema_migrations" (version bigint not null primary key, dirty boolean not null)'

let project: TempProject
let db: TestDatabase
const seen: string[] = []

beforeAll(async () => {
  project = await makeProject({
    'migrations/1_init.up.sql': 'CREATE TABLE users (id bigint);\n',
    'migrations/1_init.down.sql': 'DROP TABLE users;\n',
    'migrations/2_email.up.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
    'migrations/2_email.down.sql': 'ALTER TABLE users DROP COLUMN email;\n',
    'migrations/0003_index.up.sql': 'CREATE INDEX ON users (email);\n',
    'migrations/10_later.up.sql': 'SELECT 1;\n',
  })
  db = await createTestDatabase('pf_gomigrate')
})

afterAll(async () => {
  await db?.drop()
  await project?.remove()
})

/** Lists the fixture folder with the layout default for transactions. */
const list = () => golangMigrate.list(project.at('migrations'), project.root, { transaction: 'auto' })

describe('golang-migrate layout', () => {
  it('is detected from a *.up.sql file', async () => {
    const found = await detectLayout(project.at('migrations'))
    expect(found?.layout.name).toBe('golang-migrate')
    expect(found?.reason).toMatch(/found .*\.up\.sql/)
  })

  it('lists only .up.sql files, in numeric version order', async () => {
    const files = await list()
    expect(files.map((f) => [f.id, f.name, f.path])).toEqual([
      ['1', 'init', 'migrations/1_init.up.sql'],
      ['2', 'email', 'migrations/2_email.up.sql'],
      ['3', 'index', 'migrations/0003_index.up.sql'],
      ['10', 'later', 'migrations/10_later.up.sql'],
    ])
    expect(files[0]).toMatchObject({ runsInTransaction: true, transactionReason: expect.stringContaining('implicit transaction') })
  })

  it('honours migrations.transaction = never', async () => {
    const files = await golangMigrate.list(project.at('migrations'), project.root, { transaction: 'never' })
    expect(files.every((f) => !f.runsInTransaction)).toBe(true)
  })

  it('reports a missing history table without raising', async () => {
    const history = await golangMigrate.readHistory(recordingQuery(db, seen))
    expect(history).toEqual({ table: 'public.schema_migrations', exists: false, applied: [] })
  })

  it('treats every version up to the stored one as applied', async () => {
    await db.exec(SCHEMA_MIGRATIONS_DDL)
    await db.exec('INSERT INTO schema_migrations (version, dirty) VALUES (3, false)')
    const history = await golangMigrate.readHistory(recordingQuery(db, seen))
    expect(history).toMatchObject({ exists: true, appliedUpTo: '3', applied: [{ id: '3', isFailed: false }] })
    const files = await list()
    expect(files.filter((f) => golangMigrate.isApplied(f, history)).map((f) => f.id)).toEqual(['1', '2', '3'])
  })

  it('marks a dirty version as failed and not applied', async () => {
    await db.exec('UPDATE schema_migrations SET dirty = true')
    const history = await golangMigrate.readHistory(recordingQuery(db, seen))
    expect(history.applied[0]).toMatchObject({ id: '3', isFailed: true, detail: expect.stringContaining('dirty') })
    const files = await list()
    expect(files.filter((f) => golangMigrate.isApplied(f, history)).map((f) => f.id)).toEqual(['1', '2'])
  })

  it('treats an empty table as nothing applied', async () => {
    await db.exec('TRUNCATE schema_migrations')
    const history = await golangMigrate.readHistory(recordingQuery(db, seen))
    expect(history).toMatchObject({ exists: true, applied: [] })
    expect((await list()).some((f) => golangMigrate.isApplied(f, history))).toBe(false)
  })

  it('only ran SELECT statements', () => {
    expect(isReadOnly(seen)).toBe(true)
  })
})
