import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/out-of-order-migrations.js'
import { dbmate } from '../../../src/sources/layouts/dbmate.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { runWithHistory } from '../../support/history-context.js'

const FILES = {
  'db/migrations/20240101000000_users.sql': '-- migrate:up\nCREATE TABLE users (id bigint);\n',
  'db/migrations/20240201000000_late_branch.sql': '-- migrate:up\nALTER TABLE users ADD COLUMN nickname text;\n',
  'db/migrations/20240301000000_email.sql': '-- migrate:up\nALTER TABLE users ADD COLUMN email text;\n',
  'db/migrations/20240401000000_next.sql': '-- migrate:up\nSELECT 1;\n',
}

describe('out-of-order-migrations', () => {
  let db: TestDatabase
  beforeEach(async () => {
    db = await createTestDatabase()
    await db.exec("CREATE TABLE schema_migrations (version varchar(128) PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240101000000')")
  })
  afterEach(async () => db.drop())

  it('passes when pending migrations come after the applied ones', async () => {
    const result = await runWithHistory(check, db, dbmate, FILES, 'db/migrations')
    expect(result.status).toBe('pass')
  })

  it('warns about a pending migration older than the newest applied one', async () => {
    await db.exec("INSERT INTO schema_migrations VALUES ('20240301000000')")
    const result = await runWithHistory(check, db, dbmate, FILES, 'db/migrations')
    expect(result.status).toBe('warn')
    expect(result.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['db/migrations/20240201000000_late_branch.sql:1'])
    expect(result.findings[0]!.message).toMatch(/ordered before db\/migrations\/20240301000000_email.sql.*dbmate applies it/)
  })

  it('counts an applied version that has no file in the folder (deleted, or applied from another branch)', async () => {
    await db.exec("INSERT INTO schema_migrations VALUES ('20240315000000')")
    const result = await runWithHistory(check, db, dbmate, FILES, 'db/migrations')
    expect(result.status).toBe('warn')
    expect(result.findings.map((f) => f.file)).toEqual(['db/migrations/20240201000000_late_branch.sql', 'db/migrations/20240301000000_email.sql'])
    expect(result.findings[0]!.message).toMatch(/ordered before version 20240315000000 \(no file for it in the folder\)/)
    expect(result.evidence).toMatchObject({ newestApplied: '20240315000000', outOfOrder: ['20240201000000', '20240301000000'] })
  })
})
