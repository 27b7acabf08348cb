/**
 * Runs a migration-state check the way the engine does for a real layout: files listed from a
 * temporary project, history read from the test database, pending = files not applied.
 */
import { configSchema } from '../../src/config/schema.js'
import { loadPostgresParser } from '../../src/dialects/postgres/parser.js'
import type { LiveCheck } from '../../src/engine/define.js'
import { runLiveChecks } from '../../src/engine/live-runner.js'
import type { CheckResult } from '../../src/engine/model.js'
import type { Layout } from '../../src/sources/layout.js'
import { makeProject } from '../sources/helpers.js'
import { makeTestContext } from './live-context.js'
import type { TestDatabase } from './pg.js'

/** Lists `files` with `layout` from `dir`, reads the history from `db`, runs `check`. */
export async function runWithHistory(check: LiveCheck, db: TestDatabase, layout: Layout, files: Record<string, string>, dir: string): Promise<CheckResult> {
  const project = await makeProject(files)
  try {
    const migrations = await layout.list(project.at(dir), project.root, { transaction: 'auto' })
    const history = await layout.readHistory(async (sql, params) => (await db.exec(sql, params ? [...params] : undefined)).rows)
    const parser = await loadPostgresParser()
    const pending = migrations.filter((m) => !layout.isApplied(m, history)).map((migration) => ({ migration, parsed: parser.parse(migration.sql) }))
    const { ctx, session } = await makeTestContext(db.url, { layout, history, migrations, baseDir: project.root })
    try {
      const [result] = await runLiveChecks([check], { ...ctx, pending }, configSchema.parse({}))
      return result!
    } finally {
      await session.close()
    }
  } finally {
    await project.remove()
  }
}
