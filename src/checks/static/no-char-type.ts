import { defineStaticRule } from '../../engine/define.js'
import { columnDefinitions } from './support/column-defs.js'
import { describeType } from './support/column-types.js'
import { executedStatements } from './support/executed-sql.js'
import { displayName, lockFields } from './support/statement-facts.js'

/**
 * char(n) pads values with spaces to n characters, ignores trailing spaces in comparisons, and is
 * no faster than text or varchar in PostgreSQL. The one-byte internal type "char" is not reported.
 */
export default defineStaticRule({
  id: 'no-char-type',
  title: 'No char(n) columns',
  severity: 'warning',
  run(ctx) {
    for (const exec of executedStatements(ctx, ['CreateStmt', 'AlterTableStmt'])) {
      const columns = columnDefinitions(ctx, exec).filter((d) => d.type.name === 'bpchar')
      if (columns.length === 0) continue
      const list = columns.map((d) => `${displayName(d.table)}.${displayName(d.column)} (${describeType(d.type)})`).join(', ')
      ctx.report(exec, {
        message: `${list} pads every value with spaces to its full length and compares values ignoring trailing spaces, which surprises application code.`,
        mitigation: 'Use text, or varchar(n) if a length limit is wanted (or text with CHECK (length(col) <= n)); for fixed codes add CHECK (length(col) = n).',
        help: 'The PostgreSQL wiki lists char(n) under "Don\'t do this": it has no performance advantage and only adds padding semantics.',
        evidence: { columns: columns.map((d) => ({ table: d.table, column: d.column, type: describeType(d.type) })) },
        ...lockFields(ctx, exec.kind, exec.node),
      })
    }
  },
})
