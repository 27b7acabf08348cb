import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { compareFlywayVersions, flyway, flywayChecksum } from '../../src/sources/layouts/flyway.js'
import { detectLayout } from '../../src/sources/layouts/index.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { isReadOnly, makeProject, recordingQuery, type TempProject } from './helpers.js'

/** The table Flyway 9/10 creates on PostgreSQL (flyway-database-postgresql createMetaDataTable.sql). */
const FLYWAY_DDL = `
CREATE TABLE "public"."flyway_schema_history" (
  "installed_rank" INT NOT NULL,
  "version" VARCHAR(50),
  "description" VARCHAR(200) NOT NULL,
  "type" VARCHAR(20) NOT NULL,
  "script" VARCHAR(1000) NOT NULL,
  "checksum" INTEGER,
  "installed_by" VARCHAR(100) NOT NULL,
  "installed_on" TIMESTAMP NOT NULL DEFAULT now(),
  "execution_time" INTEGER NOT NULL,
  "success" BOOLEAN NOT NULL,
  CONSTRAINT "flyway_schema_history_pk" PRIMARY KEY ("installed_rank")
);
CREATE INDEX "flyway_schema_history_s_idx" ON "public"."flyway_schema_history" ("success");`

const VIEW_SQL = 'CREATE OR REPLACE VIEW active_users AS SELECT * FROM users;\n'

let project: TempProject
let db: TestDatabase
const seen: string[] = []

beforeAll(async () => {
  project = await makeProject({
    'db/migration/V1__create_users.sql': 'CREATE TABLE users (id bigint);\n',
    'db/migration/V1.1__add_email.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
    'db/migration/V2_1__index_email.sql': 'CREATE INDEX ON users (email);\n',
    'db/migration/V10__later.sql': 'SELECT 1;\n',
    'db/migration/R__active_users.sql': VIEW_SQL,
    'db/migration/sub/V3__nested.sql': 'SELECT 3;\n',
    'db/migration/V4__concurrently.sql': 'CREATE INDEX CONCURRENTLY i ON users (id);\n',
    'db/migration/V4__concurrently.sql.conf': 'executeInTransaction=false\n',
    'db/migration/V5__only_concurrent.sql': 'CREATE INDEX CONCURRENTLY j ON users (email);\nDROP INDEX CONCURRENTLY IF EXISTS i;\n',
    'db/migration/V6__mixed.sql': 'ALTER TABLE users ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY k ON users (note);\n',
    'db/migration/U1__undo.sql': 'DROP TABLE users;\n',
    'db/migration/README.md': '# notes\n',
  })
  db = await createTestDatabase('pf_flyway')
})

afterAll(async () => {
  await db?.drop()
  await project?.remove()
})

