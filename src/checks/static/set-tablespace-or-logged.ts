import { executedStatements, viaSuffix } from './support/executed-sql.js'
import { defineStaticRule } from '../../engine/define.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { lockEffect, lockEvidence } from './support/locking.js'
import { quoteIdent, relationOf } from './support/sql-names.js'
import { gradeBySize, INDEX_KEY_PREFIX, withSize } from './support/table-size.js'

/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const SEVERITY = 'error'

// Sub-commands that copy every row of the relation into a new file while holding ACCESS EXCLUSIVE.
const COPYING: Readonly<Record<string, { what: string; mitigation: string }>> = {
  AT_SetTableSpace: {
    what: 'SET TABLESPACE copies it to the new tablespace',
    mitigation: 'Move it online with pg_repack --tablespace, or do it in a maintenance window outside the migration.',
  },
  AT_SetLogged: {
    what: 'SET LOGGED rewrites it and writes all of it to the WAL',
    mitigation: 'Do it in a maintenance window, or create a new logged table, copy rows in batches and swap names.',
  },
  AT_SetUnLogged: {
    what: 'SET UNLOGGED rewrites it',
    mitigation: 'Do it in a maintenance window; note that unlogged tables are emptied after a crash and not replicated.',
  },
  AT_SetAccessMethod: {
    what: 'SET ACCESS METHOD rewrites it',
    mitigation: 'Do it in a maintenance window, or create a new table with the access method, copy rows in batches and swap names.',
  },
}

/**
 * SET TABLESPACE, SET LOGGED/UNLOGGED (and SET ACCESS METHOD) copy the whole relation under an
 * ACCESS EXCLUSIVE lock (https://www.postgresql.org/docs/current/sql-altertable.html): on a large
 * table that is an outage as long as the copy.
 */
export default defineStaticRule({
  id: 'set-tablespace-or-logged',
  title: 'Do not move or re-log tables in a migration',
  category: 'locks',
  severity: SEVERITY,
  run(ctx) {
    const lock = 'ACCESS EXCLUSIVE'
    // Statements inside DO blocks and called functions move tables too.
    for (const ref of executedStatements(ctx, ['AlterTableStmt', 'AlterTableMoveAllStmt'])) {
      const n = ref.node
      if (ref.kind === 'AlterTableMoveAllStmt') {
        const from = quoteIdent(String(n.orig_tablespacename ?? ''))
        ctx.report(ref, {
          message: `ALTER ... ALL IN TABLESPACE ${from} SET TABLESPACE copies every matching relation under an ${lock} lock, one after another${viaSuffix(ref)}: ${lockEffect(lock)} on each until it is copied.`,
          mitigation: COPYING.AT_SetTableSpace!.mitigation,
          lock,
          evidence: { lock, tablespace: n.orig_tablespacename, newTablespace: n.new_tablespacename },
        })
        continue
      }
      const relation = relationOf(n.relation)
      if (!relation || isCreatedBefore(ctx, ref, relation.key)) continue
      const kind = n.objtype === 'OBJECT_INDEX' ? 'index' : n.objtype === 'OBJECT_MATVIEW' ? 'materialized view' : 'table'
      // An index is graded by its table: that is what its lock blocks.
      const sized = kind === 'index' ? `${INDEX_KEY_PREFIX}${relation.key}` : relation.key
      const grade = gradeBySize(ctx, sized, SEVERITY)
      for (const c of n.cmds ?? []) {
        const found = COPYING[String(c.AlterTableCmd?.subtype)]
        if (!found) continue
        const effect = kind === 'index' ? 'writes to its table and queries using the index are blocked' : lockEffect(lock)
        ctx.report(ref, {
          message: `${found.what.replace(' it', () => ` ${kind} ${withSize(relation.display, grade)}`)} under an ${lock} lock${viaSuffix(ref)}: ${effect} until the copy finishes.`,
          severity: grade.severity,
          mitigation: found.mitigation,
          help: 'The copy takes as long as writing the whole relation (and its indexes) once; nothing else can use it meanwhile.',
          tables: kind === 'index' ? [] : [relation.key],
          lock,
          evidence: lockEvidence(ctx, lock, [sized], { relation: relation.key, kind, ...grade.evidence }),
        })
      }
    }
  },
})
