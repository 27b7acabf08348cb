import { defineStaticRule } from '../../engine/define.js'
import { relationName } from '../../dialects/postgres/locks.js'
import { reportDestructive } from './support/backup-evidence.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { executedStatements, viaSuffix } from './support/executed-sql.js'
import { displayName, lockFields } from './support/statement-facts.js'
import type { AstNode } from './support/ast.js'

/**
 * DELETE or UPDATE without WHERE changes every row of the table, usually by mistake, and holds row
 * locks on all of them until commit. An UPDATE that only fills columns the pending set added
 * (a backfill) overwrites no existing data and is left to the blocking rules.
 */
export default defineStaticRule({
  id: 'no-unqualified-delete-update',
  title: 'DELETE and UPDATE say which rows',
  severity: 'error',
  run(ctx) {
    for (const exec of executedStatements(ctx, ['DeleteStmt', 'UpdateStmt'])) {
      if (exec.node.whereClause) continue
      const table = relationName(exec.node.relation)
      if (!table || isCreatedBefore(ctx, exec, table)) continue
      const name = displayName(table)
      if (exec.kind === 'UpdateStmt') {
        const columns: string[] = (exec.node.targetList ?? []).map((t: AstNode) => t?.ResTarget?.name).filter((c: unknown): c is string => typeof c === 'string')
        if (columns.length > 0 && columns.every((c) => isCreatedBefore(ctx, exec, table, c))) continue
        reportDestructive(
          ctx,
          exec,
          {
            message: `UPDATE without WHERE overwrites ${columns.map(displayName).join(', ')} in every row of ${name}${viaSuffix(exec)}; the old values are gone and every row stays locked until commit.`,
            mitigation: `Add a WHERE clause naming the rows to change (or WHERE true if every row is meant), and update large tables in batches by key range; copy the old values first (CREATE TABLE ... AS SELECT * FROM ${name}) or record the backup with -- preflight:backup <reference>.`,
            help: 'An UPDATE without WHERE is a common accident. Writing the condition, even WHERE true, shows the change was intended.',
            evidence: { table, columns, ...(exec.via ? { via: exec.via } : {}) },
            ...lockFields(ctx, exec.kind, exec.node),
          },
          { tables: [table] },
        )
        continue
      }
      reportDestructive(
        ctx,
        exec,
        {
          message: `DELETE without WHERE deletes every row of ${name}${viaSuffix(exec)}, holding a lock on each until commit.`,
          mitigation: `Add a WHERE clause naming the rows to delete (or WHERE true if every row is meant), and delete in batches on large tables; copy the rows first (CREATE TABLE ... AS SELECT * FROM ${name}) or record the backup with -- preflight:backup <reference>.`,
          help: 'A DELETE without WHERE is a common accident. Writing the condition, even WHERE true, shows the change was intended.',
          evidence: { table, ...(exec.via ? { via: exec.via } : {}) },
          ...lockFields(ctx, exec.kind, exec.node),
        },
        { tables: [table] },
      )
    }
  },
})
