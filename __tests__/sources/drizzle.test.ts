import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../src/engine/errors.js'
import { drizzle } from '../../src/sources/layouts/drizzle.js'
import { detectLayout } from '../../src/sources/layouts/index.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { isReadOnly, makeProject, recordingQuery, type TempProject } from './helpers.js'

/** The schema and table drizzle-orm's PgDialect.migrate() creates. */
const DRIZZLE_DDL = `
CREATE SCHEMA IF NOT EXISTS "drizzle";
CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`

const INIT = 'CREATE TABLE "users" ("id" serial PRIMARY KEY NOT NULL);\n--> statement-breakpoint\nCREATE TABLE "posts" ("id" serial);\n'

/** A journal as drizzle-kit writes it. */
function journal(entries: { tag: string; when: number }[]): string {
  return JSON.stringify({
    version: '7',
    dialect: 'postgresql',
    entries: entries.map((e, idx) => ({ idx, version: '7', when: e.when, tag: e.tag, breakpoints: true })),
  })
}

let project: TempProject
let db: TestDatabase
const seen: string[] = []

beforeAll(async () => {
  project = await makeProject({
    'drizzle/0000_init.sql': INIT,
    'drizzle/0001_email.sql': 'ALTER TABLE "users" ADD COLUMN "email" text;\n',
    'drizzle/0002_index.sql': 'CREATE INDEX "users_email" ON "users" ("email");\n',
    'drizzle/0003_not_in_journal.sql': 'SELECT 1;\n',
    'drizzle/meta/_journal.json': journal([
      { tag: '0000_init', when: 1700000000000 },
      { tag: '0001_email', when: 1700000100000 },
      { tag: '0002_index', when: 1700000200000 },
    ]),
    'drizzle/meta/0000_snapshot.json': '{}',
    'broken/meta/_journal.json': journal([{ tag: '0000_missing', when: 1 }]),
    'bad-json/meta/_journal.json': '{ not json',
  })
  db = await createTestDatabase('pf_drizzle')
})

afterAll(async () => {
  await db?.drop()
  await project?.remove()
})

/** Lists the fixture folder with the layout default for transactions. */
const list = () => drizzle.list(project.at('drizzle'), project.root, { transaction: 'auto' })

describe('drizzle layout', () => {
  it('is detected from meta/_journal.json', async () => {
    expect(await detectLayout(project.at('drizzle'))).toMatchObject({ layout: { name: 'drizzle' }, reason: 'found meta/_journal.json' })
  })

  it('lists the journal entries in journal order, ignoring other files', async () => {
    const files = await list()
    expect(files.map((f) => [f.id, f.name, f.path])).toEqual([
      ['1700000000000', 'init', 'drizzle/0000_init.sql'],
      ['1700000100000', 'email', 'drizzle/0001_email.sql'],
      ['1700000200000', 'index', 'drizzle/0002_index.sql'],
    ])
    expect(files[0]).toMatchObject({ sql: INIT, runsInTransaction: true, transactionReason: expect.stringContaining('one transaction') })
  })

  it('hashes the file as drizzle does (SHA-256 hex)', async () => {
    const [init] = await list()
    expect(drizzle.checksum!(init!)).toBe(createHash('sha256').update(INIT).digest('hex'))
  })

  it('explains a broken journal', async () => {
    await expect(drizzle.list(project.at('broken'), project.root, { transaction: 'auto' })).rejects.toThrow(/0000_missing/)
    await expect(drizzle.list(project.at('bad-json'), project.root, { transaction: 'auto' })).rejects.toThrow(ConfigError)
  })

  it('reports a missing history table without raising', async () => {
    const history = await drizzle.readHistory(recordingQuery(db, seen))
    expect(history).toEqual({ table: 'drizzle.__drizzle_migrations', exists: false, applied: [] })
  })

  it('counts entries at or below the newest created_at as applied', async () => {
    const files = await list()
    await db.exec(DRIZZLE_DDL)
    await db.exec(`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, 1700000000000), ($2, 1700000100000)`, [
      drizzle.checksum!(files[0]!),
      drizzle.checksum!(files[1]!),
    ])
    const history = await drizzle.readHistory(recordingQuery(db, seen))
    expect(history).toMatchObject({ table: 'drizzle.__drizzle_migrations', exists: true, appliedUpTo: '1700000100000' })
    expect(history.applied.map((a) => [a.id, a.checksum])).toEqual([
      ['1700000000000', drizzle.checksum!(files[0]!)],
      ['1700000100000', drizzle.checksum!(files[1]!)],
    ])
    expect(files.filter((f) => !drizzle.isApplied(f, history)).map((f) => f.name)).toEqual(['index'])
  })

  it('mirrors drizzle: an older entry below the newest row counts as applied even without its row', async () => {
    await db.exec('DELETE FROM drizzle.__drizzle_migrations WHERE created_at = 1700000000000')
    const history = await drizzle.readHistory(recordingQuery(db, seen))
    const files = await list()
    expect(files.filter((f) => drizzle.isApplied(f, history)).map((f) => f.name)).toEqual(['init', 'email'])
  })

  it('mirrors drizzle: a NULL created_at sorts first and makes everything pending', async () => {
    await db.exec(`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('x', NULL)`)
    const history = await drizzle.readHistory(recordingQuery(db, seen))
    expect(history.appliedUpTo).toBe('0')
    expect((await list()).some((f) => drizzle.isApplied(f, history))).toBe(false)
  })

  it('only ran SELECT statements', () => {
    expect(isReadOnly(seen)).toBe(true)
  })
})
