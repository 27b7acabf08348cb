/**
 * Standbys streaming from the target (pg_stat_replication) and replication slots
 * (pg_replication_slots) with the WAL each one retains, in one query. On a standby the WAL
 * position is the replay position (pg_current_wal_lsn() raises an error during recovery).
 */
import type { LiveContext } from '../../../engine/define.js'

export interface StandbyInfo {
  readonly pid: number
  readonly application: string | null
  readonly clientAddress: string | null
  /** Null when the login lacks pg_read_all_stats and PostgreSQL hid the details. */
  readonly state: string | null
  readonly syncState: string | null
  readonly replayLagSeconds: number | null
  readonly replayLagBytes: number | null
}

export interface SlotInfo {
  readonly name: string
  readonly type: string
  readonly isActive: boolean
  readonly database: string | null
  /** reserved, extended, unreserved, lost (PostgreSQL 13+). */
  readonly walStatus: string | null
  readonly retainedBytes: number | null
}

export interface ReplicationState {
  readonly standbys: readonly StandbyInfo[]
  readonly slots: readonly SlotInfo[]
}

/** SQL for a server major: wal_status exists from PostgreSQL 13 on. */
function replicationSql(major: number): string {
  const lsn = 'CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END'
  const walStatus = major >= 13 ? 's.wal_status' : 'NULL'
  return `
SELECT
  (SELECT coalesce(json_agg(json_build_object(
      'pid', r.pid, 'application', r.application_name, 'clientAddress', host(r.client_addr), 'state', r.state, 'syncState', r.sync_state,
      'replayLagSeconds', extract(epoch FROM r.replay_lag)::float8,
      'replayLagBytes', pg_wal_lsn_diff(${lsn}, r.replay_lsn)::float8) ORDER BY r.pid), '[]')
     FROM pg_stat_replication r) AS standbys,
  (SELECT coalesce(json_agg(json_build_object(
      'name', s.slot_name, 'type', s.slot_type, 'isActive', s.active, 'database', s.database, 'walStatus', ${walStatus},
      'retainedBytes', pg_wal_lsn_diff(${lsn}, s.restart_lsn)::float8) ORDER BY s.slot_name), '[]')
     FROM pg_replication_slots s) AS slots`
}

/** Reads standbys and slots once per run. */
export function readReplication(ctx: LiveContext): Promise<ReplicationState> {
  return ctx.memo('postgres:replication', async () => {
    const rows = await ctx.db.query<{ standbys: StandbyInfo[]; slots: SlotInfo[] }>(replicationSql(Math.floor(ctx.server.major)))
    return { standbys: rows[0]!.standbys, slots: rows[0]!.slots }
  })
}
