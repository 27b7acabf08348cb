import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check, { gradeReplication } from '../../../src/checks/live/replication-health.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { adminExec, uniqueName } from './support/sessions.js'

describe('replication-health', () => {
  let db: TestDatabase
  const slot = uniqueName('pf_slot')
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => {
    await adminExec('SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1', [slot])
    await db.drop()
  })

  it('fails on an inactive slot retaining more WAL than the threshold, then passes once it is dropped', async () => {
    // A physical slot that reserves WAL at once and has no standby attached: WAL written from now on piles up.
    await adminExec('SELECT pg_create_physical_replication_slot($1, true)', [slot])
    await db.exec('CREATE TABLE filler AS SELECT g AS id, repeat($$x$$, 100) AS pad FROM generate_series(1, 2000) g')
    const target = { thresholds: { slotRetainedBytes: 1024 } }

    const result = await runLiveCheck(check, db.url, { target })
    expect(result.status).toBe('fail')
    expect(result.summary).toMatch(new RegExp(`Inactive replication slot ${slot} \\(physical, retaining [\\d.]+ (kB|MB)\\) holds more WAL than 1\\.0 kB`))
    expect(result.mitigation).toMatch(/pg_drop_replication_slot/)
    const slots = (result.evidence as { slots: { name: string; isActive: boolean; retainedBytes: number }[] }).slots
    expect(slots.find((s) => s.name === slot)).toMatchObject({ isActive: false, retainedBytes: expect.any(Number) })

    await adminExec('SELECT pg_drop_replication_slot($1)', [slot])
    const after = await runLiveCheck(check, db.url, { target })
    expect((after.evidence as { slots: { name: string }[] }).slots.map((s) => s.name)).not.toContain(slot)
  })

  it('warns on a standby replaying behind the threshold, and skips when the login cannot see standby details', () => {
    const standby = { pid: 77, application: 'replica-1', clientAddress: '10.0.0.9', state: 'streaming', syncState: 'async', replayLagSeconds: 95, replayLagBytes: 5_000_000 }
    const thresholds = { replicationLagSeconds: 60, slotRetainedBytes: 10 * 1024 ** 3 }
    const lagging = gradeReplication({ standbys: [standby], slots: [] }, thresholds)
    expect(lagging.status).toBe('warn')
    expect(lagging.summary).toMatch(/^standby replica-1 replays 1 min 35 s \(4\.8 MB\) behind/)
    expect(gradeReplication({ standbys: [{ ...standby, replayLagSeconds: 2 }], slots: [] }, thresholds).status).toBe('pass')
    const hidden = gradeReplication({ standbys: [{ ...standby, state: null, replayLagSeconds: null }], slots: [] }, thresholds)
    expect(hidden.status).toBe('skip')
    expect(hidden.summary).toMatch(/GRANT pg_monitor/)
  })
})
