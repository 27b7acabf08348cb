import { afterAll, beforeAll, expect, it } from '@jest/globals'
import type { MysqlSession } from '../../src/dialects/mysql/session.js'
import { ConfigError } from '../../src/engine/errors.js'
import type { MigrationFile, QueryFn } from '../../src/sources/layout.js'
import { atlas } from '../../src/sources/layouts/atlas.js'
import { flyway, flywayChecksum } from '../../src/sources/layouts/flyway.js'
import { golangMigrate } from '../../src/sources/layouts/golang-migrate.js'
import { goose } from '../../src/sources/layouts/goose.js'
import { liquibase } from '../../src/sources/layouts/liquibase.js'
import { plainLayout } from '../../src/sources/layouts/plain.js'
import { sqlx, sqlxChecksum } from '../../src/sources/layouts/sqlx.js'
import { createMysqlTestDatabase, describeMysql, type MysqlTestDatabase } from '../support/mysql.js'
import { openMysqlTestSession } from '../support/mysql-live-context.js'

const describeWithMysql = await describeMysql()

/** The table Flyway creates on MySQL (flyway-mysql createMetaDataTable.sql). */
const FLYWAY_DDL = `
CREATE TABLE flyway_schema_history (
  installed_rank INT NOT NULL,
  version VARCHAR(50),
  description VARCHAR(200) NOT NULL,
  type VARCHAR(20) NOT NULL,
  script VARCHAR(1000) NOT NULL,
  checksum INT,
  installed_by VARCHAR(100) NOT NULL,
  installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  execution_time INT NOT NULL,
  success BOOL NOT NULL,
  CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank)
) ENGINE=InnoDB`

/** A versioned migration file with the given id. */
function file(id: string, raw = 'SELECT 1;\n'): MigrationFile {
  return { id, name: id, path: `m/${id}.sql`, absPath: `/virtual/m/${id}.sql`, sql: raw, raw, kind: 'versioned', runsInTransaction: false, transactionReason: 'test' }
}

