import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { tmpdir } from 'node:os'
import check from '../../../src/checks/live/disk-space.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

describe('disk-space', () => {
  let db: TestDatabase
  let databaseBytes: number
  let tableBytes: number
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(`CREATE TABLE events (id bigint PRIMARY KEY, payload text, code varchar(10));
                   INSERT INTO events SELECT g, repeat('x', 200), 'c' FROM generate_series(1, 20000) g;
                   ANALYZE events`)
    databaseBytes = Number((await db.exec('SELECT pg_database_size(current_database()) AS b')).rows[0].b)
    tableBytes = Number((await db.exec("SELECT pg_total_relation_size('events') AS b")).rows[0].b)
  })
  afterAll(async () => db.drop())

  const index = ['CREATE INDEX CONCURRENTLY events_code_idx ON events (code);']

  it('passes when nothing rebuilds, saying free space is not configured', async () => {
    const result = await runLiveCheck(check, db.url, { pending: ['ALTER TABLE events ADD COLUMN note text;\nALTER TABLE events ALTER COLUMN code TYPE varchar(20);'] })
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(/Free space is unknown: set capacity.quotaBytes/)
  })

  it('warns when a rebuild needs space and free space is unknown', async () => {
    const result = await runLiveCheck(check, db.url, { pending: index })
    expect(result.status).toBe('warn')
    expect(result.mitigation).toMatch(/capacity.quotaBytes/)
    expect(result.evidence).toMatchObject({ requiredBytes: tableBytes * 2, freeBytes: null })
  })

  it('fails when the quota leaves less room than the rebuild needs', async () => {
    const result = await runLiveCheck(check, db.url, { pending: index, target: { capacity: { quotaBytes: databaseBytes + tableBytes } } })
    expect(result.status).toBe('fail')
    expect(result.findings.map((f) => f.line)).toEqual([1])
    expect(result.findings[0]!.message).toMatch(/CREATE INDEX writes a new copy of public.events/)
  })

  it('warns when the quota leaves less than twice the room needed', async () => {
    const result = await runLiveCheck(check, db.url, { pending: index, target: { capacity: { quotaBytes: databaseBytes + tableBytes * 3 } } })
    expect(result.status).toBe('warn')
  })

  it('passes with plenty of quota, and reads a local data directory', async () => {
    const quota = await runLiveCheck(check, db.url, { pending: index, target: { capacity: { quotaBytes: databaseBytes + tableBytes * 10 } } })
    expect(quota.status).toBe('pass')
    const local = await runLiveCheck(check, db.url, { pending: ['ALTER TABLE events ALTER COLUMN id TYPE numeric;'], target: { capacity: { dataDirectory: tmpdir() } } })
    expect(local.evidence).toMatchObject({ freeSource: `file system of ${tmpdir()}` })
    expect(local.summary).toMatch(/needs about/)
  })

  it('counts a table once when the SQL names it both qualified and through the search_path', async () => {
    await db.exec(`CREATE SCHEMA app; CREATE TABLE app.ledger AS SELECT g AS id, repeat('y', 100) AS note FROM generate_series(1, 5000) g`)
    const ledgerBytes = Number((await db.exec("SELECT pg_total_relation_size('app.ledger') AS b")).rows[0].b)
    const result = await runLiveCheck(check, db.url, { pending: ['CREATE INDEX CONCURRENTLY ledger_id ON app.ledger (id);\nSET search_path TO app;\nCREATE INDEX CONCURRENTLY ledger_note ON ledger (note);'] })
    expect(result.status).toBe('warn')
    expect(result.evidence).toMatchObject({ requiredBytes: ledgerBytes * 2, tables: [{ table: 'app.ledger', totalBytes: ledgerBytes, requiredBytes: ledgerBytes * 2, statements: 2 }] })
  })

  it('does not count tables the pending set creates', async () => {
    const result = await runLiveCheck(check, db.url, { pending: ['CREATE TABLE fresh (id int);\nCREATE INDEX ON fresh (id);'] })
    expect(result.status).toBe('pass')
  })
})
