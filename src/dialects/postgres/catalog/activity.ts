/**
 * One snapshot of what runs on the target right now, shared by every lock and activity check:
 * the sessions of the target database (pg_stat_activity), the table locks held or awaited on the
 * touched tables (pg_locks), prepared transactions (pg_prepared_xacts) and vacuums in progress
 * on the touched tables (pg_stat_progress_vacuum). One round trip whatever the number of tables.
 *
 * Cheap on a busy primary: pg_blocking_pids, which briefly takes the lock manager's partition
 * locks, runs only for sessions that are waiting for a lock; to_regclass takes no table lock.
 */
import type { LiveContext } from '../../../engine/define.js'
import type { LockMode } from '../../../engine/model.js'
import { lockModeFromPgLocks } from '../lock-conflicts.js'
import { maskQuery } from '../mask-query.js'
import { tableArrayParams, touchedRelationSql, unqualifiedNames } from './touched.js'

/** A backend of the target database other than the preflight session. */
export interface SessionInfo {
  readonly pid: number
  readonly user: string | null
  readonly application: string | null
  readonly clientAddress: string | null
  readonly backendType: string | null
  /** active, idle, idle in transaction, ...; null when the login may not see it. */
  readonly state: string | null
  readonly waitEventType: string | null
  readonly waitEvent: string | null
  /** Seconds since the transaction began, null outside a transaction. */
  readonly transactionSeconds: number | null
  /** Seconds since the current (or last) query began. */
  readonly querySeconds: number | null
  /** Seconds since the state last changed (how long it has been idle in transaction). */
  readonly stateSeconds: number | null
  /** Query text with literals masked and shortened (see maskQuery). */
  readonly query: string
  /** Sessions this one waits for, when it waits for a lock. */
  readonly blockedBy: readonly number[]
  readonly isAutovacuum: boolean
  /** An autovacuum "to prevent wraparound", which does not give way to DDL. */
  readonly isWraparound: boolean
  /** False when the login lacks pg_read_all_stats and PostgreSQL hid this session's details. */
  readonly isVisible: boolean
  /**
   * Inside a transaction right now. For a hidden session this still comes from pg_locks, which
   * every login may read: a backend holds its own virtualxid lock for as long as a transaction is open.
   */
  readonly isInTransaction: boolean
  /** A hidden session that reports vacuum progress: an autovacuum or a manual VACUUM, which kind the login may not see. */
  readonly isHiddenVacuum: boolean
}

/** A table lock on a touched table, held (granted) or awaited. */
export interface TableLockInfo {
  readonly table: string
  /** Null when a prepared transaction holds the lock. */
  readonly pid: number | null
  readonly mode: LockMode
  readonly granted: boolean
  /** The virtual transaction; for a prepared transaction it matches PreparedXact.virtualTransaction. */
  readonly virtualTransaction: string | null
}

/** A transaction prepared for two-phase commit and not yet committed or rolled back. */
export interface PreparedXact {
  readonly gid: string
  readonly transaction: string
  readonly owner: string
  readonly database: string
  readonly preparedAt: string
  readonly ageSeconds: number
  /**
   * The dummy virtual transaction its locks appear under in pg_locks (with no pid): "-1/<xid>" before
   * PostgreSQL 17, "<proc>/<n>" since. Found through the lock each prepared transaction holds on its own xid.
   */
  readonly virtualTransaction: string | null
}

/** A VACUUM (manual or autovacuum) working on a touched table. */
export interface VacuumInfo {
  readonly pid: number
  readonly table: string
  readonly phase: string
  readonly heapBlksTotal: number
  readonly heapBlksScanned: number
}

export interface ActivitySnapshot {
  readonly ownPid: number
  /** Touched tables and whether each exists on the target now. */
  readonly tables: readonly { readonly name: string; readonly exists: boolean }[]
  readonly sessions: readonly SessionInfo[]
  readonly locks: readonly TableLockInfo[]
  readonly prepared: readonly PreparedXact[]
  readonly vacuums: readonly VacuumInfo[]
  /** Whether the login sees every session's details (superuser or pg_read_all_stats). */
  readonly seesAllSessions: boolean
}

