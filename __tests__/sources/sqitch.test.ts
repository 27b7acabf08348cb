import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { ConfigError } from '../../src/engine/errors.js'
import { detectLayout } from '../../src/sources/layouts/index.js'
import { readPlan, sqitch, sqitchChecksum } from '../../src/sources/layouts/sqitch.js'
import { rowRecordsFile } from '../../src/sources/layout.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { isReadOnly, makeProject, recordingQuery, type TempProject } from './helpers.js'

/** The changes table of Sqitch's PostgreSQL registry (App/Sqitch/Engine/pg.sql), without its foreign key to projects. */
const CHANGES_DDL = `CREATE SCHEMA sqitch;
CREATE TABLE sqitch.changes (
  change_id TEXT PRIMARY KEY, script_hash TEXT NULL, change TEXT NOT NULL, project TEXT NOT NULL, note TEXT NOT NULL DEFAULT '',
  committed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(), committer_name TEXT NOT NULL, committer_email TEXT NOT NULL,
  planned_at TIMESTAMPTZ NOT NULL, planner_name TEXT NOT NULL, planner_email TEXT NOT NULL, UNIQUE (project, script_hash))`

const PLAN = [
  '%syntax-version=1.0.0',
  '%project=flipr',
  '',
  'appschema 2013-12-30T23:19:31Z Marge N. <marge@example.com> # Add schema.',
  'users [appschema] 2013-12-30T23:49:00Z Marge N. <marge@example.com> # Users table.',
  '@v1.0.0 2013-12-31T01:26:52Z Marge N. <marge@example.com> # Tag v1.0.0.',
  '# a comment line',
  'users [users@v1.0.0] 2014-01-05T10:00:00Z Marge N. <marge@example.com> # Reworked: a column.',
].join('\n')

const USERS_V1 = '-- Deploy flipr:users to pg\nBEGIN;\nCREATE TABLE flipr.users (nickname TEXT PRIMARY KEY);\nCOMMIT;\n'
const USERS_V2 = '-- Deploy flipr:users to pg\nBEGIN;\nALTER TABLE flipr.users ADD COLUMN fullname TEXT;\nCOMMIT;\n'

let project: TempProject
let db: TestDatabase
const seen: string[] = []

beforeAll(async () => {
  project = await makeProject({
    'sqitch.plan': PLAN,
    'deploy/appschema.sql': '-- Deploy flipr:appschema to pg\nBEGIN;\nCREATE SCHEMA flipr;\nCOMMIT;\n',
    'deploy/users@v1.0.0.sql': USERS_V1,
    'deploy/users.sql': USERS_V2,
    'revert/users.sql': 'BEGIN;\nDROP TABLE flipr.users;\nCOMMIT;\n',
    'verify/users.sql': 'SELECT nickname FROM flipr.users WHERE FALSE;\n',
    'broken/sqitch.plan': '%project=x\nmissing 2014-01-01T00:00:00Z A <a@b.c>\n',
  })
  db = await createTestDatabase('pf_sqitch')
})

afterAll(async () => {
  await db?.drop()
  await project?.remove()
})

const list = () => sqitch.list(project.root, project.root, { transaction: 'auto' })

describe('sqitch layout', () => {
  it('reads the plan: changes in order, tags, and which listing of a reworked change has the tagged script', () => {
    expect(readPlan(PLAN)).toEqual({
      project: 'flipr',
      changes: [
        { name: 'appschema', id: 'appschema', line: 4, occurrences: 1 },
        { name: 'users', id: 'users@v1.0.0', line: 5, occurrences: 2 },
        { name: 'users', id: 'users', line: 8, occurrences: 2 },
      ],
    })
  })

  it('is detected from sqitch.plan in the folder or above its deploy folder', async () => {
    expect(await detectLayout(project.root)).toMatchObject({ layout: { name: 'sqitch' }, reason: 'found sqitch.plan' })
    expect(await detectLayout(project.at('deploy'))).toMatchObject({ layout: { name: 'sqitch' }, reason: 'found ../sqitch.plan' })
  })

  it('lists the deploy scripts in plan order, never revert or verify, each run as written', async () => {
    const files = await list()
    expect(files.map((f) => [f.id, f.path])).toEqual([
      ['appschema', 'deploy/appschema.sql'],
      ['users@v1.0.0', 'deploy/users@v1.0.0.sql'],
      ['users', 'deploy/users.sql'],
    ])
    expect(files.every((f) => !f.runsInTransaction && f.transactionReason.includes('as written'))).toBe(true)
    expect(await sqitch.list(project.at('deploy'), project.root, { transaction: 'auto' })).toHaveLength(3)
  })

  it('refuses a plan entry without its deploy script, naming both', async () => {
    await expect(sqitch.list(project.at('broken'), project.root, { transaction: 'auto' })).rejects.toThrow(ConfigError)
    await expect(sqitch.list(project.at('broken'), project.root, { transaction: 'auto' })).rejects.toThrow(/broken\/sqitch\.plan line 2 lists missing, but broken\/deploy\/missing\.sql does not exist/)
  })

  it('reports a missing registry without raising', async () => {
    expect(await sqitch.readHistory(recordingQuery(db, seen))).toEqual({ table: 'sqitch.changes', exists: false, applied: [] })
  })

  it('reads deployed changes from sqitch.changes; a reworked change is deployed once each listing has a row', async () => {
    await db.exec(CHANGES_DDL)
    const insert = (id: string, change: string, hash: string) =>
      db.exec(
        `INSERT INTO sqitch.changes (change_id, script_hash, change, project, committer_name, committer_email, planned_at, planner_name, planner_email)
         VALUES ('${id}', '${hash}', '${change}', 'flipr', 'm', 'm@x', now(), 'm', 'm@x')`,
      )
    await insert('c1', 'appschema', sqitchChecksum('-- Deploy flipr:appschema to pg\nBEGIN;\nCREATE SCHEMA flipr;\nCOMMIT;\n'))
    await insert('c2', 'users', sqitchChecksum(USERS_V1))
    const history = await sqitch.readHistory(recordingQuery(db, seen))
    expect(history.applied.map((r) => [r.id, r.checksum])).toEqual([
      ['appschema', sqitchChecksum('-- Deploy flipr:appschema to pg\nBEGIN;\nCREATE SCHEMA flipr;\nCOMMIT;\n')],
      ['users', sqitchChecksum(USERS_V1)],
    ])
    const files = await list()
    expect(files.filter((f) => !sqitch.isApplied(f, history)).map((f) => f.id)).toEqual(['users'])
    await insert('c3', 'users', sqitchChecksum(USERS_V2))
    const after = await sqitch.readHistory(recordingQuery(db, seen))
    expect(files.filter((f) => !sqitch.isApplied(f, after)).map((f) => f.id)).toEqual([])
    // Rows belong to files by change name; reworked scripts are not compared by hash.
    expect(after.applied.map((r) => files.filter((f) => rowRecordsFile(sqitch, r, f)).map((f) => f.id))).toEqual([['appschema'], ['users@v1.0.0', 'users'], ['users@v1.0.0', 'users']])
    expect(files.map((f) => sqitch.checksum!(f) !== undefined)).toEqual([true, false, false])
  })

  it('only ran SELECT statements', () => {
    expect(isReadOnly(seen)).toBe(true)
  })
})
