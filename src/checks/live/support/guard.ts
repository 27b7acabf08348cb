/**
 * Turns the ways a target can refuse a catalog read, which are facts about the target and not
 * bugs, into a skip or a warning that says why and what to grant or change: a login without
 * pg_monitor (SQLSTATE 42501), a catalog query that ran past the preflight statement_timeout
 * (57014) or lock_timeout (55P03), a server short of resources (class 53), and a server that
 * lacks a catalog object (a PostgreSQL-compatible server, or one older than supported). Anything
 * else still reaches the engine and becomes an `error` result.
 * https://www.postgresql.org/docs/current/errcodes-appendix.html
 */
import type { LiveCheck, LiveContext, LiveOutcome } from '../../../engine/define.js'
import { describeError } from '../../../engine/errors.js'

/** SQLSTATEs of a catalog object the server does not have: undefined table, column, function, object; feature not supported. */
const MISSING_OBJECT = new Set(['42P01', '42703', '42883', '42704', '0A000'])

/** MySQL and MariaDB error codes (mysql2's `code`) for a missing privilege. */
const MYSQL_DENIED = new Set(['ER_TABLEACCESS_DENIED_ERROR', 'ER_COLUMNACCESS_DENIED_ERROR', 'ER_SPECIFIC_ACCESS_DENIED_ERROR', 'ER_DBACCESS_DENIED_ERROR', 'ER_PROCACCESS_DENIED_ERROR'])

/** The same check, with expected refusals of the target reported as a skip or warning. */
export function guardCheck(check: LiveCheck): LiveCheck {
  return {
    ...check,
    async run(ctx) {
      try {
        return await check.run(ctx)
      } catch (error) {
        const outcome = refusalOutcome(error, ctx)
        if (!outcome) throw error
        ctx.log.log('warn', `check ${check.id}: ${outcome.status}: ${describeError(error)}`)
        return outcome
      }
    },
  }
}

/** The outcome for an error that describes the target rather than a bug, or undefined. */
export function refusalOutcome(error: unknown, ctx: LiveContext): LiveOutcome | undefined {
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string') return undefined
  const reason = describeError(error)
  const user = ctx.server.currentUser
  const evidence = { sqlstate: code, error: reason, user }
  if (code === '42501' || MYSQL_DENIED.has(code)) {
    const grant = ctx.db.dialect === 'mysql' ? `GRANT PROCESS and SELECT on the schema (and performance_schema) to ${user}` : `GRANT pg_monitor TO ${user} (it includes pg_read_all_stats and pg_read_all_settings)`
    return {
      status: 'skip',
      summary: `Not checked: the preflight login ${user} may not read what this check needs (${reason}). ${grant}, or grant the object named.`,
      evidence,
    }
  }
  if (code === '57014') {
    return {
      status: 'warn',
      summary: `Not checked: a catalog query ran past the preflight statement_timeout (${ctx.target.statementTimeoutMs} ms), so the server is overloaded or its catalog is very large.`,
      mitigation: 'Raise statementTimeoutMs for this target, or run preflight at a quieter time; a migration on a server this slow to answer will be slow too.',
      evidence: { ...evidence, statementTimeoutMs: ctx.target.statementTimeoutMs },
    }
  }
  if (code === '55P03') {
    return {
      status: 'warn',
      summary: `Not checked: a catalog query waited longer than the preflight lock_timeout (${ctx.target.lockTimeoutMs} ms): another session holds a strong lock (often ACCESS EXCLUSIVE from running DDL) on a table or catalog the check reads.`,
      mitigation: 'See blocking-locks and long-transactions for the session holding the lock; a migration started now would queue behind it too.',
      evidence: { ...evidence, lockTimeoutMs: ctx.target.lockTimeoutMs },
    }
  }
  if (code.startsWith('53')) {
    return {
      status: 'warn',
      summary: `Not checked: the server is short of resources (${reason}, SQLSTATE ${code}).`,
      mitigation: 'Find out why the server is short of memory, disk or connections before migrating: the migration needs more of them than a catalog query.',
      evidence,
    }
  }
  if (MISSING_OBJECT.has(code)) {
    return {
      status: 'skip',
      summary: `Not checked: the target lacks a catalog object this check reads (${reason}, SQLSTATE ${code}). It may be a PostgreSQL-compatible server (such as Aurora DSQL, CockroachDB, YugabyteDB or Redshift) or older than PostgreSQL 13.`,
      evidence,
    }
  }
  return undefined
}
