import { defineStaticRule } from '../../engine/define.js'
import { relationName } from '../../dialects/postgres/locks.js'
import { reportDestructive } from './support/backup-evidence.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { executedStatements, viaSuffix } from './support/executed-sql.js'
import { displayName, lockFields } from './support/statement-facts.js'
import type { AstNode } from './support/ast.js'

/**
 * TRUNCATE deletes every row at once under an ACCESS EXCLUSIVE lock; with CASCADE it also empties
 * every table that references them by foreign key. A table the pending set created is empty anyway.
 */
export default defineStaticRule({
  id: 'no-truncate',
  title: 'Tables are not truncated without a backup',
  severity: 'error',
  run(ctx) {
    for (const exec of executedStatements(ctx, 'TruncateStmt')) {
      const tables = (exec.node.relations ?? [])
        .map((r: AstNode) => relationName(r.RangeVar))
        .filter((t: string | undefined): t is string => t !== undefined && !isCreatedBefore(ctx, exec, t))
      if (tables.length === 0) continue
      const names = tables.map(displayName).join(', ')
      const isCascade = exec.node.behavior === 'DROP_CASCADE'
      reportDestructive(
        ctx,
        exec,
        {
          message: `TRUNCATE deletes every row of ${names} under an ACCESS EXCLUSIVE lock${viaSuffix(exec)}.${isCascade ? ' CASCADE also empties every table that references them by foreign key, which the statement does not name.' : ''}`,
          mitigation: `Copy the rows first (CREATE TABLE ${tables[0]!.split('.').pop()}_backup AS SELECT * FROM ${displayName(tables[0]!)}) or record the backup with -- preflight:backup <reference>; to remove only some rows, DELETE them in batches with a WHERE clause.`,
          help: 'TRUNCATE is transactional but not recoverable after commit, and it fires no DELETE triggers.',
          evidence: { tables, cascade: isCascade, ...(exec.via ? { via: exec.via } : {}) },
          ...lockFields(ctx, exec.kind, exec.node),
        },
        // CASCADE empties tables the statement does not name, which no copy of the named ones covers.
        isCascade ? { accept: ['directive', 'pitr'] } : { tables },
      )
    }
  },
})
