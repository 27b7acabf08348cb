import { defineLiveCheck, outcome } from '../../engine/define.js'
import { mysqlServerVersion } from './support/mysql-server-version.js'

/**
 * The target's PostgreSQL version: at least `minServerVersion`, and still supported by the
 * community (https://www.postgresql.org/support/versioning/).
 */
export const END_OF_LIFE: Readonly<Record<number, string>> = {
  11: '2023-11-09',
  12: '2024-11-21',
  13: '2025-11-13',
  14: '2026-11-12',
  15: '2027-11-11',
  16: '2028-11-09',
  17: '2029-11-08',
  18: '2030-11-14',
}

export default defineLiveCheck({
  id: 'server-version',
  title: 'Server version is supported and new enough',
  category: 'versions',
  severity: 'error',
  dialects: ['postgres', 'mysql'],
  async run(ctx) {
    if (ctx.db.dialect === 'mysql') return mysqlServerVersion(ctx, compareVersions)
    const { version, major } = ctx.server
    const evidence = { serverVersion: version, major, minServerVersion: ctx.target.minServerVersion ?? null }
    const min = ctx.target.minServerVersion
    if (min !== undefined && compareVersions(version, String(min)) < 0) {
      return outcome.fail(
        `The target runs PostgreSQL ${version}, older than minServerVersion ${min}.`,
        `Upgrade the server to ${min} or later before running these migrations, or lower minServerVersion if the migrations do not need it.`,
        evidence,
      )
    }
    const eol = END_OF_LIFE[Math.floor(major)] ?? (major < 11 ? 'before 2023' : undefined)
    if (eol && (eol === 'before 2023' || ctx.now.toISOString().slice(0, 10) > eol)) {
      return outcome.warn(
        `PostgreSQL ${Math.floor(major)} reached community end of life on ${eol}: no more security or bug fixes.`,
        'Plan a major-version upgrade; migrations still run, but bugs found now will not be fixed upstream.',
        { ...evidence, endOfLife: eol },
      )
    }
    return outcome.pass(`PostgreSQL ${version}${min !== undefined ? ` (minimum ${min})` : ''}${eol ? `, supported until ${eol}` : ''}.`, evidence)
  },
})

/** Compares dotted versions numerically: "15.4" < "15.10". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.\s-]/).map((x) => Number.parseInt(x, 10) || 0)
  const pb = b.split(/[.\s-]/).map((x) => Number.parseInt(x, 10) || 0)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}
