import { defineLiveCheck, outcome } from '../../engine/define.js'
import { formatCount, formatPercent } from '../../engine/units.js'

/** Transaction IDs are 32-bit and compared modulo 2^32: at 2^31 the server stops assigning them. */
export const XID_HORIZON = 2 ** 31

/**
 * Transaction ID and multixact age of every database (pg_database.datfrozenxid, datminmxid):
 * near 2^31 PostgreSQL refuses new transactions cluster-wide until a VACUUM freezes old rows,
 * and anti-wraparound autovacuums conflict with the migration's locks.
 * https://www.postgresql.org/docs/current/routine-vacuuming.html#VACUUM-FOR-WRAPAROUND
 */
export default defineLiveCheck({
  id: 'xid-wraparound',
  title: 'Transaction IDs are far from wraparound',
  category: 'capacity',
  severity: 'error',
  async run(ctx) {
    const ratioLimit = ctx.target.thresholds.xidAgeRatio
    const rows = await ctx.db.query<{ datname: string; xid_age: number; mxid_age: number; freeze_max_age: number }>(
      `SELECT d.datname::text AS datname, pg_catalog.age(d.datfrozenxid)::int8::float8 AS xid_age,
              pg_catalog.mxid_age(d.datminmxid)::int8::float8 AS mxid_age,
              current_setting('autovacuum_freeze_max_age')::float8 AS freeze_max_age
         FROM pg_catalog.pg_database d ORDER BY 2 DESC, 1`,
    )
    const oldest = [...rows].sort((a, b) => Math.max(b.xid_age, b.mxid_age) - Math.max(a.xid_age, a.mxid_age))[0]!
    const age = Math.max(oldest.xid_age, oldest.mxid_age)
    const kind = oldest.mxid_age > oldest.xid_age ? 'multixact ID' : 'transaction ID'
    const ratio = age / XID_HORIZON
    const evidence = {
      xidAgeRatio: ratioLimit,
      autovacuumFreezeMaxAge: oldest.freeze_max_age,
      databases: rows.slice(0, 5).map((r) => ({ database: r.datname, xidAge: r.xid_age, multixactAge: r.mxid_age, used: formatPercent(Math.max(r.xid_age, r.mxid_age) / XID_HORIZON) })),
    }
    const what = `Database ${oldest.datname} has a ${kind} age of ${formatCount(age)}, ${formatPercent(ratio)} of the 2^31 wraparound horizon`
    const mitigation = `Find what holds back freezing (long transactions, prepared transactions, stale replication slots), then VACUUM (FREEZE) the oldest tables in ${oldest.datname}; SELECT relname, age(relfrozenxid) FROM pg_class ORDER BY 2 DESC lists them.`
    if (ratio >= ratioLimit) return outcome.fail(`${what} (limit ${formatPercent(ratioLimit)}): the server is heading for a forced shutdown of new transactions.`, mitigation, evidence)
    if (ratio >= ratioLimit / 2) return outcome.warn(`${what}, half way to the limit of ${formatPercent(ratioLimit)}.`, mitigation, evidence)
    return outcome.pass(`${what} (limit ${formatPercent(ratioLimit)}).`, evidence)
  },
})
