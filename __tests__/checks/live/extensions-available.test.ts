import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/extensions-available.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

describe('extensions-available', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => db.drop())

  it('fails at a CREATE EXTENSION the server cannot satisfy', async () => {
    const result = await runLiveCheck(check, db.url, {
      pending: ['CREATE EXTENSION IF NOT EXISTS pg_trgm;\nCREATE EXTENSION no_such_extension;\nCREATE EXTENSION plpgsql;\nCREATE EXTENSION citext VERSION \'0.1\';'],
    })
    expect(result.status).toBe('fail')
    expect(result.findings.map((f) => `${f.line}:${f.col} ${f.message}`)).toEqual([
      '2:1 Extension no_such_extension is not available on the server (not in pg_available_extensions): CREATE EXTENSION no_such_extension will fail.',
      '3:1 Extension plpgsql is already installed (1.0): CREATE EXTENSION plpgsql without IF NOT EXISTS will fail with "already exists".',
      expect.stringMatching(/^4:1 CREATE EXTENSION citext asks for version 0\.1, but the server offers .*1\.6/),
    ])
  })

  it('passes when every created extension is available', async () => {
    const result = await runLiveCheck(check, db.url, { pending: ['CREATE EXTENSION IF NOT EXISTS pg_trgm;'] })
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(/^pg_trgm [\d.]+ available\.$/)
  })

  it('checks requires: constraints against the installed version or the one the pending SQL installs', async () => {
    const ok = await runLiveCheck(check, db.url, { target: { requires: { plpgsql: '>=1.0 <2' } } })
    expect(ok.status).toBe('pass')
    expect(ok.summary).toBe('plpgsql 1.0 installed.')

    const tooOld = await runLiveCheck(check, db.url, { target: { requires: { plpgsql: '>=2' } } })
    expect(tooOld.status).toBe('fail')
    expect(tooOld.summary).toBe('The config requires plpgsql >=2, but the version installed is 1.0.')

    const notInstalled = await runLiveCheck(check, db.url, { target: { requires: { pg_trgm: '>=1.0' } } })
    expect(notInstalled.status).toBe('fail')
    expect(notInstalled.summary).toMatch(/pg_trgm is not installed in this database and no pending statement creates it/)

    const created = await runLiveCheck(check, db.url, { target: { requires: { pg_trgm: '>=1.0' } }, pending: ['CREATE EXTENSION IF NOT EXISTS pg_trgm;'] })
    expect(created.status).toBe('pass')

    const unknown = await runLiveCheck(check, db.url, { target: { requires: { postgis: '>=3.3' } } })
    expect(unknown.status).toBe('fail')
    expect(unknown.summary).toBe('The config requires postgis >=3.3, but postgis is not available on the server.')

    const typo = await runLiveCheck(check, db.url, { target: { requires: { plpgsql: 'at least 1' } } })
    expect(typo.status).toBe('fail')
    expect(typo.summary).toMatch(/requires\.plpgsql: "at least 1" is not a version range/)
  })

  it('passes without extensions to check', async () => {
    expect((await runLiveCheck(check, db.url, { pending: ['SELECT 1;'] })).status).toBe('pass')
  })
})
