/**
 * migration-history when the history table is in an odd state: the engine could not read it (and
 * logged why), so the check reads it once more to say why in the report; or golang-migrate's table
 * holds more rows than the tool keeps.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/migration-history.js'
import { configSchema } from '../../../src/config/schema.js'
import { runLiveChecks } from '../../../src/engine/live-runner.js'
import type { CheckResult } from '../../../src/engine/model.js'
import { golangMigrate } from '../../../src/sources/layouts/golang-migrate.js'
import { makeProject } from '../../sources/helpers.js'
import { makeTestContext } from '../../support/live-context.js'
import { runWithHistory } from '../../support/history-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { adminExec, uniqueName, urlAs } from './support/sessions.js'

const FILES = {
  'db/0001_users.up.sql': 'CREATE TABLE users (id bigint);\n',
  'db/0002_email.up.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
}

/** Runs the check as the engine does after its own read of the history failed (ctx.history undefined). */
async function runUnreadable(url: string): Promise<CheckResult> {
  const project = await makeProject(FILES)
  try {
    const migrations = await golangMigrate.list(project.at('db'), project.root, { transaction: 'auto' })
    const { ctx, session } = await makeTestContext(url, { layout: golangMigrate, migrations, baseDir: project.root })
    try {
      const [result] = await runLiveChecks([check], ctx, configSchema.parse({}))
      return result!
    } finally {
      await session.close()
    }
  } finally {
    await project.remove()
  }
}

describe('migration-history', () => {
  let db: TestDatabase
  const reader = uniqueName('pf_reader')
  beforeAll(async () => {
    await adminExec(`CREATE ROLE ${reader} LOGIN PASSWORD 'pw'`)
  })
  afterAll(async () => adminExec(`DROP ROLE IF EXISTS ${reader}`))
  beforeEach(async () => {
    db = await createTestDatabase()
  })
  afterEach(async () => db.drop())

  it('says the login may not read the table, and what to grant', async () => {
    await db.exec('CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (1, false)')
    const result = await runUnreadable(urlAs(db.url, reader, 'pw'))
    expect(result.status).toBe('fail')
    expect(result.summary).toBe(
      `The preflight login ${reader} may not read the history table public.schema_migrations (permission denied for table schema_migrations), so every migration was treated as pending.`,
    )
    expect(result.mitigation).toBe(`GRANT SELECT ON public.schema_migrations TO ${reader}.`)
  })

  it("says the table is not golang-migrate's when a column is missing or a version is not a number", async () => {
    await db.exec('CREATE TABLE schema_migrations (version varchar(255) PRIMARY KEY)')
    const missing = await runUnreadable(db.url)
    expect(missing.status).toBe('fail')
    expect(missing.summary).toMatch(/^The history table public\.schema_migrations does not look like golang-migrate's \(column "dirty" does not exist\): it may belong to another tool/)
    expect(missing.mitigation).toMatch(/set migrations\.layout to it/)

    await db.exec("ALTER TABLE schema_migrations ADD COLUMN dirty boolean; INSERT INTO schema_migrations VALUES ('20240101120000_add_users', NULL)")
    const text = await runUnreadable(db.url)
    expect(text.status).toBe('fail')
    expect(text.summary).toMatch(/does not look like golang-migrate's \(Cannot convert 20240101120000_add_users to a BigInt\)/)
  })

  it('warns when schema_migrations holds more rows than the one golang-migrate keeps', async () => {
    await db.exec('CREATE TABLE schema_migrations (version bigint, dirty boolean); INSERT INTO schema_migrations VALUES (1, false), (2, false), (3, false)')
    const result = await runWithHistory(check, db, golangMigrate, FILES, 'db')
    expect(result.status).toBe('warn')
    expect(result.summary).toMatch(/^public\.schema_migrations has 3 rows, but golang-migrate keeps exactly one \(the newest version\): the table may belong to another tool/)

    await db.exec('DELETE FROM schema_migrations WHERE version <> 2')
    const single = await runWithHistory(check, db, golangMigrate, FILES, 'db')
    expect(single.status).toBe('pass')
    expect(single.summary).toBe('2 of 2 migrations applied according to public.schema_migrations; 0 pending.')
  })
})