// pg_locks and the pid column of pg_stat_progress_vacuum are visible to every login, so waiting,
// open transactions and vacuums of hidden sessions are still known (lk, vac).
const SNAPSHOT_SQL = `
WITH touched AS (${touchedRelationSql(1)}),
db AS (SELECT oid FROM pg_database WHERE datname = current_database()),
lk AS (SELECT l.pid, bool_or(NOT l.granted) AS waiting, bool_or(l.locktype = 'virtualxid' AND l.granted) AS in_xact
         FROM pg_locks l WHERE l.pid IS NOT NULL GROUP BY l.pid),
vac AS (SELECT DISTINCT v.pid FROM pg_stat_progress_vacuum v WHERE v.datid = (SELECT oid FROM db))
SELECT
  pg_backend_pid() AS own_pid,
  (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR pg_has_role('pg_read_all_stats', 'USAGE') AS sees_all,
  (SELECT coalesce(json_agg(json_build_object('name', t.name, 'exists', t.oid IS NOT NULL)), '[]') FROM touched t) AS tables,
  (SELECT coalesce(json_agg(json_build_object(
      'pid', a.pid, 'user', a.usename, 'application', a.application_name, 'client', host(a.client_addr),
      'backendType', a.backend_type, 'state', a.state, 'waitEventType', a.wait_event_type, 'waitEvent', a.wait_event,
      'xactSeconds', extract(epoch FROM now() - a.xact_start)::float8,
      'querySeconds', extract(epoch FROM now() - a.query_start)::float8,
      'stateSeconds', extract(epoch FROM now() - a.state_change)::float8,
      'query', left(a.query, 4096),
      'blockedBy', CASE WHEN a.wait_event_type = 'Lock' OR lk.waiting THEN pg_blocking_pids(a.pid) END,
      'isAutovacuum', a.backend_type = 'autovacuum worker',
      'isWraparound', a.backend_type = 'autovacuum worker' AND a.query LIKE '%(to prevent wraparound)%',
      'isVisible', a.backend_type IS NOT NULL AND (a.state IS NOT NULL OR a.backend_type <> 'client backend'),
      'isInTransaction', CASE WHEN a.backend_type IS NOT NULL THEN a.xact_start IS NOT NULL ELSE coalesce(lk.in_xact, false) END,
      'isHiddenVacuum', a.backend_type IS NULL AND vac.pid IS NOT NULL
    ) ORDER BY a.pid), '[]')
    FROM pg_stat_activity a LEFT JOIN lk ON lk.pid = a.pid LEFT JOIN vac ON vac.pid = a.pid
    WHERE a.datid = (SELECT oid FROM db) AND a.pid <> pg_backend_pid()) AS sessions,
  (SELECT coalesce(json_agg(json_build_object(
      'table', t.name, 'pid', l.pid, 'mode', l.mode, 'granted', l.granted, 'vxid', l.virtualtransaction
    ) ORDER BY t.name, l.pid), '[]')
    FROM pg_locks l JOIN touched t ON l.relation = t.oid
    WHERE l.locktype = 'relation' AND l.database = (SELECT oid FROM db)
      AND (l.pid IS NULL OR l.pid <> pg_backend_pid())) AS locks,
  (SELECT coalesce(json_agg(json_build_object(
      'gid', p.gid, 'transaction', p.transaction::text, 'owner', p.owner, 'database', p.database,
      'preparedAt', p.prepared, 'ageSeconds', extract(epoch FROM now() - p.prepared)::float8, 'vxid', x.virtualtransaction
    ) ORDER BY p.prepared), '[]')
    FROM pg_prepared_xacts p
    LEFT JOIN pg_locks x ON x.locktype = 'transactionid' AND x.pid IS NULL AND x.transactionid = p.transaction
    WHERE p.database = current_database()) AS prepared,
  (SELECT coalesce(json_agg(json_build_object(
      'pid', v.pid, 'table', t.name, 'phase', v.phase, 'heapBlksTotal', v.heap_blks_total, 'heapBlksScanned', v.heap_blks_scanned
    ) ORDER BY v.pid), '[]')
    FROM pg_stat_progress_vacuum v JOIN touched t ON v.relid = t.oid
    WHERE v.datid = (SELECT oid FROM db)) AS vacuums`

interface SnapshotRow extends Record<string, unknown> {
  own_pid: number
  sees_all: boolean | null
  tables: { name: string; exists: boolean }[]
  sessions: {
    pid: number
    user: string | null
    application: string | null
    client: string | null
    backendType: string | null
    state: string | null
    waitEventType: string | null
    waitEvent: string | null
    xactSeconds: number | null
    querySeconds: number | null
    stateSeconds: number | null
    query: string | null
    blockedBy: number[] | null
    isAutovacuum: boolean | null
    isWraparound: boolean | null
    isVisible: boolean | null
    isInTransaction: boolean | null
    isHiddenVacuum: boolean | null
  }[]
  locks: { table: string; pid: number | null; mode: string; granted: boolean; vxid: string | null }[]
  prepared: (Omit<PreparedXact, 'virtualTransaction'> & { vxid: string | null })[]
  vacuums: VacuumInfo[]
}

/** The activity snapshot for the context's touched tables, read once per run and shared. */
export function readActivity(ctx: LiveContext): Promise<ActivitySnapshot> {
  return ctx.memo('postgres:activity', async () => {
    const names = ctx.touched.map((t) => t.table)
    const rows = await ctx.db.query<SnapshotRow>(SNAPSHOT_SQL, tableArrayParams(names, unqualifiedNames(ctx.pending, Math.floor(ctx.server.major))))
    return toSnapshot(rows[0]!)
  })
}

