/**
 * The server-version check on a MySQL or MariaDB target: at least `minServerVersion`, a series
 * Migrations Preflight supports (MySQL 8.0+, MariaDB 10.6+), and one still maintained upstream.
 */
import { outcome, type LiveContext, type LiveOutcome } from '../../../engine/define.js'
import { isMariaDbVersion, releaseSeries } from '../../../dialects/mysql/server-info.js'
import { MARIADB_END_OF_LIFE, MYSQL_END_OF_LIFE, OLDEST_SUPPORTED } from '../../../dialects/mysql/versions.js'

/** Grades the MySQL or MariaDB version; `compare` orders dotted versions numerically. */
export function mysqlServerVersion(ctx: LiveContext, compare: (a: string, b: string) => number): LiveOutcome {
  const isMariaDb = isMariaDbVersion(ctx.server.version)
  const product = isMariaDb ? 'MariaDB' : 'MySQL'
  // "MariaDB 10.11.19" reads better than "MariaDB 10.11.19-MariaDB".
  const version = ctx.server.version.replace(/-MariaDB$/i, '')
  const series = releaseSeries(ctx.server)
  const min = ctx.target.minServerVersion
  const eol = (isMariaDb ? MARIADB_END_OF_LIFE : MYSQL_END_OF_LIFE)[series]
  const oldest = isMariaDb ? OLDEST_SUPPORTED.mariadb : OLDEST_SUPPORTED.mysql
  const evidence = { serverVersion: ctx.server.version, product, series, minServerVersion: min ?? null, endOfLife: eol ?? null, oldestSupported: oldest }
  if (min !== undefined && compare(version, String(min)) < 0) {
    return outcome.fail(
      `The target runs ${product} ${version}, older than minServerVersion ${min}.`,
      `Upgrade the server to ${min} or later before running these migrations, or lower minServerVersion if the migrations do not need it.`,
      evidence,
    )
  }
  if (compare(series, oldest) < 0) {
    return outcome.warn(
      `${product} ${series} is older than ${product} ${oldest}, the oldest series Migrations Preflight checks${eol ? `, and reached end of life on ${eol}` : ''}: online DDL and catalog tables differ, so some checks may be wrong.`,
      `Plan an upgrade to ${isMariaDb ? 'MariaDB 10.11 or 11.4 (LTS)' : 'MySQL 8.4 (LTS)'}; meanwhile review the migration by hand.`,
      evidence,
    )
  }
  if (eol && ctx.now.toISOString().slice(0, 10) > eol) {
    return outcome.warn(
      `${product} ${series} reached end of life on ${eol}: no more security or bug fixes.`,
      `Plan an upgrade to ${isMariaDb ? 'MariaDB 10.11 or 11.4 (LTS)' : 'MySQL 8.4 (LTS)'}; migrations still run, but bugs found now will not be fixed upstream.`,
      evidence,
    )
  }
  return outcome.pass(`${product} ${version}${min !== undefined ? ` (minimum ${min})` : ''}${eol ? `, supported until ${eol}` : ''}.`, evidence)
}
