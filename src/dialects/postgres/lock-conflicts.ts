/**
 * PostgreSQL's table-level lock conflict table (Table 13.2 of
 * https://www.postgresql.org/docs/current/explicit-locking.html), and the mapping from the mode
 * names pg_locks shows ("AccessShareLock") to the SQL names the rest of the tool uses.
 */
import { LOCK_MODES, type LockMode } from '../../engine/model.js'

/** Each mode and the modes it conflicts with, as the manual lists them. */
const CONFLICTS: Readonly<Record<LockMode, readonly LockMode[]>> = {
  'ACCESS SHARE': ['ACCESS EXCLUSIVE'],
  'ROW SHARE': ['EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'ROW EXCLUSIVE': ['SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'SHARE UPDATE EXCLUSIVE': ['SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  SHARE: ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'SHARE ROW EXCLUSIVE': ['ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  EXCLUSIVE: ['ROW SHARE', 'ROW EXCLUSIVE', 'SHARE UPDATE EXCLUSIVE', 'SHARE', 'SHARE ROW EXCLUSIVE', 'EXCLUSIVE', 'ACCESS EXCLUSIVE'],
  'ACCESS EXCLUSIVE': LOCK_MODES,
}

/** True when a session holding (or waiting for) `a` and one requesting `b` cannot both have their lock. */
export function locksConflict(a: LockMode, b: LockMode): boolean {
  return CONFLICTS[a].includes(b)
}

/** The modes that conflict with `mode`, weakest first. */
export function conflictingModes(mode: LockMode): readonly LockMode[] {
  return CONFLICTS[mode]
}

/** pg_locks.mode for table locks, e.g. "ShareUpdateExclusiveLock". */
const PG_LOCKS_NAMES: Readonly<Record<string, LockMode>> = {
  AccessShareLock: 'ACCESS SHARE',
  RowShareLock: 'ROW SHARE',
  RowExclusiveLock: 'ROW EXCLUSIVE',
  ShareUpdateExclusiveLock: 'SHARE UPDATE EXCLUSIVE',
  ShareLock: 'SHARE',
  ShareRowExclusiveLock: 'SHARE ROW EXCLUSIVE',
  ExclusiveLock: 'EXCLUSIVE',
  AccessExclusiveLock: 'ACCESS EXCLUSIVE',
}

/** Converts a pg_locks mode name to the SQL lock mode; undefined for non-table modes (e.g. SIReadLock). */
export function lockModeFromPgLocks(name: string): LockMode | undefined {
  return PG_LOCKS_NAMES[name]
}

/** True when holding `mode` blocks ordinary writes (INSERT/UPDATE/DELETE take ROW EXCLUSIVE). */
export function blocksWrites(mode: LockMode): boolean {
  return locksConflict(mode, 'ROW EXCLUSIVE')
}

/** True when holding `mode` blocks plain SELECTs (ACCESS SHARE). */
export function blocksReads(mode: LockMode): boolean {
  return locksConflict(mode, 'ACCESS SHARE')
}
