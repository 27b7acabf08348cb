import { defineStaticRule, type StatementRef, type StaticContext } from '../../engine/define.js'
import {
  assertsOnline,
  blockingOperations,
  ddlPlan,
  neverOnlineOperations,
  onlineClause,
  type DdlOperation,
  type DdlPlan,
} from '../../dialects/mysql/online-ddl.js'
import { alteredTable, tableLabel } from '../../dialects/mysql/statements.js'
import { UNPARSED } from '../../dialects/mysql/parser.js'
import { columnTypesBefore, isCreatedEarlier, isForeignKeyChecksOffBefore } from './support/mysql-pending.js'

const ONLINE_TOOLS = 'gh-ost or pt-online-schema-change'

/**
 * ALTER TABLE and CREATE INDEX without ALGORITHM=INSTANT, or LOCK=NONE, let MySQL pick the
 * algorithm: when the change cannot run online it silently copies the table and blocks writes for
 * the whole copy. The rule reports the operations that do (column type changes, ADD FOREIGN KEY
 * with checks on, DROP PRIMARY KEY, CONVERT TO CHARACTER SET, CHECK constraints, STORED generated
 * and AUTO_INCREMENT columns, FULLTEXT/SPATIAL indexes), online clauses the server will reject,
 * and statements it could not read whole. A statement whose every operation runs online is not
 * reported: without the clauses MySQL already picks INSTANT or INPLACE with the least locking.
 * https://dev.mysql.com/doc/refman/8.4/en/innodb-online-ddl.html
 */
export default defineStaticRule({
  id: 'mysql-alter-without-online-ddl',
  title: 'ALTER TABLE asks for online DDL (MySQL)',
  category: 'locks',
  severity: 'warning',
  dialects: ['mysql'],
  run(ctx) {
    for (const ref of ctx.statements(['alter', 'create', UNPARSED])) {
      const altered = alteredTable(ref.stmt)
      const plan = ddlPlan(ref.stmt, {
        isForeignKeyChecksOff: isForeignKeyChecksOffBefore(ref),
        ...(altered ? { columnTypes: columnTypesBefore(ctx, ref, altered) } : {}),
      })
      if (!plan || isCreatedEarlier(ctx, ref, plan.table)) continue
      checkPlan(ctx, ref, plan)
    }
  },
})

/** Reports one statement: refused online clause, blocking operations, or a missing clause. */
function checkPlan(ctx: StaticContext, ref: StatementRef, plan: DdlPlan): void {
  const name = tableLabel(plan.table)
  const evidence = { table: name, operations: plan.operations.map((op) => `${op.what}: ${op.best}`), algorithm: plan.algorithm ?? null, lock: plan.lock ?? null }
  const never = neverOnlineOperations(plan)
  if (assertsOnline(plan)) {
    if (never.length === 0) return
    ctx.report(ref, {
      message: `${describe(never)} on ${name} cannot run with ${clauses(plan)}: MySQL rejects the statement, so the migration stops here (${notes(never)}).`,
      mitigation: `Run this change with ${ONLINE_TOOLS}, which copy the table in the background, or in a maintenance window without the online clause.`,
      evidence,
      tables: [name],
    })
    return
  }
  const blocking = blockingOperations(plan)
  if (blocking.length > 0) {
    ctx.report(ref, {
      message: `${describe(blocking)} on ${name} ${effect(blocking)} (${notes(blocking)}).`,
      mitigation: `Add ALGORITHM=INPLACE, LOCK=NONE so MySQL refuses instead of blocking when the change cannot run online; for a change that must copy, use ${ONLINE_TOOLS} or a maintenance window.`,
      help: 'With ALGORITHM and LOCK named, MySQL fails fast (ER_ALTER_OPERATION_NOT_SUPPORTED_REASON) rather than silently choosing a blocking algorithm.',
      evidence,
      tables: [name],
    })
    return
  }
  // Every operation runs online, and MySQL picks INSTANT or INPLACE by itself: nothing to report.
  if (!plan.isFromText) return
  const verb = ref.stmt.kind === 'create' ? 'CREATE INDEX' : 'ALTER TABLE'
  ctx.report(ref, {
    message: `${verb} on ${name} names no ${plan.operations.length > 0 ? onlineClause(plan) : 'ALGORITHM=INSTANT or LOCK=NONE'}: if it cannot run online, MySQL silently copies the table and blocks writes instead of failing (node-sql-parser could not read the statement, so its operations were not checked).`,
    mitigation: `Add ${plan.operations.length > 0 ? onlineClause(plan) : 'ALGORITHM=INPLACE, LOCK=NONE'} to the statement (e.g. ${verb} ... , ${plan.operations.length > 0 ? onlineClause(plan) : 'ALGORITHM=INPLACE, LOCK=NONE'}); MySQL then refuses rather than blocking.`,
    evidence,
    tables: [name],
  })
}

/** What the blocking operations do: copy (surely, or unless the column keeps its type) or rebuild, blocking writes. */
function effect(blocking: readonly DdlOperation[]): string {
  if (blocking.some((op) => op.best === 'COPY' && !op.mayRunInPlace)) return 'copies the whole table and blocks writes to it until done'
  if (blocking.some((op) => op.best === 'COPY')) return 'copies the whole table and blocks writes to it until done if it changes a column\'s data type'
  return 'rebuilds the table and blocks writes to it until done'
}

/** "MODIFY COLUMN total, ADD FOREIGN KEY". */
function describe(ops: readonly DdlOperation[]): string {
  return ops.map((op) => op.what).join(', ')
}

/** The notes of the operations, joined. */
function notes(ops: readonly DdlOperation[]): string {
  return [...new Set(ops.map((op) => op.note).filter(Boolean))].join('; ')
}

/** "ALGORITHM=INSTANT" / "LOCK=NONE" as the statement wrote them. */
function clauses(plan: DdlPlan): string {
  return [plan.algorithm ? `ALGORITHM=${plan.algorithm}` : '', plan.lock ? `LOCK=${plan.lock}` : ''].filter(Boolean).join(', ')
}
