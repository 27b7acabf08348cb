import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/missing-migration-files.js'
import { dbmate } from '../../../src/sources/layouts/dbmate.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { runWithHistory } from '../../support/history-context.js'

const FILES = {
  'db/migrations/20240101000000_users.sql': '-- migrate:up\nCREATE TABLE users (id bigint);\n-- migrate:down\nDROP TABLE users;\n',
  'db/migrations/20240301000000_email.sql': '-- migrate:up\nALTER TABLE users ADD COLUMN email text;\n',
}

describe('missing-migration-files', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createTestDatabase()
    await db.exec("CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240101000000')")
  })
  afterEach(async () => db.drop())

  it('passes when every applied migration has a file', async () => {
    const result = await runWithHistory(check, db, dbmate, FILES, 'db/migrations')
    expect(result.status).toBe('pass')
  })

  it('warns about an applied migration the repository does not have', async () => {
    await db.exec("INSERT INTO schema_migrations VALUES ('20240201000000')")
    const result = await runWithHistory(check, db, dbmate, FILES, 'db/migrations')
    expect(result.status).toBe('warn')
    expect(result.summary).toMatch(/20240201000000/)
    expect(result.findings[0]!.message).toMatch(/no dbmate migration with that id is in the repository/)
  })
})
