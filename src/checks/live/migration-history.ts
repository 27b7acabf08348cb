import { defineLiveCheck, outcome, type LiveContext, type LiveOutcome } from '../../engine/define.js'
import { describeError } from '../../engine/errors.js'
import { findTable } from '../../sources/history-table.js'
import type { Layout } from '../../sources/layout.js'

/** Reports what the migration tool's history table says is applied, and what is pending. */
export default defineLiveCheck({
  id: 'migration-history',
  title: 'Read the migration history on the target',
  category: 'migration-state',
  severity: 'error',
  dialects: ['postgres', 'mysql'],
  async run(ctx) {
    if (!ctx.layout) return outcome.skip('No migration layout: nothing to compare with the target.')
    const history = ctx.history
    const isMysql = ctx.db.dialect === 'mysql'
    if (isMysql && ctx.layout.historyTable && !ctx.layout.readHistoryMysql) {
      return outcome.skip(`Reading ${ctx.layout.tool}'s history table on MySQL is not supported yet, so every migration is treated as pending.`)
    }
    // On MySQL the tools keep the table in the connection's database, not in "public".
    const table = isMysql && ctx.layout.historyTable ? (history?.table ?? `${ctx.server.database}.${ctx.layout.historyTable.split('.').pop()}`) : ctx.layout.historyTable
    if (!table) {
      return outcome.skip(
        `The ${ctx.layout.tool} layout keeps no history table, so every migration is treated as pending. Set migrations.historyTable to the table that records applied files.`,
      )
    }
    if (!history) return explainUnreadable(ctx, ctx.layout, table)
    const evidence = { table, exists: history.exists, applied: ctx.migrations.length - ctx.pending.length, pending: ctx.pending.length, rows: history.applied.length }
    if (!history.exists) {
      return outcome.pass(`History table ${table} does not exist: nothing has been applied, all ${ctx.migrations.length} migrations are pending.`, evidence)
    }
    if (ctx.layout.name === 'golang-migrate' && !isMysql) {
      const extra = await extraGolangMigrateRows(ctx)
      if (extra !== undefined) {
        return outcome.warn(
          `${table} has ${extra >= 1000 ? 'at least 1000' : extra} rows, but golang-migrate keeps exactly one (the newest version): the table may belong to another tool (Rails and dbmate use the same name with a row per migration), ` +
            `and golang-migrate reads an arbitrary row of it. Read as version ${history.appliedUpTo ?? 'none'}: ${ctx.pending.length} of ${ctx.migrations.length} migrations pending.`,
          'Check which tool owns this table and set migrations.layout to it; if it is golang-migrate\'s, delete every row but the newest version (migrate force <version> rewrites it).',
          { ...evidence, rows: extra },
        )
      }
    }
    return outcome.pass(`${evidence.applied} of ${ctx.migrations.length} migrations applied according to ${table}; ${ctx.pending.length} pending.`, evidence)
  },
})

/** SQLSTATEs (and MySQL codes) meaning the table does not have the columns or types the tool writes. */
const WRONG_SHAPE = new Set(['42703', '42883', '42804', '22P02', '22003', 'ER_BAD_FIELD_ERROR'])

/**
 * The engine logs why the history could not be read and goes on; this reads it once more to say
 * why in the report: no privilege, a table of another shape (another tool's, or hand-made), or
 * values the tool would never write.
 */
async function explainUnreadable(ctx: LiveContext, layout: Layout, table: string): Promise<LiveOutcome> {
  const read = ctx.db.dialect === 'mysql' ? layout.readHistoryMysql?.bind(layout) : layout.readHistory.bind(layout)
  let error: unknown
  try {
    await read?.((sql, params) => ctx.db.query(sql, params))
  } catch (caught) {
    error = caught
  }
  const pending = 'every migration was treated as pending'
  if (error === undefined) {
    return outcome.fail(`Could not read the history table ${table} when the run started (it could be read on a second try); ${pending}.`, 'Run preflight again; the log file has the first error.')
  }
  const code = (error as { code?: unknown }).code
  const reason = describeError(error)
  const evidence = { table, error: reason, ...(typeof code === 'string' ? { code } : {}) }
  if (code === '42501' || (typeof code === 'string' && code.endsWith('ACCESS_DENIED_ERROR'))) {
    return outcome.fail(
      `The preflight login ${ctx.server.currentUser} may not read the history table ${table} (${reason}), so ${pending}.`,
      `GRANT SELECT ON ${table} TO ${ctx.server.currentUser}.`,
      evidence,
    )
  }
  if ((typeof code === 'string' && WRONG_SHAPE.has(code)) || error instanceof SyntaxError || error instanceof RangeError || error instanceof TypeError) {
    return outcome.fail(
      `The history table ${table} does not look like ${layout.tool}'s (${reason}): it may belong to another tool or have been edited by hand, so ${pending}.`,
      `Check which tool owns ${table} and set migrations.layout to it (detected or configured: ${layout.name}); if it is ${layout.tool}'s, repair its columns and values.`,
      evidence,
    )
  }
  return outcome.fail(`Could not read the history table ${table} (${reason}); ${pending}.`, `Check the table and the layout (${layout.name}); the log file has the query that failed.`, evidence)
}

/** The number of rows of golang-migrate's table when it has more than the one row the tool keeps. */
async function extraGolangMigrateRows(ctx: LiveContext): Promise<number | undefined> {
  const query = <T extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]> => ctx.db.query<T>(sql, params)
  const ref = await findTable(query, 'schema_migrations')
  if (!ref.exists) return undefined
  // Counting stops at 1,000 rows: a huge table costs no more than a small one.
  const [row] = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${ref.sqlName} LIMIT 1000) x`)
  return row && row.n > 1 ? row.n : undefined
}
