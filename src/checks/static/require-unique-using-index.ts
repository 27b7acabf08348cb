/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { executedStatements, viaSuffix, type ExecutedStatement } from './support/executed-sql.js'
import { defineStaticRule, type StaticContext } from '../../engine/define.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { lockEffect, lockEvidence } from './support/locking.js'
import { quoteIdent, relationOf, type RelationRef } from './support/sql-names.js'
import { gradeBySize, withSize } from './support/table-size.js'

/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const SEVERITY = 'error'

/** A UNIQUE or PRIMARY KEY constraint that builds its own index. */
interface IndexBuildingConstraint {
  readonly kind: 'UNIQUE' | 'PRIMARY KEY'
  readonly name: string | undefined
  readonly columns: readonly string[]
}

/**
 * ADD UNIQUE / ADD PRIMARY KEY build their index while holding ACCESS EXCLUSIVE on the table.
 * Building the index with CREATE UNIQUE INDEX CONCURRENTLY first and attaching it with
 * USING INDEX takes the lock only for a catalog update
 * (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-ADD-TABLE-CONSTRAINT-USING-INDEX).
 */
export default defineStaticRule({
  id: 'require-unique-using-index',
  title: 'Add unique and primary key constraints with USING INDEX',
  category: 'locks',
  severity: SEVERITY,
  run(ctx) {
    // Statements inside DO blocks and called functions add keys too.
    for (const ref of executedStatements(ctx, 'AlterTableStmt')) {
      const n = ref.node
      const table = relationOf(n.relation)
      if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE') || isCreatedBefore(ctx, ref, table.key)) continue
      for (const c of n.cmds ?? []) {
        const cmd = c.AlterTableCmd ?? {}
        if (cmd.subtype === 'AT_AddConstraint') {
          const found = indexBuilding(cmd.def?.Constraint, [])
          if (found) report(ctx, ref, table, found)
        } else if (cmd.subtype === 'AT_AddColumn') {
          const column = cmd.def?.ColumnDef?.colname as string | undefined
          for (const cc of cmd.def?.ColumnDef?.constraints ?? []) {
            const found = indexBuilding(cc?.Constraint, column ? [column] : [])
            if (found) report(ctx, ref, table, found)
          }
        }
      }
    }
  },
})

/** The constraint when it is UNIQUE or PRIMARY KEY without USING INDEX. */
function indexBuilding(con: Record<string, any> | undefined, inlineColumns: readonly string[]): IndexBuildingConstraint | undefined {
  if (!con || con.indexname || (con.contype !== 'CONSTR_UNIQUE' && con.contype !== 'CONSTR_PRIMARY')) return undefined
  const keys = (con.keys ?? []).map((k: any) => k?.String?.sval).filter((s: unknown): s is string => typeof s === 'string')
  return { kind: con.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : 'UNIQUE', name: con.conname, columns: keys.length > 0 ? keys : inlineColumns }
}

/** Reports one constraint that builds its index under ACCESS EXCLUSIVE. */
function report(ctx: StaticContext, ref: ExecutedStatement, table: RelationRef, con: IndexBuildingConstraint): void {
  const lock = 'ACCESS EXCLUSIVE'
  const relname = table.key.slice(table.key.indexOf('.') + 1)
  const name = quoteIdent(con.name ?? (con.kind === 'PRIMARY KEY' ? `${relname}_pkey` : `${relname}_${con.columns.join('_')}_key`))
  const columns = con.columns.map(quoteIdent).join(', ') || '<columns>'
  const grade = gradeBySize(ctx, table.key, SEVERITY)
  ctx.report(ref, {
    message: `ADD ${con.kind} builds its unique index while holding an ${lock} lock on ${withSize(table.display, grade)}${viaSuffix(ref)}: ${lockEffect(lock)} until the build finishes.`,
    severity: grade.severity,
    mitigation:
      `Build the index first without blocking, then attach it: CREATE UNIQUE INDEX CONCURRENTLY ${name} ON ${table.display} (${columns}); ` +
      `ALTER TABLE ${table.display} ADD CONSTRAINT ${name} ${con.kind} USING INDEX ${name};` +
      (con.kind === 'PRIMARY KEY' ? ' The key columns must already be NOT NULL, or USING INDEX runs SET NOT NULL (a full scan).' : ''),
    help: 'With USING INDEX the ALTER TABLE only records the constraint; the slow part ran in CREATE UNIQUE INDEX CONCURRENTLY, which lets reads and writes continue.',
    tables: [table.key],
    lock,
    evidence: lockEvidence(ctx, lock, [table.key], { constraint: con.kind, columns: con.columns, ...grade.evidence }),
  })
}
