/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { defineStaticRule } from '../../engine/define.js'
import { isTrueOption } from '../../dialects/postgres/locks.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { lockEffect, lockEvidence } from './support/locking.js'
import { relationOf, type RelationRef } from './support/sql-names.js'
import { gradeLargest, withSize } from './support/table-size.js'

/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const SEVERITY = 'error'

/**
 * VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock
 * (https://www.postgresql.org/docs/current/sql-vacuum.html, .../sql-cluster.html): reads and writes
 * stop for the whole copy. pg_repack or pg_squeeze do the same online.
 */
export default defineStaticRule({
  id: 'no-vacuum-full-or-cluster',
  title: 'Do not run VACUUM FULL or CLUSTER in a migration',
  category: 'locks',
  severity: SEVERITY,
  run(ctx) {
    const lock = 'ACCESS EXCLUSIVE'
    for (const ref of ctx.statements(['VacuumStmt', 'ClusterStmt'])) {
      const n = ref.stmt.node
      const isCluster = ref.stmt.kind === 'ClusterStmt'
      if (!isCluster && !(n.is_vacuumcmd && (n.options ?? []).some((o: any) => o.DefElem?.defname === 'full' && isTrueOption(o.DefElem)))) continue
      const named: RelationRef[] = isCluster
        ? [relationOf(n.relation)].filter((r): r is RelationRef => r !== undefined)
        : (n.rels ?? []).flatMap((r: any) => {
            const rel = relationOf(r.VacuumRelation?.relation)
            return rel ? [rel] : []
          })
      const existing = named.filter((r) => !isCreatedBefore(ctx, ref, r.key))
      // Named tables that are all new block nobody; no table at all means every table.
      if (named.length > 0 && existing.length === 0) continue
      const command = isCluster ? 'CLUSTER' : 'VACUUM FULL'
      // Graded by the largest named table; with none named (every table) the size is unknown and the rule's severity stays.
      const grade = gradeLargest(ctx, existing.map((r) => r.key), SEVERITY)
      const target = existing.length > 0 ? withSize(existing.map((r) => r.display).join(', '), grade) : isCluster ? 'every previously clustered table' : 'every table in the database'
      ctx.report(ref, {
        message: `${command} rewrites ${target} under an ${lock} lock: ${lockEffect(lock)} until the rewrite finishes.`,
        severity: grade.severity,
        mitigation:
          'Remove it from the migration. To reclaim space or reorder rows online use pg_repack (or pg_squeeze); plain VACUUM (no FULL) needs no exclusive lock.',
        help: `${command} needs free disk space for a full copy of each table and its indexes, and holds the lock for the whole copy.`,
        tables: existing.map((r) => r.key),
        lock,
        evidence: lockEvidence(ctx, lock, existing.map((r) => r.key), { command, ...grade.evidence }),
      })
    }
  },
})
