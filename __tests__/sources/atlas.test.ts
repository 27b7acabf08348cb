import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { atlas } from '../../src/sources/layouts/atlas.js'
import { detectLayout } from '../../src/sources/layouts/index.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { isReadOnly, makeProject, recordingQuery, type TempProject } from './helpers.js'

/** The revisions table Atlas creates on PostgreSQL (cmd/atlas/internal/migrate/ent, in its own schema). */
const ATLAS_REVISIONS_DDL = (schema: string) => `CREATE TABLE "${schema}"."atlas_schema_revisions" (
  "version" character varying NOT NULL, "description" character varying NOT NULL, "type" bigint NOT NULL DEFAULT 2,
  "applied" bigint NOT NULL DEFAULT 0, "total" bigint NOT NULL DEFAULT 0, "executed_at" timestamptz NOT NULL,
  "execution_time" bigint NOT NULL, "error" text NULL, "error_stmt" text NULL, "hash" character varying NOT NULL,
  "partial_hashes" jsonb NULL, "operator_version" character varying NOT NULL, PRIMARY KEY ("version"))`

const INITIAL = '-- Create "users" table\nCREATE TABLE "users" ("id" bigint NOT NULL, PRIMARY KEY ("id"));\n'
const INDEX = '-- atlas:txmode none\n\n-- Create index "users_email" to table: "users"\nCREATE INDEX CONCURRENTLY "users_email" ON "users" ("email");\n'

let project: TempProject
let db: TestDatabase
const seen: string[] = []

beforeAll(async () => {
  project = await makeProject({
    'migrations/20240101000000_initial.sql': INITIAL,
    'migrations/20240102000000_email.sql': 'ALTER TABLE "users" ADD COLUMN "email" character varying NULL;\n',
    'migrations/20240103000000_index.sql': INDEX,
    'migrations/20240104000000.sql': '-- a header comment\n-- atlas:txmode all\n\nSELECT 1;\n',
    'migrations/atlas.sum': 'h1:x=\n20240101000000_initial.sql h1:a=\n',
    'migrations/README.md': '# notes\n',
    // A golang-migrate folder Atlas reads with --dir-format is golang-migrate's.
    'other/1_a.up.sql': 'SELECT 1;\n',
    'other/atlas.sum': 'h1:x=\n',
  })
  db = await createTestDatabase('pf_atlas')
})

afterAll(async () => {
  await db?.drop()
  await project?.remove()
})

/** Lists the fixture folder with the layout default for transactions. */
const list = () => atlas.list(project.at('migrations'), project.root, { transaction: 'auto' })

describe('atlas layout', () => {
  it('is detected from atlas.sum, unless the files are another tool format', async () => {
    expect(await detectLayout(project.at('migrations'))).toMatchObject({ layout: { name: 'atlas' }, reason: 'found atlas.sum (Atlas migration directory)' })
    expect((await detectLayout(project.at('other')))?.layout.name).toBe('golang-migrate')
  })

  it('lists the .sql files by name, the version up to the first "_", the name optional', async () => {
    expect((await list()).map((f) => [f.id, f.name, f.path])).toEqual([
      ['20240101000000', 'initial', 'migrations/20240101000000_initial.sql'],
      ['20240102000000', 'email', 'migrations/20240102000000_email.sql'],
      ['20240103000000', 'index', 'migrations/20240103000000_index.sql'],
      ['20240104000000', '20240104000000', 'migrations/20240104000000.sql'],
    ])
  })

  it('runs each file in a transaction unless its header says "-- atlas:txmode none"', async () => {
    const [initial, , index, all] = await list()
    expect(initial).toMatchObject({ runsInTransaction: true, transactionReason: expect.stringContaining('--tx-mode file, the default') })
    expect(index).toMatchObject({ runsInTransaction: false, transactionReason: '"-- atlas:txmode none" tells Atlas not to use a transaction' })
    expect(all).toMatchObject({ runsInTransaction: true, transactionReason: expect.stringContaining('atlas:txmode all') })
    // A directive after the first statement is no directive.
    const late = await makeProject({ 'm/1_a.sql': 'SELECT 1;\n-- atlas:txmode none\n', 'm/atlas.sum': 'h1:x=\n' })
    try {
      expect((await atlas.list(late.at('m'), late.root, { transaction: 'auto' }))[0]?.runsInTransaction).toBe(true)
    } finally {
      await late.remove()
    }
  })

  it('reports a missing revisions table without raising', async () => {
    expect(await atlas.readHistory(recordingQuery(db, seen))).toEqual({ table: 'atlas_schema_revisions.atlas_schema_revisions', exists: false, applied: [] })
  })

  it('reads finished, partial and baseline revisions from atlas_schema_revisions', async () => {
    await db.exec('CREATE SCHEMA atlas_schema_revisions')
    await db.exec(ATLAS_REVISIONS_DDL('atlas_schema_revisions'))
    await db.exec(`INSERT INTO atlas_schema_revisions.atlas_schema_revisions (version, description, type, applied, total, executed_at, execution_time, error, hash, operator_version) VALUES
      ('20231231000000', 'baseline', 1, 0, 0, now(), 0, NULL, '', 'Atlas CLI v0.28.0'),
      ('20240101000000', 'initial', 2, 1, 1, now(), 1000, NULL, 'h1:a=', 'Atlas CLI v0.28.0'),
      ('20240102000000', 'email', 2, 0, 1, now(), 1000, 'pq: column "email" already exists', 'h1:b=', 'Atlas CLI v0.28.0')`)
    const history = await atlas.readHistory(recordingQuery(db, seen))
    expect(history).toMatchObject({ table: 'atlas_schema_revisions.atlas_schema_revisions', exists: true, appliedUpTo: '20231231000000' })
    expect(history.applied.map((r) => [r.id, r.isFailed])).toEqual([
      ['20231231000000', false],
      ['20240101000000', false],
      ['20240102000000', true],
    ])
    expect(history.applied[2]!.detail).toBe('Atlas applied 0 of 1 statements and stopped: pq: column "email" already exists; fix the file or the database, then run atlas migrate apply again (it resumes) or atlas migrate set')
    expect((await list()).filter((f) => !atlas.isApplied(f, history)).map((f) => f.id)).toEqual(['20240102000000', '20240103000000', '20240104000000'])
  })

  it('finds the table in the connected schema when Atlas was bound to one', async () => {
    await db.exec('DROP SCHEMA atlas_schema_revisions CASCADE')
    await db.exec(ATLAS_REVISIONS_DDL('public'))
    await db.exec(`INSERT INTO public.atlas_schema_revisions (version, description, type, applied, total, executed_at, execution_time, hash, operator_version) VALUES ('20240101000000', 'initial', 2, 1, 1, now(), 1, '', 'v')`)
    const history = await atlas.readHistory(recordingQuery(db, seen))
    expect(history).toMatchObject({ table: 'public.atlas_schema_revisions', exists: true, applied: [{ id: '20240101000000', isFailed: false }] })
  })

  it('only ran SELECT statements', () => {
    expect(isReadOnly(seen)).toBe(true)
  })
})
