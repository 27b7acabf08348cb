import { defineLiveCheck, outcome } from '../../engine/define.js'
import { migrationRoleOf } from '../../dialects/postgres/catalog/server-state.js'

/**
 * The migration needs a connection (two for CREATE INDEX CONCURRENTLY run by some tools), and
 * the application needs its own while the migration runs. Free slots are max_connections minus
 * the client backends in use minus the slots reserved for superusers (superuser_reserved_connections,
 * and reserved_connections on PostgreSQL 16+), bounded by the role's and the database's
 * CONNECTION LIMIT. https://www.postgresql.org/docs/current/runtime-config-connection.html
 */
export default defineLiveCheck({
  id: 'connection-headroom',
  title: 'Free connection slots for the migration',
  category: 'capacity',
  severity: 'error',
  async run(ctx) {
    const role = migrationRoleOf(ctx)
    const [row] = await ctx.db.query<HeadroomRow>(HEADROOM_SQL, [role])
    const r = row!
    const reserved = r.is_superuser ? 0 : r.superuser_reserved + r.reserved
    const limits: { name: string; free: number }[] = [{ name: `max_connections ${r.max_connections} - ${r.in_use} in use - ${reserved} reserved`, free: r.max_connections - r.in_use - reserved }]
    if (r.role_limit !== null && r.role_limit >= 0) limits.push({ name: `role ${role} CONNECTION LIMIT ${r.role_limit} - ${r.role_in_use} in use`, free: r.role_limit - r.role_in_use })
    if (r.db_limit >= 0) limits.push({ name: `database CONNECTION LIMIT ${r.db_limit} - ${r.db_in_use} in use`, free: r.db_limit - r.db_in_use })
    const tightest = limits.sort((a, b) => a.free - b.free)[0]!
    const free = Math.max(0, tightest.free)
    const min = ctx.target.thresholds.minFreeConnections
    const evidence = {
      migrationRole: role,
      maxConnections: r.max_connections,
      inUse: r.in_use,
      superuserReserved: r.superuser_reserved,
      reserved: r.reserved,
      roleIsSuperuser: r.is_superuser,
      roleConnectionLimit: r.role_limit,
      databaseConnectionLimit: r.db_limit,
      free,
      minFreeConnections: min,
      limitedBy: tightest.name,
    }
    const mitigation = 'Find idle or leaked sessions (pg_stat_activity state = \'idle\' for a long time), shrink the application pools during the migration, or raise the limit.'
    if (free < 1) return outcome.fail(`No connection slot is free for role ${role} (${tightest.name}): the migration could not connect.`, mitigation, evidence)
    if (free < min) return outcome.warn(`Only ${free} connection slot${free === 1 ? '' : 's'} free for role ${role} (${tightest.name}), fewer than ${min}: the migration may take the last ones the application needs.`, mitigation, evidence)
    return outcome.pass(`${free} connection slots free for role ${role} (${tightest.name}).`, evidence)
  },
})

interface HeadroomRow extends Record<string, unknown> {
  max_connections: number
  superuser_reserved: number
  reserved: number
  in_use: number
  is_superuser: boolean
  role_limit: number | null
  role_in_use: number
  db_limit: number
  db_in_use: number
}

const HEADROOM_SQL = `
SELECT current_setting('max_connections')::int AS max_connections,
       current_setting('superuser_reserved_connections')::int AS superuser_reserved,
       coalesce(current_setting('reserved_connections', true), '0')::int AS reserved,
       (SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE backend_type = 'client backend')::int AS in_use,
       coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = $1), false) AS is_superuser,
       (SELECT r.rolconnlimit FROM pg_catalog.pg_roles r WHERE r.rolname = $1) AS role_limit,
       (SELECT count(*) FROM pg_catalog.pg_stat_activity a WHERE a.usename = $1 AND a.backend_type = 'client backend')::int AS role_in_use,
       (SELECT d.datconnlimit FROM pg_catalog.pg_database d WHERE d.datname = current_database()) AS db_limit,
       (SELECT count(*) FROM pg_catalog.pg_stat_activity a WHERE a.datname = current_database() AND a.backend_type = 'client backend')::int AS db_in_use`
