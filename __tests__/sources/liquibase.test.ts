import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { detectLayout } from '../../src/sources/layouts/index.js'
import { liquibase, readChangesets } from '../../src/sources/layouts/liquibase.js'
import { rowRecordsFile } from '../../src/sources/layout.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { isReadOnly, makeProject, recordingQuery, type TempProject } from './helpers.js'

/** DATABASECHANGELOG as Liquibase 4 creates it on PostgreSQL (no primary key; id, author and filename are unique together). */
const CHANGELOG_DDL = `CREATE TABLE public.databasechangelog (
  id VARCHAR(255) NOT NULL, author VARCHAR(255) NOT NULL, filename VARCHAR(255) NOT NULL,
  dateexecuted TIMESTAMP WITHOUT TIME ZONE NOT NULL, orderexecuted INTEGER NOT NULL, exectype VARCHAR(10) NOT NULL,
  md5sum VARCHAR(35), description VARCHAR(255), comments VARCHAR(255), tag VARCHAR(255), liquibase VARCHAR(20),
  contexts VARCHAR(255), labels VARCHAR(255), deployment_id VARCHAR(10))`

const TABLES = [
  '--liquibase formatted sql',
  '',
  '--changeset alice:1',
  '--comment: users',
  'CREATE TABLE users (id bigserial PRIMARY KEY, email text);',
  '--rollback DROP TABLE users;',
  '',
  '--changeset alice:2 runInTransaction:false failOnError:true',
  'CREATE INDEX CONCURRENTLY users_email ON users (email);',
  '--rollback DROP INDEX users_email;',
  '',
  '--changeset alice:3 dbms:h2',
  'CREATE ALIAS only_on_h2 FOR "java.lang.Math.abs";',
  '',
  '--changeset bob:function-1 splitStatements:false endDelimiter:/',
  'CREATE FUNCTION one() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$',
  '/',
].join('\n')

let project: TempProject
let db: TestDatabase
const seen: string[] = []

beforeAll(async () => {
  project = await makeProject({
    'src/main/resources/db/changelog/db.changelog-master.yaml': 'databaseChangeLog:\n  - includeAll:\n      path: changes/\n',
    'src/main/resources/db/changelog/changes/001_tables.sql': TABLES,
    'src/main/resources/db/changelog/changes/002/001_seed.sql': '-- liquibase formatted sql\n--changeset carol:seed\nINSERT INTO users (email) VALUES (\'a@b.c\');\n',
    'src/main/resources/db/changelog/changes/003_notes.sql': '-- notes for people, no header\nSELECT 1;\n',
  })
  db = await createTestDatabase('pf_liquibase')
})

afterAll(async () => {
  await db?.drop()
  await project?.remove()
})

const dir = () => project.at('src/main/resources/db/changelog')
const list = () => liquibase.list(dir(), project.root, { transaction: 'auto' })