/** Shapes the row into a snapshot, masking query text here so raw text never leaves this module. */
function toSnapshot(row: SnapshotRow): ActivitySnapshot {
  const locks: TableLockInfo[] = []
  for (const l of row.locks) {
    const mode = lockModeFromPgLocks(l.mode)
    if (mode) locks.push({ table: l.table, pid: l.pid, mode, granted: l.granted, virtualTransaction: l.vxid })
  }
  return {
    ownPid: row.own_pid,
    seesAllSessions: row.sees_all === true,
    tables: row.tables,
    sessions: row.sessions.map((s) => ({
      pid: s.pid,
      user: s.user,
      application: s.application || null,
      clientAddress: s.client,
      backendType: s.backendType,
      state: s.state,
      waitEventType: s.waitEventType,
      waitEvent: s.waitEvent,
      transactionSeconds: roundSeconds(s.xactSeconds),
      querySeconds: roundSeconds(s.querySeconds),
      stateSeconds: roundSeconds(s.stateSeconds),
      query: maskQuery(s.query),
      blockedBy: s.blockedBy ?? [],
      isAutovacuum: s.isAutovacuum === true,
      isWraparound: s.isWraparound === true,
      isVisible: s.isVisible !== false,
      isInTransaction: s.isInTransaction === true,
      isHiddenVacuum: s.isHiddenVacuum === true,
    })),
    locks,
    prepared: row.prepared.map(({ vxid, ...p }) => ({ ...p, virtualTransaction: vxid, ageSeconds: roundSeconds(p.ageSeconds) ?? 0 })),
    vacuums: row.vacuums,
  }
}

/** Seconds with one decimal, so evidence stays readable. */
function roundSeconds(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10
}

/** Evidence for one session: who, from where, doing what, for how long; query text is already masked. */
export function sessionEvidence(s: SessionInfo): Record<string, unknown> {
  return {
    pid: s.pid,
    user: s.user,
    application: s.application,
    clientAddress: s.clientAddress,
    state: s.state,
    transactionSeconds: s.transactionSeconds,
    querySeconds: s.querySeconds,
    stateSeconds: s.stateSeconds,
    waitEvent: s.waitEventType ? `${s.waitEventType}:${s.waitEvent ?? ''}` : null,
    query: s.query,
  }
}

/** One line naming a session for messages: pid 123 (user app, application "api", from 10.0.0.5, idle in transaction for 12 s). */
export function describeSession(s: SessionInfo): string {
  const parts = [s.user ? `user ${s.user}` : 'user hidden']
  if (s.application) parts.push(`application "${s.application}"`)
  if (s.clientAddress) parts.push(`from ${s.clientAddress}`)
  const state = s.state ?? (s.isVisible ? s.backendType ?? 'unknown state' : 'state hidden')
  const age = s.state === 'idle in transaction' || s.state === 'idle in transaction (aborted)' ? s.stateSeconds : s.transactionSeconds ?? s.querySeconds
  parts.push(age !== null ? `${state} for ${formatSeconds(age)}` : state)
  return `pid ${s.pid} (${parts.join(', ')})`
}

/** 0.4 s, 12 s, 5 min, 5 min 3 s, 2 h 10 min. */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${Math.round(seconds * 10) / 10} s`
  if (seconds < 60) return `${Math.round(seconds)} s`
  const [big, small, bigUnit, smallUnit] =
    seconds < 3600 ? [Math.floor(seconds / 60), Math.round(seconds % 60), 'min', 's'] : [Math.floor(seconds / 3600), Math.round((seconds % 3600) / 60), 'h', 'min']
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`
}

/** Sessions by pid, for joining locks to the sessions that hold them. */
export function sessionsByPid(snapshot: ActivitySnapshot): ReadonlyMap<number, SessionInfo> {
  return new Map(snapshot.sessions.map((s) => [s.pid, s]))
}

/** Sessions whose details PostgreSQL hid from the login, other than vacuums and parallel workers (their leader is listed too). */
export function hiddenSessions(snapshot: ActivitySnapshot): SessionInfo[] {
  return snapshot.sessions.filter((s) => !s.isVisible && !s.isHiddenVacuum && !s.isAutovacuum && s.backendType !== 'parallel worker')
}

/** "pid 12, 13 and 14" for a list of sessions, at most `max` pids. */
export function describePids(sessions: readonly SessionInfo[], max = 10): string {
  const pids = sessions.map((s) => s.pid)
  const shown = pids.slice(0, max).join(', ')
  return `pid ${shown}${pids.length > max ? ` and ${pids.length - max} more` : ''}`
}

/** What to grant so the login sees every session. */
export const SEE_ALL_SESSIONS = 'GRANT pg_monitor TO the preflight login (or pg_read_all_stats) so that it sees every session\'s state, query and ages.'

/** A short hint when the login could not see other users' sessions in full. */
export function visibilityNote(snapshot: ActivitySnapshot): string | undefined {
  return snapshot.seesAllSessions
    ? undefined
    : 'The preflight login is not a superuser and lacks pg_read_all_stats: other users\' query text, state and ages are hidden, so this check may miss sessions. GRANT pg_monitor TO the preflight login.'
}
