import { defineLiveCheck, outcome, type LiveOutcome } from '../../engine/define.js'
import { formatSeconds } from '../../dialects/postgres/catalog/activity.js'
import { readReplication, type ReplicationState } from '../../dialects/postgres/catalog/replication.js'
import type { Thresholds } from '../../config/schema.js'

/**
 * Replication before a migration: standbys replaying far behind get further behind when a
 * migration writes a lot of WAL (a table rewrite, an index build), and an inactive replication
 * slot keeps every WAL segment since its restart_lsn, so the extra WAL fills the primary's disk
 * (https://www.postgresql.org/docs/current/warm-standby.html#STREAMING-REPLICATION-SLOTS).
 * Full details need pg_monitor (or pg_read_all_stats); without it the check skips with the reason.
 */
export default defineLiveCheck({
  id: 'replication-health',
  title: 'Standbys keep up and no replication slot is piling up WAL',
  category: 'capacity',
  severity: 'error',
  async run(ctx) {
    let state: ReplicationState
    try {
      state = await readReplication(ctx)
    } catch (error) {
      if ((error as { code?: string }).code === '42501') {
        return outcome.skip('The preflight login may not read replication status (SQLSTATE 42501): GRANT pg_monitor TO it to check standby lag and replication slots.')
      }
      throw error
    }
    return gradeReplication(state, ctx.target.thresholds)
  },
})

/** Grades standby lag and slot retention against the thresholds. */
export function gradeReplication(state: ReplicationState, thresholds: Pick<Thresholds, 'replicationLagSeconds' | 'slotRetainedBytes'>): LiveOutcome {
  const { replicationLagSeconds, slotRetainedBytes } = thresholds
  const evidence = { thresholds: { replicationLagSeconds, slotRetainedBytes }, standbys: state.standbys, slots: state.slots }
  if (state.standbys.some((s) => s.state === null)) {
    return outcome.skip('The preflight login cannot see standby details (they need pg_read_all_stats): GRANT pg_monitor TO it to check replication lag.', {
      standbys: state.standbys.length,
      slots: state.slots.length,
    })
  }
  const piling = state.slots.filter((s) => !s.isActive && (s.retainedBytes ?? 0) > slotRetainedBytes)
  const lagging = state.standbys.filter((s) => (s.replayLagSeconds ?? 0) > replicationLagSeconds)
  const lost = state.slots.filter((s) => s.walStatus === 'lost' || s.walStatus === 'unreserved')
  if (piling.length > 0) {
    return outcome.fail(
      `Inactive replication slot${piling.length === 1 ? '' : 's'} ${piling.map((s) => `${s.name} (${s.type}, retaining ${formatBytes(s.retainedBytes ?? 0)})`).join(', ')} hold${piling.length === 1 ? 's' : ''} more WAL than ${formatBytes(slotRetainedBytes)}: the WAL this migration writes will pile up on the primary's disk too.`,
      'Find the consumer of the slot (a standby, a CDC tool such as Debezium, a logical subscriber) and bring it back, or, if it is gone for good, drop the slot: SELECT pg_drop_replication_slot(\'name\'). Dropping loses the consumer\'s position. See runbook/replication-health.md.',
      evidence,
    )
  }
  if (lagging.length > 0 || lost.length > 0) {
    const parts = [
      ...lagging.map((s) => `standby ${s.application || s.clientAddress || s.pid} replays ${formatSeconds(s.replayLagSeconds ?? 0)} (${formatBytes(s.replayLagBytes ?? 0)}) behind`),
      ...lost.map((s) => `slot ${s.name} has wal_status ${s.walStatus}`),
    ]
    return outcome.warn(
      `${parts.join('; ')}. A migration that writes a lot of WAL will widen the gap, and reads from the standby see old data meanwhile.`,
      'Wait for the standbys to catch up before a large migration, and watch pg_stat_replication while it runs. See runbook/replication-health.md.',
      evidence,
    )
  }
  return outcome.pass(
    `${state.standbys.length} standby${state.standbys.length === 1 ? '' : 's'} within ${formatSeconds(replicationLagSeconds)}; ${state.slots.length} replication slot${state.slots.length === 1 ? '' : 's'}, none inactive with more than ${formatBytes(slotRetainedBytes)} of WAL.`,
    evidence,
  )
}

/** 512 B, 3.2 MB, 10.0 GB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return unit === 0 ? `${Math.round(value)} B` : `${value.toFixed(1)} ${units[unit]}`
}
