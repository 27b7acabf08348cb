import { defineLiveCheck, outcome, type FindingInput, type ReportTarget } from '../../engine/define.js'
import { featuresUsedBy, isLeftToGrammar } from '../../dialects/postgres/sql-features.js'

/**
 * Features the pending SQL uses against the target's PostgreSQL major: a statement using syntax
 * the server does not have fails when it runs, part-way through the migration; a statement whose
 * behaviour changed runs, but worse (see sql-features.ts for the table). Syntax the target major's
 * own grammar rejects is left to the static rule target-version-syntax, which reports it once.
 */
export default defineLiveCheck({
  id: 'sql-features-supported',
  title: 'The server supports the SQL features the migrations use',
  category: 'versions',
  severity: 'error',
  async run(ctx) {
    const major = Math.floor(ctx.server.major)
    const findings: (FindingInput & { at?: ReportTarget })[] = []
    const used = new Set<string>()
    for (const file of ctx.pending) {
      for (const stmt of file.parsed.statements) {
        for (const feature of featuresUsedBy(stmt)) {
          used.add(feature.name)
          if (major >= feature.since || isLeftToGrammar(feature, major)) continue
          const evidence = { feature: feature.id, since: feature.since, serverMajor: major, serverVersion: ctx.server.version }
          findings.push(
            feature.kind === 'syntax'
              ? {
                  message: `${feature.name} needs PostgreSQL ${feature.since} or later; the target runs ${ctx.server.version}, so this statement will fail when the migration reaches it.`,
                  mitigation: `Rewrite the statement without ${feature.name}, or upgrade the server to PostgreSQL ${feature.since}+ before running this migration. See runbook/sql-features-supported.md.`,
                  evidence,
                  at: { file, stmt },
                }
              : {
                  message: `${feature.name} on PostgreSQL ${ctx.server.version} ${feature.olderBehaviour ?? 'behaves differently'} (PostgreSQL ${feature.since}+ does not).`,
                  mitigation: `Split the change so it does not depend on PostgreSQL ${feature.since} behaviour, or upgrade first. See runbook/sql-features-supported.md.`,
                  severity: 'warning',
                  evidence,
                  at: { file, stmt },
                },
          )
        }
      }
    }
    const evidence = { serverVersion: ctx.server.version, featuresUsed: [...used].sort() }
    const failing = findings.filter((f) => f.severity !== 'warning')
    if (failing.length > 0) {
      return {
        status: 'fail',
        summary: `${failing.length} pending statement${failing.length === 1 ? ' uses' : 's use'} SQL that PostgreSQL ${ctx.server.version} does not support and will fail when ${failing.length === 1 ? 'it runs' : 'they run'}.`,
        mitigation: 'Rewrite those statements for this server, or upgrade it first. See runbook/sql-features-supported.md.',
        evidence,
        findings,
      }
    }
    if (findings.length > 0) {
      return {
        status: 'warn',
        summary: `${findings.length} pending statement${findings.length === 1 ? ' behaves' : 's behave'} worse on PostgreSQL ${ctx.server.version} than on newer majors.`,
        mitigation: 'Read each finding; see runbook/sql-features-supported.md.',
        evidence,
        findings,
      }
    }
    return outcome.pass(
      used.size > 0 ? `PostgreSQL ${ctx.server.version} supports every version-dependent feature the pending SQL uses (${[...used].sort().join(', ')}).` : `The pending SQL uses no feature newer than PostgreSQL ${ctx.server.version}.`,
      evidence,
    )
  },
})
