import { defineStaticRule, type StatementRef } from '../../engine/define.js'
import { relationName } from '../../dialects/postgres/locks.js'
import { displayName, lockFields } from './support/statement-facts.js'
import { isRerunSafe } from './support/transactions.js'

/**
 * Seed data (INSERT ... VALUES, DEFAULT VALUES, or SELECT of constants) inserted without ON CONFLICT
 * is inserted twice, or fails on a unique key, when a migration that failed half-way is re-run.
 * INSERT ... SELECT with WHERE NOT EXISTS guards itself; INSERT ... SELECT from tables copies data
 * rather than seeding it and is not reported.
 */
export default defineStaticRule({
  id: 'require-on-conflict-for-seed',
  title: 'Seed inserts can run twice',
  severity: 'warning',
  run(ctx) {
    for (const ref of ctx.statements('InsertStmt')) {
      if (ref.stmt.node.onConflictClause || isRerunSafe(ctx, ref) || !isSeed(ref)) continue
      const table = displayName(relationName(ref.stmt.node.relation) ?? '')
      ctx.report(ref, {
        message: `INSERT INTO ${table} without ON CONFLICT inserts the rows again, or fails on a unique key, if the migration is re-run after failing half-way.`,
        mitigation: `Add ON CONFLICT (<key>) DO NOTHING (or DO UPDATE SET ... to refresh the values), or insert with INSERT INTO ${table} SELECT ... WHERE NOT EXISTS (SELECT 1 FROM ${table} WHERE <key> = ...).`,
        help: 'ON CONFLICT needs a unique index or constraint on the key; without one, use the WHERE NOT EXISTS form.',
        evidence: { table: relationName(ref.stmt.node.relation) },
        ...lockFields(ctx, ref.stmt.kind, ref.stmt.node),
      })
    }
  },
})

/** Whether the INSERT writes literal rows: VALUES, DEFAULT VALUES, or a SELECT of constants without a NOT EXISTS guard. */
function isSeed(ref: StatementRef): boolean {
  const select = ref.stmt.node.selectStmt?.SelectStmt
  if (!ref.stmt.node.selectStmt) return true
  if (!select) return false
  if (select.valuesLists) return true
  if (select.op && select.op !== 'SETOP_NONE') return false
  return !select.fromClause && !select.whereClause
}
