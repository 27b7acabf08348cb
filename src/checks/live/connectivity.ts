import { defineLiveCheck, outcome } from '../../engine/define.js'

/**
 * Connectivity is established by the engine before any check runs (a failure there becomes this
 * check's `fail` result with the classified cause); registered here so it has an id, a runbook
 * page and can be listed. When it runs, the session is already open.
 */
export default defineLiveCheck({
  id: 'connectivity',
  title: 'Connect to the target database',
  category: 'connectivity',
  severity: 'error',
  dialects: ['postgres', 'mysql'],
  async run(ctx) {
    return outcome.pass(`Connected to ${ctx.server.host}:${ctx.server.port}/${ctx.server.database} as ${ctx.server.currentUser}.`)
  },
})
