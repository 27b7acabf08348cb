/**
 * WAL archiving state, the basis of point-in-time recovery: archive_mode and pg_stat_archiver
 * (https://www.postgresql.org/docs/current/monitoring-stats.html#MONITORING-PG-STAT-ARCHIVER-VIEW).
 * Readable by any role. Times are compared with the server's clock, not ctx.now (which `--at`
 * may move for maintenance windows).
 */
import type { LiveContext } from '../../../engine/define.js'

export interface ArchiverState {
  /** on, always or off. */
  readonly archiveMode: string
  readonly walLevel: string
  /** archive_timeout in seconds (0 = off). */
  readonly archiveTimeoutSeconds: number
  readonly archivedCount: number
  readonly lastArchivedWal: string | null
  readonly lastArchivedAt: string | null
  readonly failedCount: number
  readonly lastFailedWal: string | null
  readonly lastFailedAt: string | null
  /** now() on the server, ISO. */
  readonly serverNow: string
}

interface ArchiverRow extends Record<string, unknown> {
  archive_mode: string
  wal_level: string
  archive_timeout: number
  archived_count: string
  last_archived_wal: string | null
  last_archived_time: string | null
  failed_count: string
  last_failed_wal: string | null
  last_failed_time: string | null
  server_now: string
}

const ARCHIVER_SQL = `
SELECT current_setting('archive_mode') AS archive_mode, current_setting('wal_level') AS wal_level,
       (SELECT setting::int FROM pg_catalog.pg_settings WHERE name = 'archive_timeout') AS archive_timeout,
       a.archived_count::text AS archived_count, a.last_archived_wal,
       to_char(a.last_archived_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_archived_time,
       a.failed_count::text AS failed_count, a.last_failed_wal,
       to_char(a.last_failed_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS last_failed_time,
       to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS server_now
  FROM pg_catalog.pg_stat_archiver a`

/** Reads the archiving state once per run. */
export function readArchiver(ctx: LiveContext): Promise<ArchiverState> {
  return ctx.memo('postgres:archiver', async () => {
    const [row] = await ctx.db.query<ArchiverRow>(ARCHIVER_SQL)
    return {
      archiveMode: row!.archive_mode,
      walLevel: row!.wal_level,
      archiveTimeoutSeconds: row!.archive_timeout,
      archivedCount: Number(row!.archived_count),
      lastArchivedWal: row!.last_archived_wal,
      lastArchivedAt: row!.last_archived_time,
      failedCount: Number(row!.failed_count),
      lastFailedWal: row!.last_failed_wal,
      lastFailedAt: row!.last_failed_time,
      serverNow: row!.server_now,
    }
  })
}

/** How recent the last archived segment must be: an hour, or twice archive_timeout when that is longer. */
export function recentArchiveSeconds(state: ArchiverState): number {
  return Math.max(3600, 2 * state.archiveTimeoutSeconds)
}

/** Whether archiving works now, and why not. */
export function judgeArchiving(state: ArchiverState): { readonly isWorking: boolean; readonly reason: string; readonly lastSuccessAgeSeconds: number | null } {
  const now = Date.parse(state.serverNow)
  const age = state.lastArchivedAt ? Math.round((now - Date.parse(state.lastArchivedAt)) / 1000) : null
  const base = { lastSuccessAgeSeconds: age }
  if (state.archiveMode === 'off') return { ...base, isWorking: false, reason: 'archive_mode is off, so WAL is not archived' }
  if (state.lastArchivedAt === null) return { ...base, isWorking: false, reason: 'archive_mode is on but no WAL segment has been archived yet' }
  if (state.lastFailedAt !== null && Date.parse(state.lastFailedAt) > Date.parse(state.lastArchivedAt)) {
    return { ...base, isWorking: false, reason: `archiving is failing: the last attempt (${state.lastFailedWal ?? 'a segment'} at ${state.lastFailedAt}) failed after the last success` }
  }
  const limit = recentArchiveSeconds(state)
  if (age !== null && age > limit) {
    return { ...base, isWorking: false, reason: `the last WAL segment was archived ${Math.round(age / 60)} minutes ago, longer than ${Math.round(limit / 60)} minutes` }
  }
  return { ...base, isWorking: true, reason: `WAL archiving works: last segment ${state.lastArchivedWal} archived ${age ?? 0} s ago, no failure since` }
}
