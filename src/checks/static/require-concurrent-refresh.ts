import { executedStatements, viaSuffix } from './support/executed-sql.js'
import { defineStaticRule } from '../../engine/define.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { lockEffect, lockEvidence } from './support/locking.js'
import { relationOf } from './support/sql-names.js'
import { gradeBySize, withSize } from './support/table-size.js'

/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const SEVERITY = 'error'

/**
 * REFRESH MATERIALIZED VIEW without CONCURRENTLY holds ACCESS EXCLUSIVE on the view while it
 * recomputes it: every read of the view waits. CONCURRENTLY takes EXCLUSIVE, which lets reads go
 * on (https://www.postgresql.org/docs/current/sql-refreshmaterializedview.html).
 */
export default defineStaticRule({
  id: 'require-concurrent-refresh',
  title: 'Refresh materialized views without blocking reads',
  category: 'locks',
  severity: SEVERITY,
  run(ctx) {
    const lock = 'ACCESS EXCLUSIVE'
    // Statements inside DO blocks and called functions refresh views too.
    for (const ref of executedStatements(ctx, 'RefreshMatViewStmt')) {
      const n = ref.node
      const view = relationOf(n.relation)
      if (!view || n.concurrent || isCreatedBefore(ctx, ref, view.key)) continue
      // The view's own size: the refresh rewrites it, and every read of it waits meanwhile.
      const grade = gradeBySize(ctx, view.key, SEVERITY)
      ctx.report(ref, {
        message: `REFRESH MATERIALIZED VIEW takes an ${lock} lock on ${withSize(view.display, grade)}${viaSuffix(ref)}: ${lockEffect(lock)} until the refresh finishes.`,
        severity: grade.severity,
        mitigation: n.skipData
          ? `WITH NO DATA empties ${view.display} under ${lock} and cannot be concurrent: leave it out of the migration, or do it when nothing reads the view.`
          : `Use REFRESH MATERIALIZED VIEW CONCURRENTLY ${view.display}; it needs a UNIQUE index on the view (CREATE UNIQUE INDEX CONCURRENTLY ... ON ${view.display} (...)) and a populated view.`,
        help: 'CONCURRENTLY computes the new contents aside and applies the differences, under an EXCLUSIVE lock that still allows SELECT.',
        tables: [view.key],
        lock,
        evidence: lockEvidence(ctx, lock, [view.key], grade.evidence),
      })
    }
  },
})
