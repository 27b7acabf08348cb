import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/maintenance-window.js'
import { currentOpening, nextOpening, zonedInstant } from '../../../src/engine/windows.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

const NIGHTS = { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '01:00', end: '05:00', timezone: 'UTC' }

describe('maintenance-window', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => db.drop())

  const at = (iso: string, target: Record<string, unknown>) => runLiveCheck(check, db.url, { now: new Date(iso), target })

  it('passes when no window is configured, saying so', async () => {
    const result = await at('2026-11-25T12:00:00Z', {})
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(/No maintenance windows configured/)
  })

  it('passes inside a window and says when it closes', async () => {
    const result = await at('2026-11-24T02:00:00Z', { maintenanceWindows: [NIGHTS] }) // a Tuesday
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(/closes at Tue 2026-11-24 05:00 UTC .*in 3 h/)
  })

  it('warns outside a window, or fails with enforceWindow, naming the next opening', async () => {
    const warn = await at('2026-11-28T12:00:00Z', { maintenanceWindows: [NIGHTS] }) // a Saturday
    expect(warn.status).toBe('warn')
    expect(warn.summary).toMatch(/next window opens Mon 2026-11-30 01:00 UTC \(2026-11-30T01:00:00.000Z, in 1 d 13 h\)/)
    const fail = await at('2026-11-28T12:00:00Z', { maintenanceWindows: [NIGHTS], enforceWindow: true })
    expect(fail.status).toBe('fail')
  })

  it('handles windows that cross midnight in their own time zone', async () => {
    const late = { days: ['sat'], start: '22:00', end: '02:00', timezone: 'Europe/Berlin' }
    // Sunday 00:30 in Berlin (23:30 UTC Saturday) belongs to Saturday's window.
    expect((await at('2026-11-28T23:30:00Z', { maintenanceWindows: [late], enforceWindow: true })).status).toBe('pass')
    // Sunday 02:30 in Berlin is after it closed.
    expect((await at('2026-11-29T01:30:00Z', { maintenanceWindows: [late], enforceWindow: true })).status).toBe('fail')
  })

  it('fails inside a freeze even during a window, and skips frozen days for the next opening', async () => {
    const target = { maintenanceWindows: [NIGHTS], enforceWindow: true, freezes: [{ from: '2026-12-20', to: '2027-01-03', reason: 'holidays' }] }
    const result = await at('2026-12-22T02:00:00Z', target)
    expect(result.status).toBe('fail')
    expect(result.summary).toMatch(/inside the change freeze 2026-12-20 to 2027-01-03 \(holidays\)/)
    expect(result.summary).toMatch(/next window opens Mon 2027-01-04 01:00 UTC/)
    expect((await at('2026-12-22T02:00:00Z', { ...target, enforceWindow: false })).status).toBe('warn')
  })

  it('moves a start time skipped by the spring-forward jump forward, and takes the earlier of a repeated time', () => {
    // Europe/Berlin skips 02:00-03:00 on 2026-03-29 and repeats 02:00-03:00 on 2026-10-25.
    expect(zonedInstant({ year: 2026, month: 3, day: 29 }, '02:30', 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(zonedInstant({ year: 2026, month: 10, day: 25 }, '02:30', 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(zonedInstant({ year: 2026, month: 7, day: 1 }, '02:30', 'America/New_York').toISOString()).toBe('2026-07-01T06:30:00.000Z')
    const sunday = { days: ['sun'] as const, start: '02:30', end: '04:00', timezone: 'Europe/Berlin' }
    const next = nextOpening([sunday], [], new Date('2026-03-28T12:00:00Z'), 'UTC')!
    expect(next.opensAt.toISOString()).toBe('2026-03-29T01:30:00.000Z')
    expect(next.closesAt.toISOString()).toBe('2026-03-29T02:00:00.000Z')
    expect(currentOpening(sunday, new Date('2026-03-29T01:45:00Z'))).toBeDefined()
  })
})
