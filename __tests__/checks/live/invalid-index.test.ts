import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/invalid-index.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

describe('invalid-index', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(`CREATE TABLE users (id bigint, email text);
                   INSERT INTO users VALUES (1, 'a@x'), (2, 'a@x');
                   CREATE UNIQUE INDEX users_id_key ON users (id)`)
    // A failed CREATE UNIQUE INDEX CONCURRENTLY over duplicate rows leaves the index invalid.
    await expect(db.exec('CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)')).rejects.toMatchObject({ code: '23505' })
    const { rows } = await db.exec("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email_key'::regclass")
    expect(rows[0].indisvalid).toBe(false)
  })
  afterAll(async () => db.drop())

  it('passes statements that rely on valid indexes', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: ['ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_id_key;\nINSERT INTO users (id) VALUES (3) ON CONFLICT (id) DO NOTHING;'],
    })
    expect(result.findings).toEqual([])
    expect(result.status).toBe('pass')
  })

  it('reports a constraint built on the invalid index, ON CONFLICT and IF NOT EXISTS relying on it', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: [
        "ALTER TABLE users ADD CONSTRAINT users_email_uq UNIQUE USING INDEX users_email_key;\nINSERT INTO users (id, email) VALUES (3, 'b@x') ON CONFLICT (email) DO NOTHING;\nCREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email);\nCREATE TABLE logins (email text REFERENCES users (email));",
      ],
    })
    expect(result.status).toBe('fail')
    expect(result.findings.map((f) => f.line)).toEqual([1, 2, 3, 4])
    expect(result.findings[0]!.message).toMatch(/index users_email_key on users is invalid/)
    expect(result.findings[2]!.message).toMatch(/IF NOT EXISTS skips the build/)
    expect(result.findings[0]!.evidence).toMatchObject({ index: 'public.users_email_key', valid: false })
  })

  it('warns that REINDEX TABLE CONCURRENTLY skips the invalid index', async () => {
    const result = await runLiveCheck(check, db.url, { pending: ['REINDEX TABLE CONCURRENTLY users;'] })
    expect(result.status).toBe('warn')
    expect(result.findings[0]!.message).toMatch(/is skipped and stays invalid/)
  })
})
