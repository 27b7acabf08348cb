import { defineLiveCheck, outcome, type FindingInput, type ReportTarget } from '../../engine/define.js'
import { locksConflict } from '../../dialects/postgres/lock-conflicts.js'
import { strongerLock } from '../../dialects/postgres/locks.js'
import { SEE_ALL_SESSIONS, describePids, describeSession, formatSeconds, hiddenSessions, readActivity, sessionEvidence, sessionsByPid, visibilityNote, type SessionInfo } from '../../dialects/postgres/catalog/activity.js'
import type { LockMode } from '../../engine/model.js'
import { describeStatement, firstConflictingStatement, touchedByName } from './support/pending-locks.js'

/**
 * Queries that have been running longer than thresholds.longQuerySeconds on a touched table. One
 * whose lock conflicts with the migration's lock makes the migration wait for as long as the query
 * runs, and the table's traffic queues behind the migration meanwhile; one that does not conflict
 * still competes with the migration for I/O.
 */
export default defineLiveCheck({
  id: 'long-running-queries',
  title: 'No long-running query on the tables the migration touches',
  category: 'locks',
  severity: 'error',
  async run(ctx) {
    if (ctx.touched.length === 0) return outcome.skip('No pending statement locks a table.')
    const snapshot = await readActivity(ctx)
    const limit = ctx.target.thresholds.longQuerySeconds
    const sessions = sessionsByPid(snapshot)
    const touched = touchedByName(ctx)
    // Strongest lock each long query holds on each touched table.
    const held = new Map<string, { session: SessionInfo; table: string; mode: LockMode }>()
    for (const l of snapshot.locks) {
      const s = l.pid === null ? undefined : sessions.get(l.pid)
      if (!s || !l.granted || s.isAutovacuum || s.backendType === 'parallel worker') continue
      if (s.state !== 'active' || (s.querySeconds ?? 0) <= limit) continue
      const key = `${s.pid}\u0000${l.table}`
      const previous = held.get(key)
      held.set(key, { session: s, table: l.table, mode: previous ? strongerLock(previous.mode, l.mode) : l.mode })
    }
    const note = visibilityNote(snapshot)
    // Hidden sessions holding locks on touched tables: pg_locks shows the lock, not how long their query has run.
    const hidden = new Set(hiddenSessions(snapshot).map((s) => s.pid))
    const unknownAge = [...new Map(snapshot.locks.filter((l) => l.granted && l.pid !== null && hidden.has(l.pid)).map((l) => [l.pid, sessions.get(l.pid!)!])).values()]
    if (held.size === 0 && unknownAge.length > 0) {
      const n = unknownAge.length
      const tables = [...new Set(snapshot.locks.filter((l) => l.pid !== null && hidden.has(l.pid) && l.granted).map((l) => l.table))].sort()
      return outcome.warn(
        `No visible query on the touched tables has run longer than ${formatSeconds(limit)}, but ${n} session${n === 1 ? '' : 's'} of other roles (${describePids(unknownAge)}) hold${n === 1 ? 's' : ''} locks on ${tables.join(', ')} ` +
          'and the preflight login may not see how long their queries have run (blocking-locks reports those whose locks conflict).',
        `${SEE_ALL_SESSIONS} Until then, check pg_stat_activity for these pids as a superuser before migrating.`,
        { longQuerySeconds: limit, queriesOfUnknownAge: unknownAge.map(sessionEvidence), tables, ...(note ? { note } : {}) },
      )
    }
    if (held.size === 0) {
      return outcome.pass(`No query on the ${ctx.touched.length} touched table${ctx.touched.length === 1 ? '' : 's'} has run longer than ${formatSeconds(limit)}.${note ? ' Sessions of other roles are hidden from the preflight login, but none holds a lock on those tables.' : ''}`, {
        longQuerySeconds: limit,
        ...(note ? { note } : {}),
      })
    }
    const findings: (FindingInput & { at?: ReportTarget })[] = []
    let isBlocking = false
    for (const h of held.values()) {
      const t = touched.get(h.table)!
      const conflicts = locksConflict(h.mode, t.lock)
      isBlocking ||= conflicts
      const needed = conflicts ? firstConflictingStatement(ctx, t, h.mode) : undefined
      findings.push({
        message: conflicts
          ? `${describeSession(h.session)} has been running a query on ${h.table} for ${formatSeconds(h.session.querySeconds ?? 0)} holding ${h.mode}; ${needed ? describeStatement(needed.ref) : 'the migration'} needs ${needed?.lock ?? t.lock} and will wait for it to finish.`
          : `${describeSession(h.session)} has been running a query on ${h.table} for ${formatSeconds(h.session.querySeconds ?? 0)}; its ${h.mode} lock does not block the migration, but both compete for the table.`,
        mitigation: MITIGATION,
        severity: conflicts ? 'error' : 'warning',
        evidence: { table: h.table, lockHeld: h.mode, lockNeeded: t.lock, ...sessionEvidence(h.session) },
        tables: [h.table],
        ...(needed ? { at: needed.ref, lock: needed.lock } : {}),
      })
    }
    const pids = [...new Set([...held.values()].map((h) => h.session.pid))]
    const evidence = { longQuerySeconds: limit, queries: [...held.values()].map((h) => ({ table: h.table, lockHeld: h.mode, ...sessionEvidence(h.session) })), ...(note ? { note } : {}) }
    const summary = `${pids.length} quer${pids.length === 1 ? 'y has' : 'ies have'} been running longer than ${formatSeconds(limit)} on touched tables (pid ${pids.join(', ')})`
    return isBlocking
      ? { status: 'fail', summary: `${summary}, holding locks the migration must wait for.`, mitigation: MITIGATION, evidence, findings }
      : { status: 'warn', summary: `${summary}; their locks do not block the migration.`, mitigation: MITIGATION, evidence, findings }
  },
})

const MITIGATION =
  'Wait for the queries to finish, or run the migration later. If a query is safe to stop (a report, an ad-hoc query), SELECT pg_cancel_backend(pid) cancels it and keeps the session; ' +
  'pg_terminate_backend(pid) also closes the session. See runbook/long-running-queries.md.'
