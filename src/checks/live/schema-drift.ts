import { readFile } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import { defineLiveCheck, outcome, type FindingInput, type LiveContext } from '../../engine/define.js'
import { loadSchemaModel } from '../../dialects/postgres/schema-model/load.js'
import { compareSnapshots, historyKey, latestAppliedId, parseSnapshot, toSnapshot, type SchemaSnapshot } from '../../dialects/postgres/schema-model/snapshot.js'
import { normaliseTable } from '../../engine/pending.js'

/**
 * Compares the target with an expected-schema snapshot (target.schemaSnapshot, written by
 * `migrations snapshot`), table by table: a target changed by hand (a hotfix index, a column
 * added in the console) makes migrations written against the expected schema fail or do the
 * wrong thing. Drift on tables the pending statements touch fails; elsewhere it warns.
 */
export default defineLiveCheck({
  id: 'schema-drift',
  title: 'The target schema matches the expected snapshot',
  category: 'schema',
  severity: 'error',
  async run(ctx) {
    const configured = ctx.target.schemaSnapshot
    if (!configured) {
      return outcome.skip(
        `No expected-schema snapshot configured for ${ctx.targetName}. To detect drift, write one from a trusted environment with \`migrations snapshot --target <env> --out schema/${ctx.targetName}.json\` and set targets.${ctx.targetName}.schemaSnapshot to that file.`,
      )
    }
    const path = isAbsolute(configured) ? configured : resolve(ctx.baseDir, configured)
    const expected = await readSnapshot(path)
    if (typeof expected === 'string') {
      return outcome.fail(`Cannot use the schema snapshot ${configured}: ${expected}.`, `Write it with \`migrations snapshot --target ${ctx.targetName} --out ${configured}\`, or fix targets.${ctx.targetName}.schemaSnapshot.`, { snapshot: configured })
    }
    const model = await ctx.memo('postgres:complete-schema', () => loadSchemaModel(ctx.db, { kind: 'all' }))
    const history = historyKey(ctx.layout?.historyTable)
    const actual = toSnapshot(model, { exclude: history ? [history] : [] })
    const drifts = compareSnapshots(expected, actual).filter((d) => d.key !== history)
    const level = migrationLevels(ctx, expected)
    const touched = new Set(ctx.touched.map((t) => normaliseTable(t.table)))
    const evidence = {
      snapshot: configured,
      tables: Object.keys(actual.tables).length,
      snapshotTables: Object.keys(expected.tables).length,
      ...level,
      drifted: drifts.map((d) => `${d.object} ${d.key}`),
    }
    if (drifts.length === 0) {
      return outcome.pass(`The target matches the snapshot ${configured}: ${evidence.tables} tables, ${Object.keys(actual.views).length} views, ${actual.sequences.length} sequences, ${Object.keys(actual.types).length} types.`, evidence)
    }
    const findings: FindingInput[] = drifts.map((d) => {
      const isTouched = d.object === 'table' && touched.has(d.key)
      return {
        severity: isTouched && level.isSameLevel !== false ? 'error' : 'warning',
        message: `${capitalise(d.object)} ${d.key} differs from the snapshot${isTouched ? ' and the pending migrations change it' : ''}: ${d.differences.join('; ')}.`,
        mitigation: isTouched
          ? 'Reconcile the target with the migrations before running them: write a migration for the hand-made change (or undo it), then regenerate the snapshot.'
          : 'Find who changed it and why; capture the change in a migration, or undo it, then regenerate the snapshot.',
        evidence: { object: d.object, key: d.key, differences: d.differences },
        ...(d.object === 'table' ? { tables: [d.key] } : {}),
      }
    })
    const errors = findings.filter((f) => f.severity === 'error').length
    const levelNote = level.isSameLevel === false ? ` The snapshot was taken at migration ${level.snapshotMigration ?? 'none'} and the target is at ${level.targetMigration ?? 'none'}, so some differences may be expected: regenerate the snapshot after each deployment.` : ''
    return {
      status: errors > 0 ? 'fail' : 'warn',
      summary: `${drifts.length} object${drifts.length === 1 ? '' : 's'} differ from the snapshot ${configured} (${drifts.slice(0, 5).map((d) => `${d.object} ${d.key}`).join(', ')}${drifts.length > 5 ? ', ...' : ''}).${levelNote}`,
      mitigation: 'Each finding lists the differences of one object. Bring the target back in line with the migrations (a new migration for a wanted change), then regenerate the snapshot with `migrations snapshot`.',
      evidence,
      findings,
    }
  },
})

/** Reads and validates the snapshot file, or says what is wrong. */
async function readSnapshot(path: string): Promise<SchemaSnapshot | string> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${path} does not exist` : `${path} cannot be read (${(error as NodeJS.ErrnoException).code})`
  }
  try {
    return parseSnapshot(JSON.parse(text))
  } catch (error) {
    return `${path} is not valid JSON (${(error as Error).message})`
  }
}

/** The migration the snapshot was taken at and the one the target is at, when both are known. */
function migrationLevels(ctx: LiveContext, expected: SchemaSnapshot): { snapshotMigration?: string | null; targetMigration?: string | null; isSameLevel?: boolean } {
  const snapshotMigration = expected.migration?.latestApplied
  if (snapshotMigration === undefined || !ctx.layout || !ctx.history) return {}
  const { layout, history } = ctx
  const targetMigration = latestAppliedId(ctx.migrations, (m) => layout.isApplied(m, history))
  return { snapshotMigration, targetMigration, isSameLevel: snapshotMigration === targetMigration }
}

/** Upper-cases the first letter. */
function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
