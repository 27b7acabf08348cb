/**
 * The text report: what an operator reads at 3 a.m. A verdict line, then failed checks first,
 * each with its evidence and mitigation, then warnings, errors, skips and passes.
 */
import type { CheckResult, Finding } from '../engine/model.js'
import { serverLabel, worstFirst, type Report } from '../engine/report.js'

const LABEL: Readonly<Record<CheckResult['status'], string>> = { error: 'ERROR', fail: 'FAIL', warn: 'WARN', skip: 'SKIP', pass: 'PASS' }

/** Renders the report as plain text. */
export function renderTxt(report: Report): string {
  const out: string[] = []
  const { run, migrations, counts } = report
  const subject = run.command === 'lint' ? 'lint' : `preflight of target "${run.target}"`
  out.push(`Migrations Preflight ${report.tool.version}: ${subject}: ${report.verdict.toUpperCase()}`)
  out.push(
    `Summary: ${counts.fail} failed, ${counts.error} errored, ${counts.warn} warned, ${counts.pass} passed, ${counts.skip} skipped; ` +
      `${counts.findings} finding${counts.findings === 1 ? '' : 's'}${counts.suppressed ? ` (+${counts.suppressed} suppressed)` : ''}`,
  )
  if (run.server) out.push(`Target: ${run.server.host}:${run.server.port}/${run.server.database}, ${serverLabel(run)}`)
  if (migrations.layout || migrations.path) {
    out.push(
      `Migrations: ${migrations.path ?? '(given files)'} (${migrations.layout ?? 'plain files'}${migrations.layoutReason ? `: ${migrations.layoutReason}` : ''}); ` +
        `${migrations.total} total, ${migrations.applied} applied, ${migrations.pending.length} pending`,
    )
  }
  for (const m of migrations.pending) out.push(`  pending: ${m.path}${m.runsInTransaction ? ' (runs in a transaction)' : ''}`)
  // The PostgreSQL version the rules assume means nothing to MySQL rules.
  out.push(`${run.dialect === 'mysql' ? '' : `Rules assume PostgreSQL ${run.postgresVersion.major} (${run.postgresVersion.source}). `}Fail on: ${run.failOn}.`)
  out.push(`Run: ${run.startedAt} by ${run.user}@${run.host}, ${run.durationMs} ms; config ${run.configFile ?? '(defaults)'} sha256:${run.configHash.slice(0, 12)}`)
  let section = ''
  for (const check of worstFirst(report.checks)) {
    const heading = sectionOf(check.status)
    if (heading !== section) {
      out.push('', heading, '-'.repeat(heading.length))
      section = heading
    }
    out.push(...renderCheck(check))
  }
  out.push('')
  return out.join('\n')
}

/** The section heading for a status. */
function sectionOf(status: CheckResult['status']): string {
  switch (status) {
    case 'error':
      return 'Checks that could not run'
    case 'fail':
      return 'Failed checks'
    case 'warn':
      return 'Warnings'
    case 'skip':
      return 'Skipped checks'
    default:
      return 'Passed checks'
  }
}

/** Lines for one check: detailed for problems, one line for passes and skips. */
function renderCheck(check: CheckResult): string[] {
  const head = `[${LABEL[check.status]}] ${check.id}: ${check.title}`
  if (check.status === 'pass' || check.status === 'skip') {
    const suppressed = check.findings.filter((f) => f.suppressed)
    return [`${head}: ${check.summary}`, ...suppressed.map((f) => `    suppressed ${where(f)}: ${f.message} (${suppressionLabel(f.suppressed!)})`)]
  }
  const lines = [head]
  const active = check.findings.filter((f) => !f.suppressed)
  if (active.length === 0 || check.kind === 'live') lines.push(`    ${check.summary}`)
  if (check.evidence && Object.keys(check.evidence).length > 0) lines.push(`    evidence: ${formatEvidence(check.evidence)}`)
  if (check.mitigation && (active.length === 0 || check.kind === 'live')) lines.push(`    mitigation: ${check.mitigation}`)
  for (const f of check.findings) lines.push(...renderFinding(f))
  lines.push(`    runbook: ${check.docs}`)
  return lines
}

/** Lines for one finding, at its file:line:col. */
function renderFinding(f: Finding): string[] {
  const prefix = f.suppressed ? 'suppressed ' : ''
  const lines = [`  - ${prefix}${where(f)}: ${f.message}`]
  if (f.lock && f.tables?.length) lines.push(`      lock: ${f.lock} on ${f.tables.join(', ')}`)
  if (f.evidence && Object.keys(f.evidence).length > 0) lines.push(`      evidence: ${formatEvidence(f.evidence)}`)
  if (f.suppressed) lines.push(`      suppressed (${f.suppressed.kind}${f.suppressed.by ? ` by ${f.suppressed.by}` : ''}): ${f.suppressed.reason}`)
  else lines.push(`      fix: ${f.mitigation}`)
  return lines
}

/** "accepted by alice: <reason>", "comment: <reason>": how and why a finding was suppressed. */
function suppressionLabel(s: NonNullable<Finding['suppressed']>): string {
  return `${s.kind}${s.by ? ` by ${s.by}` : ''}: ${s.reason}`
}

/** "file:line:col", or "(target)" for findings not tied to a file. */
function where(f: Finding): string {
  return f.file ? `${f.file}:${f.line ?? 1}:${f.col ?? 1}` : '(target)'
}

/** Compact key=value evidence; nested values as JSON. */
export function formatEvidence(evidence: Readonly<Record<string, unknown>>): string {
  return Object.entries(evidence)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(', ')
}
