import { defineStaticRule } from '../../engine/define.js'
import { columnDefinitions } from './support/column-defs.js'
import { describeType, isTimestampWithoutZone } from './support/column-types.js'
import { executedStatements } from './support/executed-sql.js'
import { displayName, lockFields } from './support/statement-facts.js'

/**
 * timestamp (without time zone) stores a wall-clock reading with no zone: the same value means
 * different instants depending on the writer's TimeZone setting, and comparisons across zones
 * or daylight-saving changes go wrong. timestamptz stores the instant.
 */
export default defineStaticRule({
  id: 'prefer-timestamptz',
  title: 'Timestamps carry a time zone',
  severity: 'warning',
  run(ctx) {
    for (const exec of executedStatements(ctx, ['CreateStmt', 'AlterTableStmt'])) {
      const columns = columnDefinitions(ctx, exec).filter((d) => isTimestampWithoutZone(d.type))
      if (columns.length === 0) continue
      const list = columns.map((d) => `${displayName(d.table)}.${displayName(d.column)}`).join(', ')
      ctx.report(exec, {
        message: `${list} ${columns.length === 1 ? 'is' : 'are'} ${describeType(columns[0]!.type)} without time zone: the stored values do not say which instant they mean, so readers in other time zones or across daylight-saving changes get wrong times.`,
        mitigation: `Use timestamptz (timestamp with time zone) instead; it takes the same 8 bytes. For an existing column, ALTER COLUMN ... TYPE timestamptz USING <col> AT TIME ZONE '<the zone the values were written in>' rewrites the table, so plan it.`,
        help: 'timestamptz converts on input and output using the session TimeZone and stores UTC; timestamp without time zone is only right for wall-clock values such as opening hours.',
        evidence: { columns: columns.map((d) => ({ table: d.table, column: d.column, type: describeType(d.type) })) },
        ...lockFields(ctx, exec.kind, exec.node),
      })
    }
  },
})
