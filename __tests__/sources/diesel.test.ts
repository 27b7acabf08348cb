import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { diesel, dieselVersion } from '../../src/sources/layouts/diesel.js'
import { detectLayout } from '../../src/sources/layouts/index.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { isReadOnly, makeProject, recordingQuery, type TempProject } from './helpers.js'

/** The table diesel_migrations creates (CREATE_MIGRATIONS_TABLE). */
const DIESEL_DDL = `
CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (
  version VARCHAR(50) PRIMARY KEY NOT NULL,
  run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
)`

let project: TempProject
let db: TestDatabase
const seen: string[] = []

beforeAll(async () => {
  project = await makeProject({
    'migrations/.keep': '',
    'migrations/00000000000000_diesel_initial_setup/up.sql': 'CREATE OR REPLACE FUNCTION diesel_manage_updated_at(_tbl regclass) RETURNS VOID AS $$ BEGIN END; $$ LANGUAGE plpgsql;\n',
    'migrations/00000000000000_diesel_initial_setup/down.sql': 'DROP FUNCTION IF EXISTS diesel_manage_updated_at(_tbl regclass);\n',
    'migrations/2024-01-01-120000_create_users/up.sql': 'CREATE TABLE users (id SERIAL PRIMARY KEY);\n',
    'migrations/2024-01-01-120000_create_users/down.sql': 'DROP TABLE users;\n',
    'migrations/2024-02-01-120000_index_users/up.sql': 'CREATE INDEX CONCURRENTLY users_id ON users (id);\n',
    'migrations/2024-02-01-120000_index_users/down.sql': 'DROP INDEX users_id;\n',
    'migrations/2024-02-01-120000_index_users/metadata.toml': '# no transaction for CONCURRENTLY\nrun_in_transaction = false\n',
  })
  db = await createTestDatabase('pf_diesel')
})

afterAll(async () => {
  await db?.drop()
  await project?.remove()
})

/** Lists the fixture folder with the layout default for transactions. */
const list = () => diesel.list(project.at('migrations'), project.root, { transaction: 'auto' })

describe('diesel layout', () => {
  it('is detected from a folder with up.sql', async () => {
    expect(await detectLayout(project.at('migrations'))).toMatchObject({
      layout: { name: 'diesel' },
      reason: 'found 00000000000000_diesel_initial_setup/up.sql',
    })
  })

  it('derives the version as diesel does', () => {
    expect(dieselVersion('2024-01-01-120000_create_users')).toBe('20240101120000')
    expect(dieselVersion('20240101120000_create_users')).toBe('20240101120000')
  })

  it('lists up.sql files in version order', async () => {
    const files = await list()
    expect(files.map((f) => [f.id, f.name, f.path])).toEqual([
      ['00000000000000', 'diesel_initial_setup', 'migrations/00000000000000_diesel_initial_setup/up.sql'],
      ['20240101120000', 'create_users', 'migrations/2024-01-01-120000_create_users/up.sql'],
      ['20240201120000', 'index_users', 'migrations/2024-02-01-120000_index_users/up.sql'],
    ])
    expect(files.map((f) => f.runsInTransaction)).toEqual([true, true, false])
    expect(files[2]!.transactionReason).toContain('run_in_transaction = false')
  })

  it('reports a missing history table without raising', async () => {
    const history = await diesel.readHistory(recordingQuery(db, seen))
    expect(history).toEqual({ table: 'public.__diesel_schema_migrations', exists: false, applied: [] })
  })

  it('reads applied versions', async () => {
    await db.exec(DIESEL_DDL)
    await db.exec(`INSERT INTO __diesel_schema_migrations (version, run_on) VALUES ('00000000000000', '2024-01-01 12:00:00'), ('20240101120000', '2024-01-02 12:00:00')`)
    const history = await diesel.readHistory(recordingQuery(db, seen))
    expect(history.applied).toEqual([
      { id: '00000000000000', appliedAt: '2024-01-01 12:00:00', isFailed: false },
      { id: '20240101120000', appliedAt: '2024-01-02 12:00:00', isFailed: false },
    ])
    const files = await list()
    expect(files.filter((f) => !diesel.isApplied(f, history)).map((f) => f.name)).toEqual(['index_users'])
  })

  it('only ran SELECT statements', () => {
    expect(isReadOnly(seen)).toBe(true)
  })
})
