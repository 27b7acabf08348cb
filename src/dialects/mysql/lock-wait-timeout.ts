/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser ASTs are untyped JSON, as Statement.node is typed */
/**
 * The session's lock_wait_timeout as a MySQL migration file sets it: how long DDL waits for the
 * exclusive metadata lock on its table before it fails (ER_LOCK_WAIT_TIMEOUT). The default is one
 * year, and while DDL waits every new statement on the table queues behind it.
 * https://dev.mysql.com/doc/refman/8.4/en/server-system-variables.html#sysvar_lock_wait_timeout
 */
import type { Statement } from '../postgres/parser.js'
import { stripComments } from './statements.js'

/**
 * Seconds the statement sets lock_wait_timeout to for this session (SET [SESSION|LOCAL]
 * lock_wait_timeout, SET @@[session.]lock_wait_timeout), or undefined when it does not. SET GLOBAL
 * and PERSIST change it for new sessions only; a value that is not a number counts as not set.
 */
export function lockWaitTimeoutSetting(stmt: Statement): number | undefined {
  if (stmt.kind !== 'set' || !Array.isArray(stmt.node.expr)) return undefined
  const scope = String(stmt.node.keyword ?? 'SESSION').toUpperCase()
  let seconds: number | undefined
  for (const assignment of stmt.node.expr as Record<string, any>[]) {
    const left = assignment?.left
    if (left?.type !== 'var') continue
    const members: string[] = Array.isArray(left.members) ? left.members.map(String) : []
    // @@session.x and @@global.x arrive as the name "session"/"global" with member x.
    const [variableScope, name] = members.length === 1 ? [String(left.name).toUpperCase(), members[0]!] : [scope, String(left.name)]
    if (!/^lock_wait_timeout$/i.test(name) || !['SESSION', 'LOCAL'].includes(variableScope)) continue
    const value = Number(assignment.right?.value)
    seconds = Number.isFinite(value) ? value : undefined
  }
  return seconds
}

/** MariaDB's per-statement wait: ALTER TABLE t WAIT n ... / NOWAIT (10.3+), which node-sql-parser does not read. */
export function hasWaitClause(stmt: Statement): boolean {
  return /^\s*(?:ALTER|DROP|TRUNCATE|RENAME|OPTIMIZE)\b[^;]*?\b(?:WAIT\s+\d+(?:\.\d+)?|NOWAIT)\b/i.test(stripComments(stmt.text))
}