describe('flyway layout', () => {
  it('is detected from a V<version>__<desc>.sql file', async () => {
    const found = await detectLayout(project.at('db/migration'))
    expect(found?.layout.name).toBe('flyway')
    expect(found?.reason).toMatch(/^found V.*__.*\.sql/)
  })

  it('lists versioned migrations by numeric version (recursively), then repeatables', async () => {
    const files = await flyway.list(project.at('db/migration'), project.root, { transaction: 'auto' })
    expect(files.map((f) => [f.id, f.kind])).toEqual([
      ['1', 'versioned'],
      ['1.1', 'versioned'],
      ['2.1', 'versioned'],
      ['3', 'versioned'],
      ['4', 'versioned'],
      ['5', 'versioned'],
      ['6', 'versioned'],
      ['10', 'versioned'],
      ['active users', 'repeatable'],
    ])
    expect(files[0]).toMatchObject({ name: 'create users', path: 'db/migration/V1__create_users.sql', runsInTransaction: true })
    expect(files[3]!.path).toBe('db/migration/sub/V3__nested.sql')
    expect(files[4]).toMatchObject({ runsInTransaction: false, transactionReason: expect.stringContaining('executeInTransaction=false') })
    // Flyway runs a migration of only statements it cannot run in a transaction without one, and refuses a mix.
    expect(files[5]).toMatchObject({ runsInTransaction: false, transactionReason: expect.stringContaining('(CREATE INDEX CONCURRENTLY) without one') })
    expect(files[6]).toMatchObject({ runsInTransaction: true, transactionReason: expect.stringContaining('Flyway refuses this migration before running any of it: it mixes CREATE INDEX CONCURRENTLY (line 2)') })
    expect(files[0]!.raw).toBe('CREATE TABLE users (id bigint);\n')
  })

  it('runs a mixed migration without a transaction when the project sets mixed=true', async () => {
    const mixed = await makeProject({ 'conf/flyway.conf': 'flyway.locations=filesystem:sql\nflyway.mixed = true\n', 'sql/V1__mixed.sql': 'SELECT 1;\nVACUUM t;\n' })
    const spring = await makeProject({ 'src/main/resources/application-prod.properties': 'spring.flyway.mixed=true\n', 'sql/V1__mixed.sql': 'SELECT 1;\nVACUUM t;\n' })
    try {
      for (const p of [mixed, spring]) {
        const [file] = await flyway.list(p.at('sql'), p.root, { transaction: 'auto' })
        expect(file).toMatchObject({ runsInTransaction: false, transactionReason: expect.stringContaining('with mixed=true') })
      }
    } finally {
      await mixed.remove()
      await spring.remove()
    }
  })

  it('compares versions part by part, ignoring trailing zeros', () => {
    expect(compareFlywayVersions('1.1', '1.10')).toBe(-1)
    expect(compareFlywayVersions('2', '1.999')).toBe(1)
    expect(compareFlywayVersions('1.0', '1')).toBe(0)
    expect(compareFlywayVersions('001', '1')).toBe(0)
  })

  it('computes the checksum as CRC32 of the lines without terminators, signed', () => {
    // CRC-32/ISO-HDLC of "123456789" is the catalogue check value 0xCBF43926 = 3421780262,
    // which as a Java int is 3421780262 - 2^32 = -873187034. Line breaks and a BOM do not count.
    expect(flywayChecksum('123456789')).toBe('-873187034')
    expect(flywayChecksum('1234\r\n5678\n9\n')).toBe('-873187034')
    expect(flywayChecksum('\uFEFF12345\r6789')).toBe('-873187034')
    // zlib.crc32("hello") = 0x3610A686 = 907060870, positive as an int.
    expect(flywayChecksum('hello\n')).toBe('907060870')
    expect(flywayChecksum('')).toBe('0')
  })

  it('reports a missing history table without raising', async () => {
    const history = await flyway.readHistory(recordingQuery(db, seen))
    expect(history).toEqual({ table: 'public.flyway_schema_history', exists: false, applied: [] })
  })

  it('reads applied, failed and repeatable rows', async () => {
    await db.exec(FLYWAY_DDL)
    const viewChecksum = Number(flywayChecksum(VIEW_SQL))
    await db.exec(
      `INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) VALUES
        (1, '1', 'create users', 'SQL', 'V1__create_users.sql', 123, 'app', 10, true),
        (2, '1.1', 'add email', 'SQL', 'V1.1__add_email.sql', 456, 'app', 10, true),
        (3, '2.1', 'index email', 'SQL', 'V2_1__index_email.sql', 789, 'app', 10, false),
        (4, NULL, 'active users', 'SQL', 'R__active_users.sql', $1, 'app', 10, true)`,
      [viewChecksum],
    )
    const history = await flyway.readHistory(recordingQuery(db, seen))
    expect(history.exists).toBe(true)
    expect(history.applied.map((a) => [a.id, a.isFailed])).toEqual([
      ['1', false],
      ['1.1', false],
      ['2.1', true],
      ['active users', false],
    ])
    expect(history.applied[2]!.detail).toMatch(/failed/)
    expect(history.applied[0]!.checksum).toBe('123')

    const files = await flyway.list(project.at('db/migration'), project.root, { transaction: 'auto' })
    const applied = files.filter((f) => flyway.isApplied(f, history)).map((f) => f.id)
    expect(applied).toEqual(['1', '1.1', 'active users'])
    expect(flyway.checksum!(files.at(-1)!)).toBe(String(viewChecksum))
  })

  it('treats a changed repeatable migration as pending', async () => {
    await db.exec(`UPDATE flyway_schema_history SET checksum = 42 WHERE version IS NULL`)
    const history = await flyway.readHistory(recordingQuery(db, seen))
    const files = await flyway.list(project.at('db/migration'), project.root, { transaction: 'auto' })
    expect(flyway.isApplied(files.at(-1)!, history)).toBe(false)
  })

  it('counts versions at or below a baseline as applied', async () => {
    await db.exec(`TRUNCATE flyway_schema_history`)
    await db.exec(
      `INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) VALUES
        (1, '3', '<< Flyway Baseline >>', 'BASELINE', '<< Flyway Baseline >>', NULL, 'app', 0, true)`,
    )
    const history = await flyway.readHistory(recordingQuery(db, seen))
    expect(history.appliedUpTo).toBe('3')
    const files = await flyway.list(project.at('db/migration'), project.root, { transaction: 'auto' })
    expect(files.filter((f) => !flyway.isApplied(f, history)).map((f) => f.id)).toEqual(['4', '5', '6', '10', 'active users'])
  })

  it('only ran SELECT statements', () => {
    expect(isReadOnly(seen)).toBe(true)
  })
})
