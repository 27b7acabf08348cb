import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../src/engine/errors.js'
import { detectLayout } from '../../src/sources/layouts/index.js'
import { plain, plainLayout } from '../../src/sources/layouts/plain.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { isReadOnly, makeProject, recordingQuery, type TempProject } from './helpers.js'

let project: TempProject
let db: TestDatabase
const seen: string[] = []

beforeAll(async () => {
  project = await makeProject({
    'sql/1_users.sql': 'CREATE TABLE users (id bigint);\n',
    'sql/2_email.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
    'sql/10_index.sql': 'CREATE INDEX ON users (email);\n',
    'sql/notes.txt': 'not SQL\n',
  })
  db = await createTestDatabase('pf_plain')
})

afterAll(async () => {
  await db?.drop()
  await project?.remove()
})

describe('plain layout', () => {
  it('is detected last, from any .sql file', async () => {
    expect(await detectLayout(project.at('sql'))).toMatchObject({ layout: { name: 'plain' }, reason: 'found 3 .sql files' })
  })

  it('lists .sql files with numeric prefixes in natural order, outside a transaction', async () => {
    const files = await plain.list(project.at('sql'), project.root, { transaction: 'auto' })
    expect(files.map((f) => [f.id, f.path, f.runsInTransaction])).toEqual([
      ['1_users', 'sql/1_users.sql', false],
      ['2_email', 'sql/2_email.sql', false],
      ['10_index', 'sql/10_index.sql', false],
    ])
  })

  it('honours migrations.transaction = always', async () => {
    const files = await plain.list(project.at('sql'), project.root, { transaction: 'always' })
    expect(files.every((f) => f.runsInTransaction && f.transactionReason.includes('"always"'))).toBe(true)
  })

  it('has no history without a configured table', async () => {
    expect(await plain.readHistory(recordingQuery(db, seen))).toEqual({ table: '', exists: false, applied: [] })
    expect(plain.historyTable).toBe('')
  })

  it('reports a missing configured table without raising', async () => {
    const history = await plainLayout('app_migrations').readHistory(recordingQuery(db, seen))
    expect(history).toEqual({ table: 'public.app_migrations', exists: false, applied: [] })
  })

  it('reads applied file names from the version column', async () => {
    await db.exec('CREATE TABLE app_migrations (version text PRIMARY KEY, applied_at timestamptz DEFAULT now())')
    await db.exec(`INSERT INTO app_migrations (version) VALUES ('1_users'), ('2_email.sql')`)
    const layout = plainLayout('app_migrations')
    const history = await layout.readHistory(recordingQuery(db, seen))
    expect(history.applied.map((a) => a.id)).toEqual(['1_users', '2_email'])
    const files = await layout.list(project.at('sql'), project.root, { transaction: 'auto' })
    expect(files.filter((f) => !layout.isApplied(f, history)).map((f) => f.id)).toEqual(['10_index'])
  })

  it('reads a schema-qualified table with a name column', async () => {
    await db.exec('CREATE SCHEMA ops; CREATE TABLE ops.applied (name text)')
    await db.exec(`INSERT INTO ops.applied (name) VALUES ('1_users')`)
    const history = await plainLayout('ops.applied').readHistory(recordingQuery(db, seen))
    expect(history).toEqual({ table: 'ops.applied', exists: true, applied: [{ id: '1_users', isFailed: false }] })
  })

  it('explains a configured table without a version or name column', async () => {
    await db.exec('CREATE TABLE wrong_shape (file text)')
    await expect(plainLayout('wrong_shape').readHistory(recordingQuery(db, seen))).rejects.toThrow(ConfigError)
  })

  it('only ran SELECT statements', () => {
    expect(isReadOnly(seen)).toBe(true)
  })
})
