import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { openTestSession } from '../../support/live-context.js'

describe('read-only target session', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec('CREATE TABLE t (id int)')
  })
  afterAll(async () => db.drop())

  it('refuses a write even when the guard is bypassed, because the session is READ ONLY', async () => {
    const session = await openTestSession(db.url)
    try {
      // The query guard refuses non-reads outright...
      await expect(session.query('INSERT INTO t VALUES (1)')).rejects.toThrow(/refused to run a non-read statement/)
      // ...and a write hidden in a CTE reaches the server, which refuses it (SQLSTATE 25006).
      await expect(session.query('WITH x AS (INSERT INTO t VALUES (1) RETURNING id) SELECT * FROM x')).rejects.toMatchObject({ code: '25006' })
      const rows = await session.query<{ transaction_read_only: string }>('SHOW transaction_read_only')
      expect(rows[0]!.transaction_read_only).toBe('on')
      const timeouts = await session.query<{ st: string; lt: string; app: string }>(
        "SELECT current_setting('statement_timeout') AS st, current_setting('lock_timeout') AS lt, current_setting('application_name') AS app",
      )
      expect(timeouts[0]).toEqual({ st: '5s', lt: '1s', app: 'migrations-preflight' })
    } finally {
      await session.close()
    }
    const count = await db.exec('SELECT count(*)::int AS n FROM t')
    expect(count.rows[0].n).toBe(0)
  })
})
