/**
 * applied-migration-in-diff against a real database: golang-migrate's schema_migrations and
 * Flyway's flyway_schema_history say what is applied; the change lists modified and removed files.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import check from '../../../src/checks/live/applied-migration-in-diff.js'
import { configSchema } from '../../../src/config/schema.js'
import type { MigrationChanges } from '../../../src/engine/define.js'
import { runLiveChecks } from '../../../src/engine/live-runner.js'
import type { CheckResult } from '../../../src/engine/model.js'
import { flyway } from '../../../src/sources/layouts/flyway.js'
import { golangMigrate } from '../../../src/sources/layouts/golang-migrate.js'
import type { Layout } from '../../../src/sources/layout.js'
import { makeTestContext } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

let db: TestDatabase
let project: string

beforeEach(async () => {
  db = await createTestDatabase('pf_amid')
  project = mkdtempSync(join(tmpdir(), 'preflight-amid-'))
})

afterEach(async () => {
  await db.drop()
  rmSync(project, { recursive: true, force: true })
})

/** Writes migration files under <project>/db/migrations. */
function writeMigrations(files: Record<string, string>): string {
  const dir = join(project, 'db', 'migrations')
  mkdirSync(dir, { recursive: true })
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql)
  return dir
}

/** Runs the check the way the engine does, with the history read from the database. */
async function run(layout: Layout, dir: string, changes: MigrationChanges | undefined): Promise<CheckResult> {
  const { ctx, session } = await makeTestContext(db.url)
  try {
    const migrations = await layout.list(dir, project, { transaction: 'auto' })
    const history = await layout.readHistory((sql, params) => session.query(sql, params))
    const [result] = await runLiveChecks([check], { ...ctx, layout, history, migrations, baseDir: project, migrationsDir: dir, changes }, configSchema.parse({}))
    return result!
  } finally {
    await session.close()
  }
}

const GOLANG_FILES = {
  '000001_create_users.up.sql': 'CREATE TABLE users (id bigint PRIMARY KEY);\n',
  '000001_create_users.down.sql': 'DROP TABLE users;\n',
  '000002_create_orders.up.sql': 'CREATE TABLE orders (id bigint PRIMARY KEY);\n',
  '000003_add_note.up.sql': 'ALTER TABLE orders ADD COLUMN note text;\n',
}

describe('golang-migrate', () => {
  beforeEach(async () => {
    await db.exec('CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (2, false)')
  })

  test('fails on a modified applied file, at its first line', async () => {
    const dir = writeMigrations(GOLANG_FILES)
    const result = await run(golangMigrate, dir, { modified: ['db/migrations/000001_create_users.up.sql'], removed: [] })
    expect(result.status).toBe('fail')
    expect(result.summary).toBe('This change edits or removes 1 migration that test already applied; golang-migrate will not run it again.')
    expect(result.findings).toEqual([
      expect.objectContaining({ file: 'db/migrations/000001_create_users.up.sql', line: 1, col: 1, evidence: { id: '1', historyTable: 'public.schema_migrations', change: 'modified' } }),
    ])
    expect(result.findings[0]!.message).toContain('is already applied on test (public.schema_migrations)')
  })

  test('fails on a removed applied file, which has no line to point at', async () => {
    const { '000002_create_orders.up.sql': _removed, ...rest } = GOLANG_FILES
    const dir = writeMigrations(rest)
    const result = await run(golangMigrate, dir, { modified: [], removed: ['db/migrations/000002_create_orders.up.sql'] })
    expect(result.status).toBe('fail')
    expect(result.findings).toHaveLength(1)
    expect(result.findings[0]!.file).toBeUndefined()
    expect(result.findings[0]!.message).toBe(
      'db/migrations/000002_create_orders.up.sql was removed or renamed, but test already applied it (id 2 in public.schema_migrations): the files no longer describe that database.',
    )
  })

  test('passes when the edited and removed files are not applied yet, or are not migrations', async () => {
    const { '000003_add_note.up.sql': _removed, ...rest } = GOLANG_FILES
    const dir = writeMigrations({ ...rest, '000004_more.up.sql': 'SELECT 1;\n' })
    const result = await run(golangMigrate, dir, {
      modified: ['db/migrations/000004_more.up.sql', 'db/migrations/000001_create_users.down.sql'],
      removed: ['db/migrations/000003_add_note.up.sql', 'db/migrations/README.md'],
    })
    expect(result.status).toBe('pass')
    expect(result.summary).toBe('None of the 4 modified or removed migrations is applied on test.')
  })

  test('passes a change that only adds, and skips without a list of changed files', async () => {
    const dir = writeMigrations(GOLANG_FILES)
    expect((await run(golangMigrate, dir, { modified: [], removed: [] })).status).toBe('pass')
    const skipped = await run(golangMigrate, dir, undefined)
    expect(skipped.status).toBe('skip')
    expect(skipped.summary).toContain('runs in the GitHub Action on pull requests')
  })
})

test('a dirty golang-migrate version counts as not applied', async () => {
  await db.exec('CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (2, true)')
  const dir = writeMigrations(GOLANG_FILES)
  const result = await run(golangMigrate, dir, { modified: ['db/migrations/000002_create_orders.up.sql'], removed: [] })
  expect(result.status).toBe('pass')
})

test('Flyway: an edited applied versioned file fails, an edited repeatable file is just pending', async () => {
  await db.exec(`CREATE TABLE flyway_schema_history (
    installed_rank int PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL,
    script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(),
    execution_time int NOT NULL, success boolean NOT NULL)`)
  await db.exec(`INSERT INTO flyway_schema_history VALUES
    (1, '1', 'create users', 'SQL', 'V1__create_users.sql', 1, 'ci', now(), 5, true),
    (2, NULL, 'views', 'SQL', 'R__views.sql', 1, 'ci', now(), 5, true)`)
  const dir = writeMigrations({ 'V1__create_users.sql': 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n', 'R__views.sql': 'CREATE OR REPLACE VIEW v AS SELECT 2;\n' })
  const result = await run(flyway, dir, { modified: ['db/migrations/V1__create_users.sql', 'db/migrations/R__views.sql'], removed: [] })
  expect(result.status).toBe('fail')
  expect(result.findings.map((f) => f.file)).toEqual(['db/migrations/V1__create_users.sql'])
  expect(result.summary).toContain('Flyway will not run it again')
})

test('skips when the history could not be read', async () => {
  const dir = writeMigrations(GOLANG_FILES)
  const { ctx, session } = await makeTestContext(db.url)
  try {
    const migrations = await golangMigrate.list(dir, project, { transaction: 'auto' })
    const [result] = await runLiveChecks([check], { ...ctx, layout: golangMigrate, history: undefined, migrations, baseDir: project, migrationsDir: dir, changes: { modified: ['db/migrations/000001_create_users.up.sql'], removed: [] } }, configSchema.parse({}))
    expect(result!.status).toBe('skip')
    expect(result!.summary).toContain('could not be read')
  } finally {
    await session.close()
  }
})
