import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { loadPostgresParser } from '../../dialects/postgres/parser.js'
import { defineLiveCheck, outcome, type LiveContext, type LiveOutcome } from '../../engine/define.js'
import type { Layout, MigrationFile, MigrationHistory } from '../../sources/layout.js'

type Finding = NonNullable<LiveOutcome['findings']>[number]

/**
 * A change (pull request) that edits or removes a migration the target already applied rewrites
 * history: the tool never runs an applied file again, so the edit never reaches this database,
 * while a database built from the files gets something else. Tools that store checksums (Flyway,
 * Prisma) refuse to migrate until someone repairs the history by hand.
 */
export default defineLiveCheck({
  id: 'applied-migration-in-diff',
  title: 'The change leaves applied migrations alone',
  category: 'migration-state',
  severity: 'error',
  async run(ctx) {
    const changes = ctx.changes
    if (!changes) return outcome.skip('No list of changed files: this check runs in the GitHub Action on pull requests.')
    const evidence = { modified: changes.modified.length, removed: changes.removed.length }
    if (changes.modified.length + changes.removed.length === 0) return outcome.pass('The change adds migrations and edits none.', evidence)
    if (!ctx.layout || !ctx.history) {
      return outcome.skip(`The history on ${ctx.targetName} could not be read, so it is unknown whether the ${evidence.modified + evidence.removed} modified or removed migrations were applied (see migration-history).`, evidence)
    }
    const { layout, history } = ctx
    const findings = [...(await editedFindings(ctx, layout, history)), ...(await removedFindings(ctx, layout, history))]
    if (findings.length === 0) {
      return outcome.pass(`None of the ${evidence.modified + evidence.removed} modified or removed migrations is applied on ${ctx.targetName}.`, evidence)
    }
    return {
      status: 'fail',
      summary: `This change edits or removes ${findings.length} migration${findings.length === 1 ? '' : 's'} that ${ctx.targetName} already applied; ${layout.tool} will not run ${findings.length === 1 ? 'it' : 'them'} again.`,
      mitigation: 'Revert the edits to applied migrations and write the change as a new migration.',
      evidence: { ...evidence, applied: findings.length, historyTable: history.table },
      findings,
    }
  },
})

/** Findings for modified files the history records as applied, placed at the top of the file. */
async function editedFindings(ctx: LiveContext, layout: Layout, history: MigrationHistory): Promise<Finding[]> {
  const byPath = new Map(ctx.migrations.map((m) => [m.path, m]))
  const applied = ctx.changes!.modified.map((p) => byPath.get(toProjectPath(p, ctx.baseDir))).filter((m): m is MigrationFile => !!m && layout.isApplied(m, history))
  if (applied.length === 0) return []
  const parser = await loadPostgresParser()
  return applied.map((migration) => ({
    at: { file: { migration, parsed: parser.parse(migration.sql) }, line: 1, col: 1 },
    message: `${migration.path} is already applied on ${ctx.targetName} (${history.table}): ${layout.tool} never runs it again, so this edit will not reach ${ctx.targetName}, and databases built from the files will differ from it.`,
    mitigation: `Restore ${migration.path} as it was and put the change in a new migration.`,
    evidence: { id: migration.id, historyTable: history.table, change: 'modified' },
  }))
}

/** Findings for removed (or renamed-away) files the history records as applied; they have no file to point at. */
async function removedFindings(ctx: LiveContext, layout: Layout, history: MigrationHistory): Promise<Finding[]> {
  const out: Finding[] = []
  for (const path of ctx.changes!.removed) {
    const migration = await identifyRemoved(layout, ctx.migrationsDir, ctx.baseDir, path)
    if (!migration || !layout.isApplied(migration, history)) continue
    out.push({
      message: `${toProjectPath(path, ctx.baseDir)} was removed or renamed, but ${ctx.targetName} already applied it (id ${migration.id} in ${history.table}): the files no longer describe that database.`,
      mitigation: `Restore ${toProjectPath(path, ctx.baseDir)} under its old name; undo its effect with a new migration if that is the intent.`,
      evidence: { id: migration.id, historyTable: history.table, change: 'removed' },
    })
  }
  return out
}

/**
 * The migration a removed file was, as the layout names it: the layout lists an empty placeholder
 * at the same place in a scratch folder. Undefined when the layout does not see a migration there
 * (a down file, a README, or a layout that also needs other files, such as Drizzle's journal).
 */
async function identifyRemoved(layout: Layout, migrationsDir: string | undefined, baseDir: string, path: string): Promise<MigrationFile | undefined> {
  if (!migrationsDir) return undefined
  const rel = relative(migrationsDir, isAbsolute(path) ? path : resolve(baseDir, path))
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined
  const scratch = mkdtempSync(join(tmpdir(), 'preflight-removed-'))
  try {
    const placeholder = join(scratch, rel)
    mkdirSync(dirname(placeholder), { recursive: true })
    writeFileSync(placeholder, '')
    const listed = await layout.list(scratch, scratch, { transaction: 'auto' }).catch(() => [])
    return listed.find((m) => m.absPath === placeholder)
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

/** The project-relative, forward-slash form MigrationFile.path uses. */
function toProjectPath(path: string, baseDir: string): string {
  return relative(baseDir, isAbsolute(path) ? path : resolve(baseDir, path)).split('\\').join('/')
}
