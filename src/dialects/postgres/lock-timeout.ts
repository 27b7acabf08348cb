/**
 * The lock_timeout a migration file sets for itself, statement by statement. Shared by the static
 * rule that asks for `SET lock_timeout` and the live lock-queue check, so both read the SQL alike.
 *
 * A statement waiting for a lock blocks every later request that conflicts with it, so an ALTER
 * TABLE stuck behind one long transaction stops all queries on the table
 * (https://www.postgresql.org/docs/current/explicit-locking.html). `SET lock_timeout` bounds that
 * wait (https://www.postgresql.org/docs/current/runtime-config-client.html#GUC-LOCK-TIMEOUT).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import type { Statement } from './parser.js'

/** The lock_timeout in force when a statement runs, as far as its own file says. */
export interface LockTimeoutState {
  /** Milliseconds; 0 means explicitly disabled (`SET lock_timeout = 0`). */
  readonly ms: number
  /** The statement that set it. */
  readonly setBy: Statement
}

/** What the file's own SQL says about lock_timeout before one statement. */
export interface LockTimeoutStep {
  /** The value in force, or undefined when the file set none (or reset it). */
  readonly before: LockTimeoutState | undefined
  /** The latest earlier `SET LOCAL lock_timeout` that did nothing because no transaction block was open. */
  readonly ignoredLocal: Statement | undefined
}

/**
 * For each statement of a file (by index), the lock_timeout set by earlier statements of the
 * same file, or undefined when the file never set one (the role or server default applies).
 * SET LOCAL lasts until the next COMMIT or ROLLBACK, and does nothing outside a transaction block
 * (PostgreSQL only warns); `isWrapped` says the migration tool runs the whole file in one
 * transaction. RESET, RESET ALL and SET ... TO DEFAULT clear the value.
 */
export function lockTimeoutsBefore(statements: readonly Statement[], isWrapped = false): (LockTimeoutState | undefined)[] {
  return lockTimeoutSteps(statements, isWrapped).map((step) => step.before)
}

/** Like lockTimeoutsBefore, and also remembers SET LOCAL statements that had no effect, for messages. */
export function lockTimeoutSteps(statements: readonly Statement[], isWrapped = false): LockTimeoutStep[] {
  return timeoutSteps(statements, 'lock_timeout', isWrapped)
}

/** The same for another time setting a file can SET (statement_timeout). */
export function timeoutSteps(statements: readonly Statement[], setting: TimeoutSetting, isWrapped = false): LockTimeoutStep[] {
  const out: LockTimeoutStep[] = []
  let session: LockTimeoutState | undefined
  let local: LockTimeoutState | undefined
  let ignoredLocal: Statement | undefined
  let isInBlock = isWrapped
  for (const stmt of statements) {
    out.push({ before: local ?? session, ignoredLocal })
    const change = timeoutChange(stmt, setting)
    const control = stmt.kind === 'TransactionStmt' ? String(stmt.node.kind) : undefined
    if (change) {
      const state = change.ms === undefined ? undefined : { ms: change.ms, setBy: stmt }
      if (!change.isLocal) {
        session = state
        local = undefined
      } else if (isInBlock) {
        local = state
      } else {
        ignoredLocal = stmt
      }
    } else if (control === 'TRANS_STMT_BEGIN' || control === 'TRANS_STMT_START') {
      isInBlock = true
    } else if (control !== undefined && TRANSACTION_ENDS.has(control)) {
      local = undefined
      // COMMIT AND CHAIN opens the next transaction at once.
      isInBlock = isWrapped || stmt.node.chain === true
    }
  }
  return out
}

const TRANSACTION_ENDS: ReadonlySet<string> = new Set(['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_PREPARE'])

/** The time settings a migration file sets for itself that the checks read. */
export type TimeoutSetting = 'lock_timeout' | 'statement_timeout'

/** What a statement does to lock_timeout: sets it (ms), clears it (ms undefined), or nothing (undefined). */
export function lockTimeoutChange(stmt: Pick<Statement, 'kind' | 'node'>): { ms: number | undefined; isLocal: boolean } | undefined {
  return timeoutChange(stmt, 'lock_timeout')
}

/** What a statement does to `setting`: sets it (ms), clears it (ms undefined), or nothing (undefined). */
function timeoutChange(stmt: Pick<Statement, 'kind' | 'node'>, setting: TimeoutSetting): { ms: number | undefined; isLocal: boolean } | undefined {
  if (stmt.kind === 'VariableSetStmt') {
    const n = stmt.node
    // RESET ALL puts every setting back to its default, SET LOCAL values included.
    if (n.kind === 'VAR_RESET_ALL') return { ms: undefined, isLocal: false }
    // Setting names are case-insensitive, even quoted ones.
    if (String(n.name ?? '').toLowerCase() !== setting) return undefined
    const isLocal = Boolean(n.is_local)
    if (n.kind === 'VAR_SET_VALUE') return { ms: parseDuration(constValue(n.args?.[0])), isLocal }
    // VAR_SET_DEFAULT, VAR_RESET: back to the role or server default, which the file does not know.
    return { ms: undefined, isLocal }
  }
  if (stmt.kind === 'SelectStmt') return setConfigCall(stmt.node, setting)
  return undefined
}

/** `SELECT set_config('lock_timeout', '5s', is_local)`, the function form of SET. */
function setConfigCall(node: Record<string, any>, setting: TimeoutSetting): { ms: number | undefined; isLocal: boolean } | undefined {
  for (const target of node.targetList ?? []) {
    const call = target?.ResTarget?.val?.FuncCall
    const name = (call?.funcname ?? []).map((p: any) => p?.String?.sval).join('.')
    if (name !== 'set_config' && name !== 'pg_catalog.set_config') continue
    const [settingName, value, isLocal] = call.args ?? []
    if (constValue(settingName)?.toLowerCase() !== setting) continue
    return { ms: parseDuration(constValue(value)), isLocal: isLocal?.A_Const?.boolval?.boolval === true }
  }
  return undefined
}

/** The value of an A_Const node as a string ('2s', 2000), or undefined. */
function constValue(node: any): string | undefined {
  const c = node?.A_Const
  if (!c) return undefined
  if (c.sval) return String(c.sval.sval ?? '')
  if (c.ival) return String(c.ival.ival ?? 0)
  if (c.fval) return String(c.fval.fval ?? '0')
  return undefined
}

const UNIT_MS: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1000, min: 60_000, h: 3_600_000, d: 86_400_000 }

/** Parses a PostgreSQL time setting ('2s', '500ms', '1min', a bare number in `defaultUnit`) into milliseconds. */
export function parseDuration(value: string | undefined, defaultUnit = 'ms'): number | undefined {
  if (value === undefined) return undefined
  const match = /^\s*(\d+(?:\.\d+)?)\s*(us|ms|s|min|h|d)?\s*$/.exec(value)
  if (!match) return undefined
  return Math.round(Number(match[1]) * (UNIT_MS[match[2] ?? defaultUnit] ?? 1))
}
