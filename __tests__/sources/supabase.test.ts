import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { detectLayout } from '../../src/sources/layouts/index.js'
import { supabase } from '../../src/sources/layouts/supabase.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { isReadOnly, makeProject, recordingQuery, type TempProject } from './helpers.js'

/** The history table the Supabase CLI creates (pkg/migration/history.go). */
const SUPABASE_DDL = `
CREATE SCHEMA IF NOT EXISTS supabase_migrations;
CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY);
ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[];
ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text;`

let project: TempProject
let db: TestDatabase
const seen: string[] = []

beforeAll(async () => {
  project = await makeProject({
    'supabase/config.toml': 'project_id = "demo"\n',
    'supabase/seed.sql': 'INSERT INTO users DEFAULT VALUES;\n',
    'supabase/migrations/20240101000000_init.sql': 'CREATE TABLE users (id bigint);\n',
    'supabase/migrations/20240102000000_add_email.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
    'supabase/migrations/20240103000000_add_index.sql': 'CREATE INDEX ON users (email);\n',
    'supabase/migrations/notes.sql': '-- not a migration: no version prefix\n',
  })
  db = await createTestDatabase('pf_supabase')
})

afterAll(async () => {
  await db?.drop()
  await project?.remove()
})

describe('supabase layout', () => {
  it('is detected from the project root or from supabase/migrations itself', async () => {
    expect(await detectLayout(project.root)).toMatchObject({ layout: { name: 'supabase' }, reason: 'found supabase/migrations' })
    expect(await detectLayout(project.at('supabase/migrations'))).toMatchObject({
      layout: { name: 'supabase' },
      reason: 'the folder is supabase/migrations',
    })
  })

  it('lists the same files from either folder, in version order', async () => {
    const fromRoot = await supabase.list(project.root, project.root, { transaction: 'auto' })
    const fromFolder = await supabase.list(project.at('supabase/migrations'), project.root, { transaction: 'auto' })
    expect(fromFolder).toEqual(fromRoot)
    expect(fromRoot.map((f) => [f.id, f.name, f.path])).toEqual([
      ['20240101000000', 'init', 'supabase/migrations/20240101000000_init.sql'],
      ['20240102000000', 'add_email', 'supabase/migrations/20240102000000_add_email.sql'],
      ['20240103000000', 'add_index', 'supabase/migrations/20240103000000_add_index.sql'],
    ])
    expect(fromRoot[0]).toMatchObject({ runsInTransaction: true, transactionReason: expect.stringContaining('Supabase CLI') })
  })

  it('reports a missing history table without raising', async () => {
    const history = await supabase.readHistory(recordingQuery(db, seen))
    expect(history).toEqual({ table: 'supabase_migrations.schema_migrations', exists: false, applied: [] })
  })

  it('reads applied versions', async () => {
    await db.exec(SUPABASE_DDL)
    await db.exec(`INSERT INTO supabase_migrations.schema_migrations (version, statements, name) VALUES
      ('20240101000000', ARRAY['CREATE TABLE users (id bigint)'], 'init'),
      ('20240102000000', ARRAY['ALTER TABLE users ADD COLUMN email text'], 'add_email')`)
    const history = await supabase.readHistory(recordingQuery(db, seen))
    expect(history.applied).toEqual([
      { id: '20240101000000', name: 'init', isFailed: false },
      { id: '20240102000000', name: 'add_email', isFailed: false },
    ])
    const files = await supabase.list(project.root, project.root, { transaction: 'auto' })
    expect(files.filter((f) => !supabase.isApplied(f, history)).map((f) => f.name)).toEqual(['add_index'])
  })

  it('only ran SELECT statements', () => {
    expect(isReadOnly(seen)).toBe(true)
  })
})
