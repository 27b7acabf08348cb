import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/type-change-cast.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

describe('type-change-cast', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(`CREATE TABLE events (id bigint, code text, flag int, tags varchar(10)[], happened date);
                   CREATE DOMAIN short_text AS varchar(20)`)
  })
  afterAll(async () => db.drop())

  it('passes changes PostgreSQL converts on its own', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: [
        'ALTER TABLE events ALTER COLUMN id TYPE numeric, ALTER COLUMN flag TYPE bigint, ALTER COLUMN code TYPE varchar(50);\n' +
          'ALTER TABLE events ALTER COLUMN tags TYPE text[], ALTER COLUMN happened TYPE timestamptz;\n' +
          'ALTER TABLE events ALTER COLUMN code TYPE short_text, ALTER COLUMN flag TYPE text;\n' +
          "ALTER TABLE events ALTER COLUMN code TYPE int USING nullif(code, '')::int;",
      ],
    })
    expect(result.findings).toEqual([])
    expect(result.status).toBe('pass')
  })

  it('reports a type change without a cast, with the USING to write', async () => {
    const result = await runLiveCheck(check, db.url, { pending: ['-- change\nALTER TABLE events\n  ALTER COLUMN code TYPE integer;'] })
    expect(result.status).toBe('fail')
    expect(result.findings.map((f) => `${f.line}:${f.col}`)).toEqual(['2:1'])
    expect(result.findings[0]!.message).toMatch(/column "code" of events cannot be cast automatically from text to integer/)
    expect(result.findings[0]!.mitigation).toMatch(/USING code::integer/)
    expect(result.findings[0]!.evidence).toMatchObject({ from: 'text', to: 'integer' })
  })

  it('uses the type an earlier pending statement gave the column', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: ['ALTER TABLE events ALTER COLUMN flag TYPE text;', 'ALTER TABLE events ALTER COLUMN flag TYPE boolean;'],
    })
    expect(result.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['pending/002.sql:1'])
    expect(result.findings[0]!.message).toMatch(/from text to boolean/)
  })

  it('reports a change to an enum the migration creates', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: ["CREATE TYPE level AS ENUM ('low', 'high');\nALTER TABLE events ALTER COLUMN code TYPE level;"],
    })
    expect(result.findings.map((f) => f.line)).toEqual([2])
    expect(result.findings[0]!.message).toMatch(/from text to level/)
  })
})
