import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/dirty-migrations.js'
import { golangMigrate } from '../../../src/sources/layouts/golang-migrate.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { runWithHistory } from '../../support/history-context.js'

const FILES = {
  'db/0001_users.up.sql': 'CREATE TABLE users (id bigint);\n',
  'db/0002_email.up.sql': 'ALTER TABLE users ADD COLUMN email text;\n',
  'db/0003_index.up.sql': 'CREATE INDEX users_email_idx ON users (email);\n',
}

describe('dirty-migrations', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createTestDatabase()
    // golang-migrate's table: one row, the newest version and whether it finished.
    await db.exec('CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL)')
  })
  afterEach(async () => db.drop())

  it('passes a clean history', async () => {
    await db.exec('INSERT INTO schema_migrations VALUES (2, false)')
    const result = await runWithHistory(check, db, golangMigrate, FILES, 'db')
    expect(result.status).toBe('pass')
  })

  it('fails a dirty golang-migrate row, at the file that failed', async () => {
    await db.exec('INSERT INTO schema_migrations VALUES (3, true)')
    const result = await runWithHistory(check, db, golangMigrate, FILES, 'db')
    expect(result.status).toBe('fail')
    expect(result.findings.map((f) => `${f.file}:${f.line}:${f.col}`)).toEqual(['db/0003_index.up.sql:1:1'])
    expect(result.findings[0]!.message).toMatch(/golang-migrate recorded migration 3 as failed or unfinished in public.schema_migrations: schema_migrations is dirty at version 3/)
  })

  it('skips when the layout keeps no history', async () => {
    const { plain } = await import('../../../src/sources/layouts/plain.js')
    const result = await runWithHistory(check, db, plain, { 'm/001.sql': 'SELECT 1;' }, 'm')
    expect(result.status).toBe('skip')
  })
})
