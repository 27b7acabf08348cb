import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/edited-applied-migrations.js'
import { flyway, flywayChecksum } from '../../../src/sources/layouts/flyway.js'
import { golangMigrate } from '../../../src/sources/layouts/golang-migrate.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { runWithHistory } from '../../support/history-context.js'

/** The table Flyway creates on PostgreSQL. */
const FLYWAY_DDL = `CREATE TABLE flyway_schema_history (
  installed_rank int PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL,
  script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(),
  execution_time int NOT NULL, success boolean NOT NULL)`

const V1 = 'CREATE TABLE users (id bigint);\n'
const V2 = 'ALTER TABLE users ADD COLUMN email text;\n'

describe('edited-applied-migrations', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createTestDatabase()
    await db.exec(FLYWAY_DDL)
    await db.exec(
      `INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
       VALUES (1, '1', 'create users', 'SQL', 'V1__create_users.sql', $1, 'ci', 5, true),
              (2, '2', 'add email', 'SQL', 'V2__add_email.sql', $2, 'ci', 5, true)`,
      [Number(flywayChecksum(V1)), Number(flywayChecksum(V2))],
    )
  })
  afterEach(async () => db.drop())

  it('passes when applied files match their Flyway checksums', async () => {
    const result = await runWithHistory(check, db, flyway, { 'sql/V1__create_users.sql': V1, 'sql/V2__add_email.sql': V2, 'sql/V3__new.sql': 'SELECT 1;\n' }, 'sql')
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(/2 applied migrations match the checksums Flyway stored/)
  })

  it('fails an applied file edited since (Flyway checksum)', async () => {
    const edited = 'ALTER TABLE users ADD COLUMN email varchar(320);\n'
    const result = await runWithHistory(check, db, flyway, { 'sql/V1__create_users.sql': V1, 'sql/V2__add_email.sql': edited }, 'sql')
    expect(result.status).toBe('fail')
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.col}`)).toEqual(['sql/V2__add_email.sql:1:1'])
    expect(result.findings[0]!.evidence).toMatchObject({ storedChecksum: flywayChecksum(V2), fileChecksum: flywayChecksum(edited) })
  })

  it('says so when the tool stores no checksum', async () => {
    await db.exec('CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (1, false)')
    const result = await runWithHistory(check, db, golangMigrate, { 'm/1_a.up.sql': V1 }, 'm')
    expect(result.status).toBe('skip')
    expect(result.summary).toMatch(/golang-migrate stores no checksum/)
  })
})
