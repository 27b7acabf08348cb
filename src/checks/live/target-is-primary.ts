import { defineLiveCheck, outcome } from '../../engine/define.js'
import { effectiveSetting, readServerState } from '../../dialects/postgres/catalog/server-state.js'

/**
 * The target accepts writes: it is not a standby in recovery (pg_is_in_recovery(),
 * https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-RECOVERY-CONTROL), and the
 * migration role's sessions do not start read-only (default_transaction_read_only). Either way
 * the first DDL would fail with SQLSTATE 25006.
 */
export default defineLiveCheck({
  id: 'target-is-primary',
  title: 'The target is a writable primary',
  category: 'connectivity',
  severity: 'error',
  async run(ctx) {
    const state = await readServerState(ctx)
    const readOnly = effectiveSetting(state, 'default_transaction_read_only')
    const evidence = {
      inRecovery: state.isInRecovery,
      defaultTransactionReadOnly: readOnly?.value ?? null,
      source: readOnly?.source ?? null,
      migrationRole: state.migrationRole,
      host: `${ctx.server.host}:${ctx.server.port}`,
    }
    if (state.isInRecovery) {
      return outcome.fail(
        `${ctx.server.host}:${ctx.server.port} is a standby in recovery (a read replica): the migration cannot write there.`,
        'Point the target URL at the primary (the writer endpoint of your cluster, not the reader or a replica). See runbook/target-is-primary.md.',
        evidence,
      )
    }
    if (readOnly && isOn(readOnly.value)) {
      const where = readOnly.source === 'role' ? `for role ${state.migrationRole} (ALTER ROLE/DATABASE ... SET)` : 'on the server'
      return outcome.fail(
        `default_transaction_read_only is on ${where}: the migration's sessions start read-only and its first DDL will fail with SQLSTATE 25006.`,
        `Run the migration as a role whose sessions are writable, or ALTER ROLE ${state.migrationRole} SET default_transaction_read_only = off. If the whole server is read-only on purpose (a maintenance freeze), wait for it to end. See runbook/target-is-primary.md.`,
        evidence,
      )
    }
    return outcome.pass(`${ctx.server.host}:${ctx.server.port} is a primary, and ${state.migrationRole}'s sessions start read-write.`, evidence)
  },
})

/** PostgreSQL boolean settings: on, true, yes, 1 (any case). */
function isOn(value: string): boolean {
  return /^(on|true|yes|1|t|y)$/i.test(value.trim())
}
