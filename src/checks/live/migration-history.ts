import { defineLiveCheck, outcome } from '../../engine/define.js'

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
    if (!history) {
      return outcome.fail(
        `Could not read the history table ${table}; every migration was treated as pending.`,
        `Grant SELECT on ${table} to the preflight login, or check the layout (${ctx.layout.name}). The log file has the database error.`,
      )
    }
    const evidence = { table, exists: history.exists, applied: ctx.migrations.length - ctx.pending.length, pending: ctx.pending.length, rows: history.applied.length }
    if (!history.exists) {
      return outcome.pass(`History table ${table} does not exist: nothing has been applied, all ${ctx.migrations.length} migrations are pending.`, evidence)
    }
    return outcome.pass(`${evidence.applied} of ${ctx.migrations.length} migrations applied according to ${table}; ${ctx.pending.length} pending.`, evidence)
  },
})
