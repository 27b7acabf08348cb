import { defineStaticRule, type StatementRef, type StaticContext } from '../../engine/define.js'
import { relationName } from '../../dialects/postgres/locks.js'
import { createdKey, isDroppedIfExistsBefore } from './support/rerun.js'
import { displayName, lockFields } from './support/statement-facts.js'
import { isRerunSafe } from './support/transactions.js'
import type { AstNode } from './support/ast.js'

/** CREATE OR REPLACE TRIGGER exists from PostgreSQL 14 (https://www.postgresql.org/docs/14/sql-createtrigger.html). */
const OR_REPLACE_TRIGGER_SINCE = 14

/**
 * CREATE FUNCTION, PROCEDURE, VIEW or TRIGGER without OR REPLACE fails with "already exists" when a
 * migration that failed half-way is re-run. A `DROP ... IF EXISTS` of the same object earlier in the
 * file is accepted too; it is the only way for triggers before PostgreSQL 14 and for constraint triggers.
 */
export default defineStaticRule({
  id: 'require-or-replace',
  title: 'Functions, views and triggers are created with OR REPLACE',
  severity: 'warning',
  run(ctx) {
    for (const ref of ctx.statements(['CreateFunctionStmt', 'ViewStmt', 'CreateTrigStmt'])) {
      const n = ref.stmt.node
      if (n.replace || isRerunSafe(ctx, ref)) continue
      const key = createdKey(ref.stmt)
      if (key && isDroppedIfExistsBefore(ref, key)) continue
      ctx.report(ref, { ...describe(ctx, ref), ...lockFields(ctx, ref.stmt.kind, n) })
    }
  },
})

/** Message and mitigation for one statement. */
function describe(ctx: StaticContext, ref: StatementRef): { message: string; mitigation: string; help: string; evidence: Record<string, unknown> } {
  const n = ref.stmt.node
  const help = 'OR REPLACE keeps grants and dependent objects; DROP ... IF EXISTS followed by CREATE loses the grants and fails if other objects depend on it.'
  const rerun = 'fails with "already exists" if the migration is re-run after failing half-way'
  if (ref.stmt.kind === 'CreateTrigStmt') {
    const table = displayName(relationName(n.relation) ?? '')
    const trigger = displayName(String(n.trigname))
    const hasOrReplace = ctx.postgresVersion >= OR_REPLACE_TRIGGER_SINCE && !n.isconstraint
    return {
      message: `CREATE TRIGGER ${trigger} ON ${table} ${rerun}.`,
      mitigation: hasOrReplace
        ? `Write CREATE OR REPLACE TRIGGER ${trigger} ... (PostgreSQL ${OR_REPLACE_TRIGGER_SINCE}+), or put DROP TRIGGER IF EXISTS ${trigger} ON ${table}; right before it.`
        : `Put DROP TRIGGER IF EXISTS ${trigger} ON ${table}; right before it (${n.isconstraint ? 'constraint triggers have no OR REPLACE' : `CREATE OR REPLACE TRIGGER needs PostgreSQL ${OR_REPLACE_TRIGGER_SINCE}; rules assume ${ctx.postgresVersion}`}).`,
      help,
      evidence: { trigger: n.trigname, postgresVersion: ctx.postgresVersion, versionSource: ctx.versionSource },
    }
  }
  if (ref.stmt.kind === 'ViewStmt') {
    const view = displayName(relationName(n.view) ?? '')
    return {
      message: `CREATE VIEW ${view} ${rerun}.`,
      mitigation: `Write CREATE OR REPLACE VIEW ${view} AS ...; it can add columns at the end but not drop or retype them (then use DROP VIEW IF EXISTS first).`,
      help,
      evidence: { view: relationName(n.view) },
    }
  }
  const what = n.is_procedure ? 'PROCEDURE' : 'FUNCTION'
  const name = (n.funcname ?? []).map((p: AstNode) => displayName(String(p?.String?.sval))).join('.')
  return {
    message: `CREATE ${what} ${name} ${rerun}.`,
    mitigation: `Write CREATE OR REPLACE ${what} ${name}(...) ...; changing the return type or argument names needs DROP ${what} IF EXISTS first.`,
    help,
    evidence: { [what.toLowerCase()]: name },
  }
}