describeWithMysql('history tables on MySQL / MariaDB (information_schema, read-only session)', () => {
  let db: MysqlTestDatabase
  let session: MysqlSession
  let query: QueryFn
  beforeAll(async () => {
    db = await createMysqlTestDatabase('pf_hist')
    session = await openMysqlTestSession(db.url)
    query = (sql, params) => session.query(sql, params)
  })
  afterAll(async () => {
    await session?.close()
    await db?.drop()
  })

  it('golang-migrate: a missing table means nothing applied, named in the connection\'s database', async () => {
    expect(await golangMigrate.readHistoryMysql!(query)).toEqual({ table: `${db.name}.schema_migrations`, exists: false, applied: [] })
  })

  it('golang-migrate: the single row marks everything up to it applied; a dirty row marks that version failed', async () => {
    await db.exec('CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, dirty BOOLEAN NOT NULL)')
    await db.exec('INSERT INTO schema_migrations VALUES (20240102030405, 0)')
    const clean = await golangMigrate.readHistoryMysql!(query)
    expect(clean).toMatchObject({ table: `${db.name}.schema_migrations`, exists: true, appliedUpTo: '20240102030405', applied: [{ id: '20240102030405', isFailed: false }] })
    expect(golangMigrate.isApplied(file('20240102030405'), clean)).toBe(true)
    expect(golangMigrate.isApplied(file('20240102030406'), clean)).toBe(false)
    await db.exec('UPDATE schema_migrations SET dirty = 1')
    const dirty = await golangMigrate.readHistoryMysql!(query)
    expect(dirty.applied[0]).toMatchObject({ isFailed: true, detail: expect.stringContaining('dirty') })
    expect(golangMigrate.isApplied(file('20240102030405'), dirty)).toBe(false)
  })

  it('Flyway: rows by installed_rank, failures, checksums and the baseline', async () => {
    await db.exec(FLYWAY_DDL)
    const sum = Number(flywayChecksum('SELECT 1;\n'))
    await db.exec(
      `INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success) VALUES
       (1, '1', '<< Flyway Baseline >>', 'BASELINE', '<< Flyway Baseline >>', NULL, 'ci', 0, 1),
       (2, '2', 'add users', 'SQL', 'V2__add_users.sql', ?, 'ci', 12, 1),
       (3, '3', 'broken', 'SQL', 'V3__broken.sql', 123, 'ci', 5, 0)`,
      [sum],
    )
    const history = await flyway.readHistoryMysql!(query)
    expect(history).toMatchObject({ table: `${db.name}.flyway_schema_history`, exists: true, appliedUpTo: '1' })
    expect(history.applied.map((r) => [r.id, r.isFailed, r.checksum ?? null])).toEqual([
      ['1', false, null],
      ['2', false, String(sum)],
      ['3', true, '123'],
    ])
    expect(history.applied[1]!.appliedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/)
    expect([file('1'), file('2'), file('3'), file('4')].map((f) => flyway.isApplied(f, history))).toEqual([true, true, false, false])
  })

  it('plain: reads the configured table\'s version column, qualified or not', async () => {
    await db.exec('CREATE TABLE applied_files (version VARCHAR(200) NOT NULL, applied_at DATETIME)')
    await db.exec("INSERT INTO applied_files (version) VALUES ('0001_init.sql'), ('0002_users')")
    for (const name of ['applied_files', `${db.name}.applied_files`]) {
      const history = await plainLayout(name).readHistoryMysql!(query)
      expect(history).toEqual({ table: `${db.name}.applied_files`, exists: true, applied: [{ id: '0001_init', isFailed: false }, { id: '0002_users', isFailed: false }] })
    }
    expect(await plainLayout().readHistoryMysql!(query)).toEqual({ table: '', exists: false, applied: [] })
    expect(await plainLayout('nothing_here').readHistoryMysql!(query)).toMatchObject({ exists: false, table: `${db.name}.nothing_here` })
  })

  it('plain: a table without a version or name column is a config error naming its columns', async () => {
    await db.exec('CREATE TABLE wrong_history (file VARCHAR(200))')
    await expect(plainLayout('wrong_history').readHistoryMysql!(query)).rejects.toThrow(ConfigError)
    await expect(plainLayout('wrong_history').readHistoryMysql!(query)).rejects.toThrow(/has no "version" or "name" column; it has: file/)
  })

  it('atlas: atlas_schema_revisions in the connection database; a revision is applied when applied reached total', async () => {
    expect(await atlas.readHistoryMysql!(query)).toEqual({ table: `${db.name}.atlas_schema_revisions`, exists: false, applied: [] })
    // Atlas's MySQL table (ent schema of cmd/atlas/internal/migrate).
    await db.exec(
      'CREATE TABLE atlas_schema_revisions (version varchar(255) NOT NULL, description varchar(255) NOT NULL, type bigint unsigned NOT NULL DEFAULT 2, ' +
        'applied bigint NOT NULL DEFAULT 0, total bigint NOT NULL DEFAULT 0, executed_at timestamp NOT NULL, execution_time bigint NOT NULL, error longtext NULL, ' +
        'error_stmt longtext NULL, hash varchar(255) NOT NULL, partial_hashes json NULL, operator_version varchar(255) NOT NULL, PRIMARY KEY (version))',
    )
    await db.exec(
      "INSERT INTO atlas_schema_revisions (version, description, type, applied, total, executed_at, execution_time, hash, operator_version) VALUES ('1', 'a', 2, 2, 2, NOW(), 1, '', 'v'), ('2', 'b', 2, 1, 3, NOW(), 1, '', 'v')",
    )
    const history = await atlas.readHistoryMysql!(query)
    expect(history.applied.map((r) => [r.id, r.isFailed])).toEqual([
      ['1', false],
      ['2', true],
    ])
    expect(atlas.isApplied(file('1'), history)).toBe(true)
    expect(atlas.isApplied(file('2'), history)).toBe(false)
  })

  it('liquibase: DATABASECHANGELOG rows are changesets of files; FAILED rows are failures', async () => {
    expect(await liquibase.readHistoryMysql!(query)).toEqual({ table: `${db.name}.DATABASECHANGELOG`, exists: false, applied: [] })
    // Liquibase 4's MySQL table.
    await db.exec(
      'CREATE TABLE DATABASECHANGELOG (ID VARCHAR(255) NOT NULL, AUTHOR VARCHAR(255) NOT NULL, FILENAME VARCHAR(255) NOT NULL, DATEEXECUTED datetime NOT NULL, ' +
        'ORDEREXECUTED INT NOT NULL, EXECTYPE VARCHAR(10) NOT NULL, MD5SUM VARCHAR(35) NULL, DESCRIPTION VARCHAR(255) NULL, COMMENTS VARCHAR(255) NULL, TAG VARCHAR(255) NULL, ' +
        'LIQUIBASE VARCHAR(20) NULL, CONTEXTS VARCHAR(255) NULL, LABELS VARCHAR(255) NULL, DEPLOYMENT_ID VARCHAR(10) NULL)',
    )
    await db.exec(
      "INSERT INTO DATABASECHANGELOG (ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE) VALUES ('1', 'a', 'db/changes/001.sql', NOW(), 1, 'EXECUTED'), ('2', 'a', 'db/changes/001.sql', NOW(), 2, 'FAILED')",
    )
    const history = await liquibase.readHistoryMysql!(query)
    expect(history.applied.map((r) => [r.id, r.isFailed])).toEqual([
      ['db/changes/001.sql::1::a', false],
      ['db/changes/001.sql::2::a', true],
    ])
  })

  it('goose: a version is applied when its latest row says so; the table goose creates with row 0', async () => {
    expect(await goose.readHistoryMysql!(query)).toEqual({ table: `${db.name}.goose_db_version`, exists: false, applied: [] })
    // goose's MySQL table (internal/dialect/dialectquery/mysql.go).
    await db.exec('CREATE TABLE goose_db_version (id serial NOT NULL, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp NULL default now(), PRIMARY KEY(id))')
    await db.exec('INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, 1), (20240101000000, 1), (20240102000000, 1), (20240102000000, 0)')
    const history = await goose.readHistoryMysql!(query)
    expect(history).toEqual({ table: `${db.name}.goose_db_version`, exists: true, applied: [{ id: '20240101000000', isFailed: false }] })
    expect(goose.isApplied(file('20240101000000'), history)).toBe(true)
    expect(goose.isApplied(file('20240102000000'), history)).toBe(false)
  })

  it('sqlx: rows with their success flag and checksum (stored as bytes, read as hex)', async () => {
    expect(await sqlx.readHistoryMysql!(query)).toEqual({ table: `${db.name}._sqlx_migrations`, exists: false, applied: [] })
    // sqlx's MySQL table (sqlx-mysql migrate.rs ensure_migrations_table).
    await db.exec('CREATE TABLE _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL, checksum BLOB NOT NULL, execution_time BIGINT NOT NULL)')
    await db.exec(`INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) VALUES (20240101000000, 'init', 1, UNHEX('${sqlxChecksum('SELECT 1;\n')}'), 3), (20240102000000, 'next', 0, UNHEX('00ff'), 3)`)
    const history = await sqlx.readHistoryMysql!(query)
    expect(history.applied).toEqual([
      { id: '20240101000000', name: 'init', checksum: sqlxChecksum('SELECT 1;\n'), isFailed: false },
      { id: '20240102000000', name: 'next', checksum: '00ff', isFailed: true, detail: expect.stringContaining('success = false') },
    ])
    expect(sqlx.isApplied(file('20240101000000'), history)).toBe(true)
    expect(sqlx.isApplied(file('20240102000000'), history)).toBe(false)
  })
})
