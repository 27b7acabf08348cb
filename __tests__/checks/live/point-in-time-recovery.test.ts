import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/point-in-time-recovery.js'
import { judgeArchiving, type ArchiverState } from '../../../src/dialects/postgres/catalog/archiver.js'
import { collectLiveFacts } from '../../../src/dialects/postgres/facts.js'
import { makeTestContext, runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

const working: ArchiverState = {
  archiveMode: 'on',
  walLevel: 'replica',
  archiveTimeoutSeconds: 60,
  archivedCount: 10,
  lastArchivedWal: '00000001000000000000000A',
  lastArchivedAt: '2026-11-25T10:00:00.000Z',
  failedCount: 1,
  lastFailedWal: '000000010000000000000002',
  lastFailedAt: '2026-11-25T09:00:00.000Z',
  serverNow: '2026-11-25T10:05:00.000Z',
}

describe('point-in-time-recovery', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => db.drop())

  it('warns on a server without WAL archiving (the test servers have archive_mode off)', async () => {
    const result = await runLiveCheck(check, db.url, { target: { acceptPitrAsBackup: true } })
    expect(result.status).toBe('warn')
    expect(result.summary).toMatch(/archive_mode is off/)
    expect(result.evidence).toMatchObject({ archiveMode: 'off', acceptPitrAsBackup: true })
  })

  it('does not give the static rules PITR as backup evidence when archiving is off', async () => {
    const { ctx, session } = await makeTestContext(db.url, { target: { acceptPitrAsBackup: true } })
    try {
      expect((await collectLiveFacts(ctx)).hasPitrBackup).toBe(false)
    } finally {
      await session.close()
    }
  })

  it('judges archiving from pg_stat_archiver', () => {
    expect(judgeArchiving(working).isWorking).toBe(true)
    expect(judgeArchiving({ ...working, lastFailedAt: '2026-11-25T10:01:00.000Z' }).reason).toMatch(/failing/)
    expect(judgeArchiving({ ...working, serverNow: '2026-11-25T13:00:00.000Z' }).reason).toMatch(/180 minutes ago, longer than 60 minutes/)
    expect(judgeArchiving({ ...working, archiveTimeoutSeconds: 7200, serverNow: '2026-11-25T13:00:00.000Z' }).isWorking).toBe(true)
    expect(judgeArchiving({ ...working, lastArchivedAt: null }).reason).toMatch(/no WAL segment has been archived/)
  })
})
