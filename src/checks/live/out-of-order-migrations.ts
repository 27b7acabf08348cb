import { defineLiveCheck, outcome, type FindingInput, type LiveContext, type ReportTarget } from '../../engine/define.js'
import type { Layout, MigrationFile, MigrationHistory } from '../../sources/layout.js'
import { fileStart, historyOrSkip, isOutcome } from './support/history.js'

/** What each tool does with a pending migration older than the newest applied one. */
const TOOL_BEHAVIOUR: Readonly<Record<string, string>> = {
  atlas: 'Atlas refuses to migrate with its default --exec-order linear; linear-skip skips the file and non-linear applies it after migrations written later',
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
    const failedIds = new Set(history.applied.filter((r) => r.isFailed).map((r) => r.id))
    const newest = newestApplied(ctx, layout, history)
    if (!newest) return outcome.pass('No migration is applied yet: the pending ones run in order.')
    // A failed migration waiting for a retry is not out of order.
    const early = ctx.pending.filter((p) => p.migration.kind === 'versioned' && newest.isAfter(p.migration) && !failedIds.has(p.migration.id))
    const evidence = { newestApplied: newest.id, outOfOrder: early.map((p) => p.migration.id) }
    if (early.length === 0) return outcome.pass(`Every pending migration comes after the newest applied one (${newest.id}).`, evidence)
    const behaviour = TOOL_BEHAVIOUR[layout.name] ?? `${layout.tool} runs it after migrations that were written later`
    const findings: (FindingInput & { at?: ReportTarget })[] = []
    for (const p of early) {
      findings.push({
        at: await fileStart(ctx, p.migration),
        message: `${p.migration.path} is pending but ordered before ${newest.described}, which ${ctx.targetName} already applied: ${behaviour}.`,
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

/** The newest applied migration, and whether it comes after a given file. */
interface NewestApplied {
  readonly id: string
  /** Its file's path, or "version <id>" when the folder has no file for it. */
  readonly described: string
  isAfter(file: MigrationFile): boolean
}

/**
 * The newest applied migration. Where every version is an integer (goose, sqlx, dbmate, Supabase,
 * simple Flyway versions) it is the highest applied version, with or without a file in the
 * folder (a file deleted, or applied from another branch, still moves the tool's history on);
 * otherwise the last listed file the history marks applied, in the tool's order.
 */
function newestApplied(ctx: LiveContext, layout: Layout, history: MigrationHistory): NewestApplied | undefined {
  const isInteger = (id: string): boolean => /^\d+$/.test(id)
  const applied = history.applied.filter((r) => !r.isFailed)
  const versioned = ctx.migrations.filter((m) => m.kind === 'versioned')
  if (applied.length > 0 && applied.every((r) => isInteger(r.id)) && versioned.every((m) => isInteger(m.id))) {
    const top = applied.reduce((a, b) => (BigInt(b.id) > BigInt(a.id) ? b : a))
    const file = versioned.find((m) => BigInt(m.id) === BigInt(top.id))
    return { id: top.id, described: file ? file.path : `version ${top.id} (no file for it in the folder)`, isAfter: (m) => BigInt(m.id) < BigInt(top.id) }
  }
  const order = new Map(ctx.migrations.map((m, i) => [m.path, i]))
  const indexes = ctx.migrations.flatMap((m, i) => (m.kind === 'versioned' && layout.isApplied(m, history) ? [i] : []))
  if (indexes.length === 0) return undefined
  const newest = ctx.migrations[Math.max(...indexes)]!
  return { id: newest.id, described: newest.path, isAfter: (m) => (order.get(m.path) ?? Infinity) < order.get(newest.path)! }
}
