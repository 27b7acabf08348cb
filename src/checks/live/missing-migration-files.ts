import { defineLiveCheck, outcome, type FindingInput } from '../../engine/define.js'
import { describeMigration, historyOrSkip, isOutcome } from './support/history.js'
import { rowRecordsFile, type AppliedMigration } from '../../sources/layout.js'

/**
 * A migration the target applied that the repository no longer has: a branch deployed without
 * being merged, or a file deleted or renamed. The files no longer describe the database.
 */
export default defineLiveCheck({
  id: 'missing-migration-files',
  title: 'Every applied migration is in the repository',
  category: 'migration-state',
  severity: 'warning',
  async run(ctx) {
    const found = historyOrSkip(ctx)
    if (isOutcome(found)) return found
    const { layout, history } = found
    if (!history.exists) return outcome.pass(`History table ${history.table} does not exist yet: no migration has been applied.`)
    const ids = new Set(ctx.migrations.map((m) => m.id))
    // Rows are matched to files by id, or as the layout matches them (a Liquibase row names one changeset of a file).
    const hasFile = (r: AppliedMigration): boolean => (layout.recordsFile ? ctx.migrations.some((m) => rowRecordsFile(layout, r, m)) : ids.has(r.id))
    // A baseline row stands for migrations that were never files; an empty id carries nothing to match.
    const missing = history.applied.filter((r) => r.id !== '' && !hasFile(r) && !/baseline/i.test(r.detail ?? ''))
    const evidence = { table: history.table, applied: history.applied.length, files: ctx.migrations.length, missing: missing.map((r) => r.id) }
    if (missing.length === 0) return outcome.pass(`All ${history.applied.length} migrations recorded in ${history.table} have a file in the repository.`, evidence)
    const findings: FindingInput[] = missing.map((r) => ({
      message: `${ctx.targetName} applied migration ${describeMigration(r.id, r.name)}${r.appliedAt ? ` at ${r.appliedAt}` : ''}, but no ${layout.tool} migration with that id is in the repository.`,
      mitigation: 'Find where it came from (an unmerged branch, a deleted or renamed file) and restore the file, or remove its effect with a new migration and clean up the history row.',
      evidence: { id: r.id, table: history.table },
    }))
    return {
      status: 'warn',
      summary: `${missing.length} migration${missing.length === 1 ? '' : 's'} applied on ${ctx.targetName} ${missing.length === 1 ? 'is' : 'are'} not in the repository: ${missing.slice(0, 5).map((r) => r.id).join(', ')}${missing.length > 5 ? ', ...' : ''}.`,
      mitigation: 'Restore the missing files (or find the branch they came from) so the repository describes the database again.',
      evidence,
      findings,
    }
  },
})
