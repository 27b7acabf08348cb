/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { defineStaticRule, type StatementRef, type StaticContext } from '../../engine/define.js'
import { qualifiedNameOf } from './support/sql-names.js'
import { transactionOf } from './support/transactions.js'

/**
 * ALTER TYPE ... ADD VALUE cannot run inside a transaction block before PostgreSQL 12 (unless the
 * enum was created in the same transaction); from 12 it can, but the new value cannot be used
 * until the transaction commits ("unsafe use of new value", SQLSTATE 55P04), except, from 17, for
 * an enum created in the same transaction
 * (https://www.postgresql.org/docs/current/sql-altertype.html#id-1.9.3.42.7).
 */
export default defineStaticRule({
  id: 'enum-add-value-in-transaction',
  title: 'Add enum values outside a transaction (or do not use them in it)',
  category: 'static-analysis',
  severity: 'error',
  run(ctx) {
    // Enum types created so far, by transaction id.
    const createdIn = new Map<string, string>()
    for (const ref of ctx.statements(['CreateEnumStmt', 'AlterEnumStmt'])) {
      const n = ref.stmt.node
      const type = qualifiedNameOf(n.typeName)
      if (!type) continue
      const tx = transactionOf(ctx, ref)
      if (ref.stmt.kind === 'CreateEnumStmt') {
        createdIn.set(type.key, tx.id)
        continue
      }
      // RENAME VALUE has oldVal; only ADD VALUE matters.
      if (!n.newVal || n.oldVal || tx.kind === 'none') continue
      if (ctx.postgresVersion < 12) {
        if (createdIn.get(type.key) === tx.id) continue
        ctx.report(ref, {
          message: `ALTER TYPE ${type.display} ADD VALUE cannot run inside a transaction block on PostgreSQL ${ctx.postgresVersion}, and ${tx.reason}: the migration fails (SQLSTATE 25001).`,
          mitigation: 'Put ADD VALUE in its own migration that runs outside a transaction (or upgrade to PostgreSQL 12+).',
          help: 'PostgreSQL 12 allowed ADD VALUE in a transaction block.',
          evidence: { type: type.key, value: n.newVal, postgresVersion: ctx.postgresVersion, versionSource: ctx.versionSource, transaction: tx.reason },
        })
        continue
      }
      // From 17 a value added to an enum created in the same transaction is usable at once.
      if (ctx.postgresVersion >= 17 && createdIn.get(type.key) === tx.id) continue
      const use = laterUse(ctx, ref, String(n.newVal), tx.id)
      if (!use) continue
      const where = use.file === ref.file ? `line ${use.stmt.line}` : `${use.file.migration.path}:${use.stmt.line}`
      ctx.report(ref, {
        message:
          `ALTER TYPE ${type.display} ADD VALUE '${n.newVal}' and a use of '${n.newVal}' (${where}) are in the same transaction: ` +
          `PostgreSQL rejects the use with "unsafe use of new value" (SQLSTATE 55P04) and the migration fails.`,
        mitigation: 'Add the value in one migration and use it in a later one, so the ADD VALUE commits first.',
        help: `Why one transaction: ${tx.reason}.`,
        evidence: { type: type.key, value: n.newVal, usedAt: where, transaction: tx.reason },
      })
    }
  },
})

/** The first later statement in the same transaction that has the value as a string literal. */
function laterUse(ctx: StaticContext, ref: StatementRef, value: string, txId: string): StatementRef | undefined {
  let isAfter = false
  for (const other of ctx.statements()) {
    if (other.stmt === ref.stmt) {
      isAfter = true
      continue
    }
    if (!isAfter || other.stmt.kind === 'AlterEnumStmt') continue
    if (transactionOf(ctx, other).id !== txId) continue
    if (hasStringConstant(other.stmt.node, value)) return other
  }
  return undefined
}

/** Whether a node tree holds the string constant `value` (A_Const, not identifiers or function bodies). */
function hasStringConstant(node: unknown, value: string): boolean {
  if (Array.isArray(node)) return node.some((item) => hasStringConstant(item, value))
  if (!node || typeof node !== 'object') return false
  const constant = (node as Record<string, any>).A_Const
  if (constant?.sval?.sval === value) return true
  return Object.entries(node).some(([key, child]) => key !== 'DefElem' && hasStringConstant(child, value))
}
