import { defineLiveCheck, outcome } from '../../engine/define.js'
import { analyseSchema } from '../../dialects/postgres/schema-model/analyse.js'
import { displayKey, keyOf } from '../../dialects/postgres/schema-model/model.js'
import { MAX_COLUMNS } from '../../dialects/postgres/schema-model/replay.js'
import { gradeIssues } from './support/schema-issues.js'

/** Tables at this share of the limit get a warning: a few more migrations and ADD COLUMN fails. */
export const NEAR_COLUMN_LIMIT = 0.9

/**
 * A table has at most 1,600 columns, and dropped columns keep their attribute numbers
 * (pg_attribute.attisdropped) until the table is rebuilt, so a table that "has" 300 columns may
 * be near the limit. Counts, per table the pending statements touch, the attribute numbers used
 * after the migration. https://www.postgresql.org/docs/current/limits.html
 */
export default defineLiveCheck({
  id: 'column-limit',
  title: 'Tables stay under 1,600 columns',
  category: 'capacity',
  severity: 'error',
  async run(ctx) {
    if (ctx.pending.length === 0) return outcome.pass('No pending migrations to check.')
    const analysis = await analyseSchema(ctx)
    const over = analysis.issues.filter((i) => i.kind === 'column-limit')
    const tables = [...analysis.simulation.model.relations.values()]
      .filter((r) => (r.kind === 'table' || r.kind === 'partitioned table') && !r.isOpaque)
      .map((r) => ({ table: keyOf(r.schema, r.name), attributeNumbers: r.attnums, columns: r.columns.size, dropped: r.attnums - r.columns.size }))
      .sort((a, b) => b.attributeNumbers - a.attributeNumbers)
    const evidence = { limit: MAX_COLUMNS, tables: tables.slice(0, 5) }
    if (over.length > 0) {
      return gradeIssues(analysis, over, {
        passed: '',
        mitigation: 'Rebuild the table to reclaim dropped columns\' attribute numbers (pg_repack, or a new table and a swap), or move columns to a side table.',
      })
    }
    const near = tables.filter((t) => t.attributeNumbers >= MAX_COLUMNS * NEAR_COLUMN_LIMIT)
    if (near.length > 0) {
      const t = near[0]!
      return outcome.warn(
        `Table ${displayKey(t.table)} uses ${t.attributeNumbers} of ${MAX_COLUMNS} column numbers after the migration (${t.dropped} by dropped columns).`,
        'Plan a table rebuild (pg_repack, or a new table and a swap) to reclaim the numbers of dropped columns before ADD COLUMN starts failing.',
        evidence,
      )
    }
    const widest = tables[0]
    return outcome.pass(
      widest
        ? `The widest table the migration touches, ${displayKey(widest.table)}, uses ${widest.attributeNumbers} of ${MAX_COLUMNS} column numbers (${widest.dropped} by dropped columns).`
        : 'The pending statements touch no existing table.',
      evidence,
    )
  },
})
