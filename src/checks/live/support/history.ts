/**
 * Shared by the migration-state checks: the layout and history (or why they are missing), and
 * a report target at the top of a migration file, pending or not.
 */
import { loadPostgresParser } from '../../../dialects/postgres/parser.js'
import type { LiveContext, LiveOutcome, ReportTarget } from '../../../engine/define.js'
import type { Layout, MigrationFile, MigrationHistory } from '../../../sources/layout.js'

/** The layout and history, or the outcome to return when the check cannot run. */
export function historyOrSkip(ctx: LiveContext): { layout: Layout; history: MigrationHistory } | LiveOutcome {
  if (!ctx.layout) return { status: 'skip', summary: 'No migration layout: nothing to compare with the target.' }
  if (!ctx.layout.historyTable) return { status: 'skip', summary: `The ${ctx.layout.tool} layout keeps no history table (set migrations.historyTable), so nothing is known about what was applied.` }
  if (!ctx.history) return { status: 'skip', summary: `The history table ${ctx.layout.historyTable} could not be read (see migration-history).` }
  return { layout: ctx.layout, history: ctx.history }
}

/** True when `historyOrSkip` returned an outcome. */
export function isOutcome(value: ReturnType<typeof historyOrSkip>): value is LiveOutcome {
  return 'status' in value
}

/** A report target at line 1, column 1 of a migration file. */
export async function fileStart(ctx: LiveContext, migration: MigrationFile): Promise<ReportTarget> {
  const pending = ctx.pending.find((p) => p.migration.path === migration.path)
  if (pending) return { file: pending, line: 1, col: 1 }
  const parser = await loadPostgresParser()
  return { file: { migration, parsed: parser.parse(migration.sql) }, line: 1, col: 1 }
}

/** "V3 (add users)" or "20240101_x". */
export function describeMigration(id: string, name: string | undefined): string {
  return name && name !== id ? `${id} (${name})` : id
}
