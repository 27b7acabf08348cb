import { defineLiveCheck, outcome, type FindingInput, type ReportTarget } from '../../engine/define.js'
import { describeMigration, fileStart, historyOrSkip, isOutcome } from './support/history.js'

/**
 * A migration the tool recorded as failed or unfinished (golang-migrate's dirty flag, Flyway's
 * success = false, a Prisma row never finished): the tool refuses to go on until someone checks
 * what the half-run migration left behind and repairs the history by hand.
 */
export default defineLiveCheck({
  id: 'dirty-migrations',
  title: 'No failed or unfinished migrations in the history',
  category: 'migration-state',
  severity: 'error',
  async run(ctx) {
    const found = historyOrSkip(ctx)
    if (isOutcome(found)) return found
    const { layout, history } = found
    if (!history.exists) return outcome.pass(`History table ${history.table} does not exist yet: nothing has run, nothing failed.`)
    // A failure the tool later re-ran successfully (Prisma keeps both rows) is resolved.
    const failed = history.applied.filter((row) => row.isFailed && !history.applied.some((r) => r.id === row.id && !r.isFailed))
    const evidence = { table: history.table, rows: history.applied.length, failed: failed.map((r) => ({ id: r.id, name: r.name ?? null, detail: r.detail ?? null, appliedAt: r.appliedAt ?? null })) }
    if (failed.length === 0) return outcome.pass(`No failed or unfinished migrations among ${history.applied.length} rows of ${history.table}.`, evidence)
    const findings: (FindingInput & { at?: ReportTarget })[] = []
    for (const row of failed) {
      const file = ctx.migrations.find((m) => m.id === row.id)
      findings.push({
        ...(file ? { at: await fileStart(ctx, file) } : {}),
        message: `${layout.tool} recorded migration ${describeMigration(row.id, row.name)} as failed or unfinished in ${history.table}${row.detail ? `: ${row.detail}` : ''}.`,
        mitigation: 'Check what the migration changed before it stopped (it may have run part-way outside a transaction), finish or undo that by hand, then repair the history with the tool before migrating again.',
        evidence: { id: row.id, table: history.table, ...(row.detail ? { detail: row.detail } : {}) },
      })
    }
    return {
      status: 'fail',
      summary: findings.length === 1 ? findings[0]!.message : `${findings.length} migrations are recorded as failed or unfinished in ${history.table}.`,
      mitigation: `Repair the database and the history (${layout.tool}) before running new migrations: ${layout.tool} will not continue past a failed one.`,
      evidence,
      findings,
    }
  },
})
