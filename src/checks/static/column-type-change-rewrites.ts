import { executedStatements, viaSuffix, type ExecutedStatement } from './support/executed-sql.js'
import { defineStaticRule, type StatementRef, type StaticContext } from '../../engine/define.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { lockEffect, lockEvidence } from './support/locking.js'
import { quoteIdent, relationOf, type RelationRef } from './support/sql-names.js'
import { gradeBySize, withSize } from './support/table-size.js'
import { changeVerdict, isPossibleWidening, typeBefore, typeSpecOf, typeText, type TypeSpec } from './support/type-changes.js'

/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const SEVERITY = 'error'

/** One ALTER COLUMN TYPE that rewrites (or may). */
interface TypeChange {
  readonly column: string
  readonly from: TypeSpec | undefined
  readonly to: TypeSpec
  readonly hasUsing: boolean
  readonly isUtcDependent: boolean
}

/**
 * ALTER COLUMN TYPE holds ACCESS EXCLUSIVE and, unless the change is binary-coercible (varchar(n)
 * to a larger or no limit, varchar to text, numeric to more precision with the same scale, cidr to
 * inet...), rewrites the table and rebuilds its indexes
 * (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES). The old type
 * is known when the pending set declares it or the connected target has the column (live facts);
 * otherwise a change to a type that some other type widens into (text, varchar, numeric...) is
 * taken as a widening, and anything else rewrites.
 */
export default defineStaticRule({
  id: 'column-type-change-rewrites',
  title: 'Change column types without rewriting the table',
  category: 'locks',
  severity: SEVERITY,
  run(ctx) {
    // Statements inside DO blocks and called functions change types too.
    for (const ref of executedStatements(ctx, 'AlterTableStmt')) {
      const n = ref.node
      const table = relationOf(n.relation)
      if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE') || isCreatedBefore(ctx, ref, table.name)) continue
      const changes: TypeChange[] = []
      for (const c of n.cmds ?? []) {
        const cmd = c.AlterTableCmd ?? {}
        if (cmd.subtype !== 'AT_AlterColumnType' || typeof cmd.name !== 'string') continue
        const to = typeSpecOf(cmd.def?.ColumnDef?.typeName)
        if (!to) continue
        const change = judge(ctx, ref, table.key, cmd.name, to, Boolean(cmd.def?.ColumnDef?.raw_default))
        if (change) changes.push(change)
      }
      if (changes.length > 0) report(ctx, ref, table, changes)
    }
  },
})

/** The change when it rewrites (or rewrites unless TimeZone is UTC); undefined when it does not. */
function judge(ctx: StaticContext, ref: StatementRef, table: string, column: string, to: TypeSpec, hasUsing: boolean): TypeChange | undefined {
  const from = typeBefore(ctx, ref, table, column)
  // USING computes every value anew: PostgreSQL rewrites.
  if (hasUsing) return { column, from, to, hasUsing, isUtcDependent: false }
  // To timestamptz (or back) the old type is almost always the other one: that change rewrites
  // unless the session TimeZone is UTC (12+).
  if (!from && (to.base === 'timestamptz' || to.base === 'timestamp')) return { column, from, to, hasUsing, isUtcDependent: ctx.postgresVersion >= 12 }
  if (!from) return isPossibleWidening(to) ? undefined : { column, from, to, hasUsing, isUtcDependent: false }
  const verdict = changeVerdict(from, to, ctx.postgresVersion)
  if (verdict === 'no-rewrite') return undefined
  return { column, from, to, hasUsing, isUtcDependent: verdict === 'rewrite-unless-utc' }
}

/** Reports the rewriting type changes of one ALTER TABLE. */
function report(ctx: StaticContext, ref: ExecutedStatement, table: RelationRef, changes: readonly TypeChange[]): void {
  const lock = 'ACCESS EXCLUSIVE'
  const described = changes.map((c) => `${quoteIdent(c.column)} ${c.from ? `${typeText(c.from)} -> ` : 'to '}${typeText(c.to)}${c.hasUsing ? ' USING ...' : ''}`)
  const onlyUtc = changes.every((c) => c.isUtcDependent)
  const first = changes[0]!
  const col = quoteIdent(first.column)
  const tmp = quoteIdent(`${first.column}_new`)
  const grade = gradeBySize(ctx, table.key, SEVERITY)
  ctx.report(ref, {
    message:
      `ALTER COLUMN TYPE ${described.join(', ')} rewrites ${withSize(table.display, grade)} and rebuilds its indexes under an ${lock} lock${viaSuffix(ref)}` +
      `${onlyUtc ? ' unless the session TimeZone is UTC' : ''}: ${lockEffect(lock)} until it finishes.`,
    // A rewrite that SET TimeZone = 'UTC' avoids is at most a warning, whatever the size.
    severity: onlyUtc && grade.severity === 'error' ? 'warning' : grade.severity,
    mitigation: onlyUtc
      ? `Run SET TimeZone = 'UTC'; before the ALTER in the same session (PostgreSQL 12+ then skips the rewrite), or use the new-column path for any other zone.`
      : `Add a new column instead and switch over: ALTER TABLE ${table.display} ADD COLUMN ${tmp} ${typeText(first.to)}; keep it in sync with a trigger, ` +
        `backfill in batches (UPDATE ... SET ${tmp} = ${col}::${typeText(first.to)} WHERE <key range>), then in one short transaction rename ${col} away and ${tmp} to ${col}.`,
    help: 'Binary-coercible changes (varchar(n) to varchar(m>n) or text, numeric(p,s) to numeric(q>p,s), cidr to inet) only update the catalog; they still take ACCESS EXCLUSIVE briefly.',
    tables: [table.key],
    lock,
    evidence: lockEvidence(ctx, lock, [table.key], {
      changes: changes.map((c) => ({ column: c.column, from: c.from ? typeText(c.from) : 'unknown', to: typeText(c.to), using: c.hasUsing })),
      ...grade.evidence,
    }),
  })
}