describe('liquibase layout', () => {
  it('is detected from a formatted SQL header in the folder or below, also in files named like Flyway\u2019s', async () => {
    expect(await detectLayout(dir())).toMatchObject({ layout: { name: 'liquibase' }, reason: 'found "--liquibase formatted sql" in changes/001_tables.sql' })
    const named = await makeProject({ 'db/changelog/V1642199842__init.sql': '--liquibase formatted sql\n--changeset sergio:1\nCREATE TABLE person (id int);\n' })
    try {
      expect((await detectLayout(named.at('db/changelog')))?.layout.name).toBe('liquibase')
    } finally {
      await named.remove()
    }
  })

  it('lists formatted SQL files in path order, sub-folders included, and leaves other .sql files out', async () => {
    expect((await list()).map((f) => [f.id, f.path])).toEqual([
      ['changes/001_tables.sql', 'src/main/resources/db/changelog/changes/001_tables.sql'],
      ['changes/002/001_seed.sql', 'src/main/resources/db/changelog/changes/002/001_seed.sql'],
    ])
  })

  it('runs files in the order of the master changelog: YAML include lists, XML includeAll and nested changelogs', async () => {
    const header = '--liquibase formatted sql\n--changeset a:1\nSELECT 1;\n'
    const yaml = await makeProject({
      'src/main/resources/db/changelog/db.changelog-master.yaml':
        'databaseChangeLog:\n  - include:\n      file: db/changelog/sql/schema.sql\n  - include:\n      relativeToChangelogFile: true\n      file: sql/warehouse.sql\n  - include: { file: db/changelog/sql/buyer.sql }\n',
      'src/main/resources/db/changelog/sql/buyer.sql': header,
      'src/main/resources/db/changelog/sql/schema.sql': header,
      'src/main/resources/db/changelog/sql/warehouse.sql': header,
      'src/main/resources/db/changelog/sql/unlisted.sql': header,
    })
    const xml = await makeProject({
      'changelog/master.xml':
        '<databaseChangeLog>\n  <include file="releases/r2.xml" relativeToChangelogFile="true"/>\n  <includeAll path="/db/changelog/tables" relativeToChangelogFile="false"/>\n</databaseChangeLog>\n',
      'changelog/releases/r2.xml': '<databaseChangeLog>\n  <include file="late.sql" relativeToChangelogFile="true"/>\n</databaseChangeLog>\n',
      'changelog/releases/late.sql': header,
      'changelog/tables/b.sql': header,
      'changelog/tables/a.sql': header,
    })
    try {
      const fromYaml = await liquibase.list(yaml.at('src/main/resources/db/changelog'), yaml.root, { transaction: 'auto' })
      expect(fromYaml.map((f) => f.id)).toEqual(['sql/schema.sql', 'sql/warehouse.sql', 'sql/buyer.sql', 'sql/unlisted.sql'])
      const fromXml = await liquibase.list(xml.at('changelog'), xml.root, { transaction: 'auto' })
      expect(fromXml.map((f) => f.id)).toEqual(['releases/late.sql', 'tables/a.sql', 'tables/b.sql'])
    } finally {
      await yaml.remove()
      await xml.remove()
    }
  })

  it('reads changesets with their attributes', () => {
    expect(readChangesets(TABLES).map((c) => [c.author, c.id, c.line, c.endLine, c.attributes])).toEqual([
      ['alice', '1', 3, 8, {}],
      ['alice', '2', 8, 12, { runintransaction: 'false', failonerror: 'true' }],
      ['alice', '3', 12, 15, { dbms: 'h2' }],
      ['bob', 'function-1', 15, 18, { splitstatements: 'false', enddelimiter: '/' }],
    ])
  })

  it('runs each changeset in its own transaction unless runInTransaction:false, and drops other databases\u2019 changesets', async () => {
    const [tables] = await list()
    expect(tables!.units).toEqual([
      { line: 3, label: 'changeset alice:1', runsInTransaction: true, transactionReason: 'Liquibase runs changeset alice:1 in its own transaction' },
      { line: 8, label: 'changeset alice:2', runsInTransaction: false, transactionReason: 'changeset alice:2 sets runInTransaction:false' },
      { line: 15, label: 'changeset bob:function-1', runsInTransaction: true, transactionReason: 'Liquibase runs changeset bob:function-1 in its own transaction' },
    ])
    const lines = tables!.sql.split('\n')
    expect(lines).toHaveLength(TABLES.split('\n').length)
    expect(lines[12]).toMatch(/^ +$/)
    // The custom end delimiter ends the statement as ";" would.
    expect(lines[16]).toBe(';')
    // What the migration override says wins for every changeset.
    const [never] = await liquibase.list(dir(), project.root, { transaction: 'never' })
    expect(never!.units!.every((u) => !u.runsInTransaction && u.transactionReason.includes('"never"'))).toBe(true)
  })

  it('reports a missing DATABASECHANGELOG without raising', async () => {
    expect(await liquibase.readHistory(recordingQuery(db, seen))).toEqual({ table: 'public.databasechangelog', exists: false, applied: [] })
  })

  it('reads changesets from DATABASECHANGELOG; a partly applied file runs only its other changesets', async () => {
    await db.exec(CHANGELOG_DDL)
    await db.exec(`INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, md5sum) VALUES
      ('1', 'alice', 'db/changelog/changes/001_tables.sql', now(), 1, 'EXECUTED', '9:a'),
      ('2', 'alice', 'classpath:db/changelog/changes/001_tables.sql', now(), 2, 'FAILED', '9:b'),
      ('seed', 'carol', 'db/changelog/changes/002/001_seed.sql', now(), 3, 'MARK_RAN', '9:c'),
      ('9', 'zed', 'db/changelog/changes/999_gone.sql', now(), 4, 'EXECUTED', '9:d')`)
    const history = await liquibase.readHistory(recordingQuery(db, seen))
    expect(history.applied.map((r) => [r.id, r.isFailed])).toEqual([
      ['db/changelog/changes/001_tables.sql::1::alice', false],
      ['classpath:db/changelog/changes/001_tables.sql::2::alice', true],
      ['db/changelog/changes/002/001_seed.sql::seed::carol', false],
      ['db/changelog/changes/999_gone.sql::9::zed', false],
    ])
    const [tables, seed] = await list()
    expect(liquibase.isApplied(seed!, history)).toBe(true)
    expect(liquibase.pendingPart!(seed!, history)).toBeUndefined()
    expect(liquibase.isApplied(tables!, history)).toBe(false)
    const rest = liquibase.pendingPart!(tables!, history)!
    expect(rest.units!.map((u) => u.label)).toEqual(['changeset alice:2', 'changeset bob:function-1'])
    expect(rest.runsInTransaction).toBe(true)
    expect(rest.sql).not.toContain('CREATE TABLE users')
    expect(rest.sql).toContain('CREATE INDEX CONCURRENTLY users_email')
    expect(rest.sql.split('\n')).toHaveLength(TABLES.split('\n').length)
    // Rows belong to files by changeset and stored file name; the gone file's row belongs to none.
    expect(history.applied.map((r) => [tables!, seed!].filter((f) => rowRecordsFile(liquibase, r, f)).map((f) => f.id))).toEqual([
      ['changes/001_tables.sql'],
      ['changes/001_tables.sql'],
      ['changes/002/001_seed.sql'],
      [],
    ])
  })

  it('only ran SELECT statements', () => {
    expect(isReadOnly(seen)).toBe(true)
  })
})
