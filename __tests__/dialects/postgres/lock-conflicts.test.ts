import { describe, expect, it } from '@jest/globals'
import { blocksReads, blocksWrites, conflictingModes, lockModeFromPgLocks, locksConflict } from '../../../src/dialects/postgres/lock-conflicts.js'
import { LOCK_MODES } from '../../../src/engine/model.js'

/** Table 13.2 of https://www.postgresql.org/docs/current/explicit-locking.html, rows in LOCK_MODES order, X = conflict. */
const MANUAL = [
  '.......X',
  '......XX',
  '....XXXX',
  '...XXXXX',
  '..XX.XXX',
  '..XXXXXX',
  '.XXXXXXX',
  'XXXXXXXX',
]

describe('lock conflicts', () => {
  it('match the manual for every pair of modes', () => {
    for (const [i, a] of LOCK_MODES.entries()) {
      for (const [j, b] of LOCK_MODES.entries()) {
        expect([a, b, locksConflict(a, b)]).toEqual([a, b, MANUAL[i]![j] === 'X'])
      }
    }
  })

  it('is symmetric', () => {
    for (const a of LOCK_MODES) for (const b of LOCK_MODES) expect(locksConflict(a, b)).toBe(locksConflict(b, a))
  })

  it('lists conflicting modes', () => {
    expect(conflictingModes('ACCESS SHARE')).toEqual(['ACCESS EXCLUSIVE'])
  })

  it('maps pg_locks names and ignores non-table modes', () => {
    expect(lockModeFromPgLocks('ShareUpdateExclusiveLock')).toBe('SHARE UPDATE EXCLUSIVE')
    expect(lockModeFromPgLocks('AccessExclusiveLock')).toBe('ACCESS EXCLUSIVE')
    expect(lockModeFromPgLocks('SIReadLock')).toBeUndefined()
  })

  it('knows which modes block writes and reads', () => {
    expect(LOCK_MODES.filter(blocksWrites)).toEqual(['SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'])
    expect(LOCK_MODES.filter(blocksReads)).toEqual(['ACCESS EXCLUSIVE'])
  })
})
