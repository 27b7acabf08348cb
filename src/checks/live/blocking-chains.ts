import { defineLiveCheck, outcome } from '../../engine/define.js'
import { describeSession, formatSeconds, readActivity, sessionEvidence, sessionsByPid, visibilityNote, type ActivitySnapshot, type SessionInfo } from '../../dialects/postgres/catalog/activity.js'

/**
 * Sessions already waiting for locks held by other sessions in the target database
 * (pg_blocking_pids, https://www.postgresql.org/docs/current/functions-info.html). A lock queue
 * that exists before the migration starts only gets longer when the migration joins it; one on
 * a touched table means the migration will wait too.
 */
export default defineLiveCheck({
  id: 'blocking-chains',
  title: 'No lock queue is building up on the target',
  category: 'locks',
  severity: 'error',
  async run(ctx) {
    const snapshot = await readActivity(ctx)
    const chains = blockingChains(snapshot)
    const note = visibilityNote(snapshot)
    if (chains.length === 0) {
      return outcome.pass(`No session in database ${ctx.server.database} is waiting for another session's lock.`, { chains: 0, ...(note ? { note } : {}) })
    }
    const evidence = {
      chains: chains.map((c) => ({
        root: c.root ? sessionEvidence(c.root) : { pid: c.rootPid, note: c.rootPid === 0 ? 'a prepared transaction (see prepared-transactions)' : 'a session outside this database or already gone' },
        blocked: c.blocked.map((s) => ({ ...sessionEvidence(s), waitingFor: s.blockedBy })),
        depth: c.depth,
        longestWaitSeconds: c.longestWait,
        touchedTables: c.tables,
      })),
      ...(note ? { note } : {}),
    }
    const described = chains.map((c) => `${c.root ? describeSession(c.root) : c.rootPid === 0 ? 'a prepared transaction' : `pid ${c.rootPid}`} blocks ${c.blocked.length} session${c.blocked.length === 1 ? '' : 's'} (waiting up to ${formatSeconds(c.longestWait)}${c.tables.length ? `, on ${c.tables.join(', ')}` : ''})`)
    const onTouched = chains.filter((c) => c.tables.length > 0)
    const mitigation =
      'Find what the root session is doing (its application and client address are in the evidence). Wait for it to finish, or end it: SELECT pg_cancel_backend(pid) cancels its query; ' +
      'SELECT pg_terminate_backend(pid) ends the session and rolls back its transaction (with care: ask its owner). Everything queued behind it then proceeds. See runbook/blocking-chains.md.'
    if (onTouched.length > 0) {
      return outcome.fail(`Sessions are already queued for locks on tables the migration touches: ${described.join('; ')}. The migration would join the queue.`, mitigation, evidence)
    }
    return outcome.warn(`Sessions are queued for locks elsewhere in the database: ${described.join('; ')}. Running a migration now adds load to a server that is already waiting.`, mitigation, evidence)
  },
})

/** A tree of waiting sessions under one root that is not waiting itself. */
interface Chain {
  readonly rootPid: number
  readonly root: SessionInfo | undefined
  readonly blocked: readonly SessionInfo[]
  readonly depth: number
  readonly longestWait: number
  /** Touched tables the root holds locks on or the blocked sessions wait for. */
  readonly tables: readonly string[]
}

/** Groups waiting sessions by the root blockers at the top of their wait graph. */
export function blockingChains(snapshot: ActivitySnapshot): Chain[] {
  const sessions = sessionsByPid(snapshot)
  const waiting = snapshot.sessions.filter((s) => s.blockedBy.length > 0)
  if (waiting.length === 0) return []
  const byRoot = new Map<number, { blocked: Set<SessionInfo>; depth: number }>()
  for (const s of waiting) {
    for (const { pid, depth } of rootsOf(s, sessions)) {
      const entry = byRoot.get(pid) ?? { blocked: new Set<SessionInfo>(), depth: 0 }
      entry.blocked.add(s)
      entry.depth = Math.max(entry.depth, depth)
      byRoot.set(pid, entry)
    }
  }
  return [...byRoot.entries()]
    .map(([rootPid, { blocked, depth }]) => {
      const members = [...blocked].sort((a, b) => a.pid - b.pid)
      const pids = new Set([rootPid, ...members.map((m) => m.pid)])
      const tables = [...new Set(snapshot.locks.filter((l) => l.pid !== null && pids.has(l.pid) && (l.pid === rootPid ? l.granted : !l.granted)).map((l) => l.table))].sort()
      return { rootPid, root: sessions.get(rootPid), blocked: members, depth, longestWait: Math.max(...members.map((m) => m.querySeconds ?? 0)), tables }
    })
    .sort((a, b) => b.blocked.length - a.blocked.length || a.rootPid - b.rootPid)
}

/** The sessions at the top of `s`'s wait graph (not waiting themselves, or outside what we see), with their distance. */
function rootsOf(s: SessionInfo, sessions: ReadonlyMap<number, SessionInfo>): { pid: number; depth: number }[] {
  const roots = new Map<number, number>()
  const visited = new Set<number>([s.pid])
  let frontier = [...s.blockedBy]
  for (let depth = 1; frontier.length > 0 && depth < 100; depth++) {
    const next: number[] = []
    for (const pid of frontier) {
      if (visited.has(pid)) continue
      visited.add(pid)
      const blocker = sessions.get(pid)
      if (!blocker || blocker.blockedBy.length === 0) roots.set(pid, Math.max(roots.get(pid) ?? 0, depth))
      else next.push(...blocker.blockedBy)
    }
    frontier = next
  }
  // A cycle is a deadlock the server resolves within deadlock_timeout; report it under its first member.
  if (roots.size === 0) roots.set(s.blockedBy[0]!, 1)
  return [...roots.entries()].map(([pid, depth]) => ({ pid, depth }))
}
