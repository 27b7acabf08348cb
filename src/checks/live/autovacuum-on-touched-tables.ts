import { defineLiveCheck, outcome, type LiveOutcome, type TouchedTable } from '../../engine/define.js'
import { locksConflict } from '../../dialects/postgres/lock-conflicts.js'
import { SEE_ALL_SESSIONS, readActivity, sessionEvidence, sessionsByPid, visibilityNote, type ActivitySnapshot, type SessionInfo } from '../../dialects/postgres/catalog/activity.js'

/**
 * Autovacuum working on a touched table. It holds SHARE UPDATE EXCLUSIVE; an ordinary autovacuum
 * is cancelled when DDL waits for it (after deadlock_timeout) and runs again later, but one
 * running "to prevent wraparound" is not cancelled, so the migration waits for it to finish, which
 * on a large table can take hours (https://www.postgresql.org/docs/current/routine-vacuuming.html#VACUUM-FOR-WRAPAROUND).
 */
export default defineLiveCheck({
  id: 'autovacuum-on-touched-tables',
  title: 'Autovacuum is not working on the tables the migration locks',
  category: 'locks',
  severity: 'error',
  async run(ctx) {
    if (ctx.touched.length === 0) return outcome.skip('No pending statement locks a table.')
    return gradeAutovacuum(ctx.touched, await readActivity(ctx))
  },
})

/** An autovacuum worker on a touched table, with its vacuum progress when it reports one. */
interface Worker {
  readonly table: string
  readonly session: SessionInfo
  readonly conflicts: boolean
  readonly phase: string | null
  readonly scannedPercent: number | null
}

/** Grades the autovacuum workers in a snapshot against the locks the touched tables need. */
export function gradeAutovacuum(touched: readonly TouchedTable[], snapshot: ActivitySnapshot): LiveOutcome {
  const workers = findWorkers(touched, snapshot)
  const note = visibilityNote(snapshot)
  const evidence = {
    workers: workers.map((w) => ({ table: w.table, wraparound: w.session.isWraparound, blocksMigration: w.conflicts, phase: w.phase, scannedPercent: w.scannedPercent, ...sessionEvidence(w.session) })),
    ...(note ? { note } : {}),
  }
  const blocking = workers.filter((w) => w.conflicts)
  if (blocking.length === 0) {
    const extra = workers.length > 0 ? ` Autovacuum works on ${names(workers)}, but the migration's locks there do not conflict with it.` : ''
    return outcome.pass(`No autovacuum blocks the pending statements.${extra}`, evidence)
  }
  // A vacuum of a hidden session: pg_locks and pg_stat_progress_vacuum show it, but not whether it is an autovacuum to prevent wraparound.
  const hidden = blocking.filter((w) => w.session.isHiddenVacuum)
  if (hidden.length === blocking.length) {
    return outcome.warn(
      `A VACUUM runs on ${names(hidden)} (pid ${hidden.map((w) => w.session.pid).join(', ')}), but the preflight login may not see whether it is an autovacuum, which gives way to DDL after deadlock_timeout, ` +
        'or a manual VACUUM or an autovacuum to prevent wraparound, for which the migration would wait until it finishes.',
      `${SEE_ALL_SESSIONS} Until then, check pg_stat_activity for these pids as a superuser before migrating. See runbook/autovacuum-on-touched-tables.md.`,
      evidence,
    )
  }
  const wraparound = blocking.filter((w) => w.session.isWraparound)
  if (wraparound.length > 0) {
    return outcome.fail(
      `Autovacuum to prevent wraparound is running on ${names(wraparound)} (pid ${wraparound.map((w) => w.session.pid).join(', ')}): it does not give way to DDL, so the migration would wait until it finishes while the table's queries queue behind the migration.`,
      'Let it finish and run the migration afterwards: it is protecting the database from transaction ID wraparound. Do not cancel it (it restarts from the beginning and the wraparound risk grows). ' +
        'Watch progress in pg_stat_progress_vacuum. See runbook/autovacuum-on-touched-tables.md.',
      evidence,
    )
  }
  return outcome.warn(
    `Autovacuum is running on ${names(blocking)} (pid ${blocking.map((w) => w.session.pid).join(', ')}). The migration's lock will cancel it after deadlock_timeout, and it will run again later; the table's dead rows wait until then.`,
    'Usually fine. On a large table, let it finish first, or run the migration and a manual VACUUM (ANALYZE) afterwards. See runbook/autovacuum-on-touched-tables.md.',
    evidence,
  )
}

/** Autovacuum workers holding a lock on a touched table. */
function findWorkers(touched: readonly TouchedTable[], snapshot: ActivitySnapshot): Worker[] {
  const needed = new Map(touched.map((t) => [t.table, t.lock]))
  const sessions = sessionsByPid(snapshot)
  const seen = new Set<string>()
  const out: Worker[] = []
  for (const l of snapshot.locks) {
    const s = l.pid === null ? undefined : sessions.get(l.pid)
    const need = needed.get(l.table)
    const key = `${l.pid}\u0000${l.table}`
    if (!(s?.isAutovacuum || s?.isHiddenVacuum) || !l.granted || !need || seen.has(key)) continue
    seen.add(key)
    const progress = snapshot.vacuums.find((v) => v.pid === s.pid && v.table === l.table)
    out.push({
      table: l.table,
      session: s,
      conflicts: locksConflict(l.mode, need),
      phase: progress?.phase ?? null,
      scannedPercent: progress && progress.heapBlksTotal > 0 ? Math.round((progress.heapBlksScanned / progress.heapBlksTotal) * 100) : null,
    })
  }
  return out
}

/** Comma-separated distinct table names. */
function names(workers: readonly Worker[]): string {
  return [...new Set(workers.map((w) => w.table))].join(', ')
}
