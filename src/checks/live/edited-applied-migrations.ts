import { defineLiveCheck, outcome, type FindingInput, type ReportTarget } from '../../engine/define.js'
import { describeMigration, fileStart, historyOrSkip, isOutcome } from './support/history.js'

/**
 * An applied migration whose file changed since it ran: the tool stored a checksum of the file
 * (Flyway, Prisma, Drizzle) and the file no longer matches it. The edit never reaches databases
 * that already applied the file, and Flyway refuses to migrate ("Validate failed: Migration
 * checksum mismatch"). Tools that store no checksum cannot tell, and the check says so.
 */
export default defineLiveCheck({
  id: 'edited-applied-migrations',
  title: 'Applied migrations are unchanged since they ran',
  category: 'migration-state',
  severity: 'error',
  async run(ctx) {
    const found = historyOrSkip(ctx)
    if (isOutcome(found)) return found
    const { layout, history } = found
    const checksum = layout.checksum?.bind(layout)
    if (!checksum) {
      return outcome.skip(`${layout.tool} stores no checksum of applied migrations, so edits to applied files cannot be detected on the target; review changes to old migration files in code review instead.`)
    }
    if (!history.exists) return outcome.pass(`History table ${history.table} does not exist yet: no migration has been applied.`)
    const findings: (FindingInput & { at?: ReportTarget })[] = []
    let compared = 0
    for (const file of ctx.migrations) {
      // Repeatable migrations are meant to change: the tool re-runs them when their checksum does.
      if (file.kind === 'repeatable') continue
      const row = history.applied.filter((r) => r.id === file.id && !r.isFailed && r.checksum !== undefined).at(-1)
      const current = row ? checksum(file) : undefined
      if (!row || current === undefined) continue
      compared++
      if (current === row.checksum) continue
      findings.push({
        at: await fileStart(ctx, file),
        message: `${file.path} changed after it was applied as ${describeMigration(row.id, row.name)}: ${layout.tool} stored checksum ${row.checksum}, the file now gives ${current}.`,
        mitigation: `Restore ${file.path} as it was applied (see version control) and put the change in a new migration. Only if the edit is cosmetic, update the stored checksum with the tool (flyway repair).`,
        evidence: { id: row.id, storedChecksum: row.checksum, fileChecksum: current, appliedAt: row.appliedAt ?? null },
      })
    }
    const evidence = { table: history.table, compared, edited: findings.length }
    if (findings.length === 0) return outcome.pass(`${compared} applied migration${compared === 1 ? '' : 's'} match the checksums ${layout.tool} stored in ${history.table}.`, evidence)
    return {
      status: 'fail',
      summary: findings.length === 1 ? findings[0]!.message : `${findings.length} applied migrations changed since they ran (checksums in ${history.table} differ).`,
      mitigation: 'Revert edits to applied migrations and write new migrations for the changes.',
      evidence,
      findings,
    }
  },
})
