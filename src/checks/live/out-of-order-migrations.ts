import { defineLiveCheck, outcome, type FindingInput, type ReportTarget } from '../../engine/define.js'
import { fileStart, historyOrSkip, isOutcome } from './support/history.js'

/** What each tool does with a pending migration older than the newest applied one. */
const TOOL_BEHAVIOUR: Readonly<Record<string, string>> = {
  flyway: 'Flyway refuses to migrate ("Detected resolved migration not applied to database") unless outOfOrder=true',
  dbmate: 'dbmate applies it, after migrations that were written later',
  goose: 'goose refuses to migrate ("found missing migrations") unless run with -allow-missing, which applies it after migrations written later',
  prisma: 'Prisma applies it, after migrations that were written later',
}

/**
 * A pending migration ordered before the newest applied one, usually from a branch merged late:
 * it runs after migrations written after it, against a schema they already changed, or the tool
 * refuses to run it at all.
 */
export default defineLiveCheck({
  id: 'out-of-order-migrations',
  title: 'Pending migrations come after the applied ones',
  category: 'migration-state',
  severity: 'warning',
  async run(ctx) {
    const found = historyOrSkip(ctx)
    if (isOutcome(found)) return found
    const { layout, history } = found
    if (!history.exists) return outcome.pass(`History table ${history.table} does not exist yet: every migration runs in order.`)
    const order = new Map(ctx.migrations.map((m, i) => [m.path, i]))
    const appliedIndexes = ctx.migrations.flatMap((m, i) => (m.kind === 'versioned' && layout.isApplied(m, history) ? [i] : []))
    if (appliedIndexes.length === 0) return outcome.pass('No migration is applied yet: the pending ones run in order.')
    const newest = ctx.migrations[Math.max(...appliedIndexes)]!
    const failedIds = new Set(history.applied.filter((r) => r.isFailed).map((r) => r.id))
    const early = ctx.pending.filter((p) => {
      const i = order.get(p.migration.path)
      // A failed migration waiting for a retry is not out of order.
      return p.migration.kind === 'versioned' && i !== undefined && i < order.get(newest.path)! && !failedIds.has(p.migration.id)
    })
    const evidence = { newestApplied: newest.id, outOfOrder: early.map((p) => p.migration.id) }
    if (early.length === 0) return outcome.pass(`Every pending migration comes after the newest applied one (${newest.id}).`, evidence)
    const behaviour = TOOL_BEHAVIOUR[layout.name] ?? `${layout.tool} runs it after migrations that were written later`
    const findings: (FindingInput & { at?: ReportTarget })[] = []
    for (const p of early) {
      findings.push({
        at: await fileStart(ctx, p.migration),
        message: `${p.migration.path} is pending but ordered before ${newest.path}, which ${ctx.targetName} already applied: ${behaviour}.`,
        mitigation: `Check it does not depend on the schema before ${newest.id}; rename it so it sorts after ${newest.id} (if it was never applied anywhere), or allow out-of-order runs deliberately.`,
        evidence: { id: p.migration.id, newestApplied: newest.id },
      })
    }
    return {
      status: 'warn',
      summary: `${early.length} pending migration${early.length === 1 ? '' : 's'} ordered before the newest applied one (${newest.id}): ${behaviour}.`,
      mitigation: 'Rename late-merged migrations so they sort after the applied ones, or make sure they are independent of the migrations they now follow.',
      evidence,
      findings,
    }
  },
})
