/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { defineStaticRule, type StatementRef, type StaticContext } from '../../engine/define.js'
import type { Statement } from '../../dialects/postgres/parser.js'
import { commandName } from './support/commands.js'
import { existingLocks, isAtLeast, lockEvidence, lockWithArticle, type ExistingLock } from './support/locking.js'
import { strongerLock } from '../../dialects/postgres/locks.js'
import { transactionOf } from './support/transactions.js'

/** What a statement does to lock_timeout, if anything. */
interface TimeoutChange {
  readonly isOn: boolean
  readonly isLocal: boolean
}

/**
 * A statement that needs a strong lock (SHARE or stronger) waits for every conflicting lock, and
 * while it waits every later query on the table queues behind it: a long SELECT plus a migration
 * is an outage. `SET lock_timeout` earlier in the file makes it fail fast instead
 * (https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LOCK-TIMEOUT).
 */
export default defineStaticRule({
  id: 'require-lock-timeout',
  title: 'Set lock_timeout before taking strong locks',
  category: 'locks',
  severity: 'error',
  run(ctx) {
    for (const file of ctx.files) {
      let isSessionOn = false
      // SET LOCAL lasts until its transaction ends.
      let local: { txId: string; isOn: boolean } | undefined
      let ineffectiveLocalLine: number | undefined
      for (const stmt of file.parsed.statements) {
        const ref: StatementRef = { file, stmt }
        const tx = transactionOf(ctx, ref)
        if (local && local.txId !== tx.id) local = undefined
        const change = timeoutChange(stmt)
        if (change) {
          if (!change.isLocal) {
            isSessionOn = change.isOn
            local = undefined
          } else if (tx.kind === 'none') ineffectiveLocalLine = stmt.line
          else local = { txId: tx.id, isOn: change.isOn }
          continue
        }
        const isOn = local ? local.isOn : isSessionOn
        if (isOn || (stmt.kind === 'LockStmt' && stmt.node.nowait)) continue
        const strong = existingLocks(ctx, ref).filter((l) => isAtLeast(l.lock, 'SHARE'))
        if (strong.length > 0) report(ctx, ref, strong, ineffectiveLocalLine)
      }
    }
  },
})

/** Reports one statement that can queue traffic behind its lock. */
function report(ctx: StaticContext, ref: StatementRef, locks: readonly ExistingLock[], ineffectiveLocalLine: number | undefined): void {
  const lock = locks.map((l) => l.lock).reduce(strongerLock)
  const tables = locks.map((l) => l.display).join(', ')
  const keys = locks.filter((l) => l.isKnown).map((l) => l.key)
  ctx.report(ref, {
    message:
      `${commandName(ref.stmt)} waits for ${lockWithArticle(lock)} lock on ${tables} with no lock_timeout: ` +
      `while it waits behind a running query, every new ${lock === 'ACCESS EXCLUSIVE' ? 'query' : 'write'} on ${locks.length > 1 ? 'them' : 'the table'} queues behind it.` +
      (ineffectiveLocalLine ? ` SET LOCAL lock_timeout at line ${ineffectiveLocalLine} does nothing outside a transaction block.` : ''),
    mitigation: "Start the file with SET lock_timeout = '5s'; (any short, non-zero value) so the statement gives up instead of stalling traffic, and retry the migration later if it does.",
    help: 'lock_timeout bounds only the wait for the lock; statement_timeout would also cut off the work itself.',
    tables: keys,
    lock,
    evidence: lockEvidence(ctx, lock, keys),
  })
}

/** How the statement changes lock_timeout: SET / SET LOCAL / RESET / set_config(). */
function timeoutChange(stmt: Statement): TimeoutChange | undefined {
  const n = stmt.node
  if (stmt.kind === 'VariableSetStmt') {
    if (n.kind === 'VAR_RESET_ALL') return { isOn: false, isLocal: false }
    if (String(n.name ?? '').toLowerCase() !== 'lock_timeout') return undefined
    if (n.kind === 'VAR_SET_VALUE') return { isOn: !isZero(constantText(n.args?.[0])), isLocal: Boolean(n.is_local) }
    if (n.kind === 'VAR_SET_DEFAULT' || n.kind === 'VAR_RESET') return { isOn: false, isLocal: Boolean(n.is_local) }
    return undefined
  }
  if (stmt.kind === 'SelectStmt') {
    for (const target of n.targetList ?? []) {
      const call = target.ResTarget?.val?.FuncCall
      const name = call?.funcname?.[call.funcname.length - 1]?.String?.sval
      if (name !== 'set_config' || String(constantText(call.args?.[0])).toLowerCase() !== 'lock_timeout') continue
      const isLocal = Boolean(call.args?.[2]?.A_Const?.boolval?.boolval)
      return { isOn: !isZero(constantText(call.args?.[1])), isLocal }
    }
  }
  return undefined
}

/** The text of a constant argument: '5s', 5000, 0. */
function constantText(node: Record<string, any> | undefined): string {
  const c = node?.A_Const
  if (!c) return ''
  if (c.sval) return String(c.sval.sval ?? '')
  if (c.ival) return String(c.ival.ival ?? 0)
  if (c.fval) return String(c.fval.fval ?? '0')
  return ''
}

/** Whether a lock_timeout value means "wait forever" (0 in any unit). */
function isZero(value: string): boolean {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*[a-z]*\s*$/i.exec(value)
  return match !== null && Number(match[1]) === 0
}
