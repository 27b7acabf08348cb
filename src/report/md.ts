/**
 * The Markdown report: compact, for a PR comment or a job summary. Tables for problems,
 * collapsed details for passes, and always under `maxLength` characters (GitHub caps
 * comments at 65,536): when too long, findings are cut and a note says where the rest is.
 */
import type { CheckResult, Finding } from '../engine/model.js'
import { serverLabel, worstFirst, type Report } from '../engine/report.js'

export interface MarkdownOptions {
  /** Hard cap on the output length; default 60,000. */
  readonly maxLength?: number
  /** Link for a file position (e.g. the PR head commit's blob), or undefined for plain text. */
  readonly fileLink?: (file: string, line: number | undefined) => string | undefined
  /** Absolute URL prefix for runbook pages; relative links otherwise. */
  readonly runbookBase?: string
  /** Heading text; default names the target. */
  readonly title?: string
  /** Where the full report is, for the truncation note. */
  readonly fullReportHint?: string
  /** Extra paragraphs after the verdict (e.g. "target checks skipped on a fork"). */
  readonly notes?: readonly string[]
}

const ICON: Readonly<Record<CheckResult['status'], string>> = { error: '⛔', fail: '❌', warn: '⚠️', skip: '⏭️', pass: '✅' }

/** Renders the report as Markdown within the length cap. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const max = options.maxLength ?? 60_000
  const full = build(report, options, Number.POSITIVE_INFINITY)
  if (full.length <= max) return full
  // Shrink the number of findings listed until it fits, keeping the verdict and tables.
  let limit = Math.max(1, report.counts.findings)
  while (limit > 0) {
    limit = Math.floor(limit / 2)
    const text = build(report, options, limit)
    if (text.length <= max) return text
  }
  const note = `\n\n> Report truncated to fit. ${options.fullReportHint ?? 'See the txt and json reports for every finding.'}\n`
  return build(report, { ...options, notes: [] }, 0).slice(0, max - note.length) + note
}

/** Builds the Markdown with at most `findingLimit` finding rows. */
function build(report: Report, options: MarkdownOptions, findingLimit: number): string {
  const out: string[] = []
  const { counts, run } = report
  const verdict = report.verdict === 'passed' ? '✅ Passed' : report.verdict === 'failed' ? '❌ Failed' : '⛔ Error'
  const title = options.title ?? (run.target ? `Migrations preflight: ${run.target}` : 'Migrations lint')
  out.push(`### ${title}: ${verdict}`, '')
  out.push(
    `**${counts.fail}** failed · **${counts.error}** errored · **${counts.warn}** warned · **${counts.pass}** passed · **${counts.skip}** skipped · ${counts.findings} finding${counts.findings === 1 ? '' : 's'}${counts.suppressed ? ` (+${counts.suppressed} suppressed)` : ''}`,
  )
  const pending = report.migrations.pending
  if (pending.length > 0) out.push('', `Pending migrations: ${pending.map((m) => `\`${escapeMd(m.path)}\``).join(', ')}`)
  if (run.server) out.push('', `Target: ${serverLabel(run)}${run.dialect === 'mysql' ? '' : ` · rules assume PostgreSQL ${run.postgresVersion.major} (${run.postgresVersion.source})`}`)
  for (const note of options.notes ?? []) out.push('', note)

  const problems = worstFirst(report.checks).filter((c) => c.status === 'fail' || c.status === 'error' || c.status === 'warn')
  if (problems.length > 0) {
    out.push('', '| | Check | Result | Mitigation |', '|---|---|---|---|')
    for (const c of problems) {
      out.push(`| ${ICON[c.status]} | [\`${c.id}\`](${runbookUrl(c, options)}) | ${cell(c.summary)} | ${cell(c.mitigation ?? c.findings[0]?.mitigation ?? '')} |`)
    }
  }

  const findings = problems.flatMap((c) => c.findings.filter((f) => !f.suppressed))
  if (findings.length > 0) {
    out.push('', '#### Findings', '')
    const byFile = groupByFile(findings.slice(0, findingLimit))
    for (const [file, list] of byFile) {
      out.push(`**${escapeMd(file)}**`, '')
      for (const f of list) out.push(`- ${findingLine(f, options)}`)
      out.push('')
    }
    if (findings.length > findingLimit) {
      out.push(`> ${findings.length - findingLimit} more finding${findings.length - findingLimit === 1 ? '' : 's'} not shown. ${options.fullReportHint ?? 'See the txt and json reports for every finding.'}`, '')
    }
  }

  const quiet = report.checks.filter((c) => c.status === 'pass' || c.status === 'skip')
  if (quiet.length > 0) {
    out.push('', `<details><summary>${quiet.length} passed or skipped checks</summary>`, '')
    for (const c of quiet) out.push(`- ${ICON[c.status]} \`${c.id}\`: ${escapeMd(oneLine(c.summary))}`)
    out.push('', '</details>')
  }
  out.push('', `<sub>migrations-preflight ${report.tool.version} · ${run.durationMs} ms</sub>`, '')
  return out.join('\n')
}

/** One finding as a list item with position, message and fix. */
function findingLine(f: Finding, options: MarkdownOptions): string {
  const pos = `${f.line ?? 1}:${f.col ?? 1}`
  const link = f.file ? options.fileLink?.(f.file, f.line) : undefined
  const where = link ? `[${pos}](${link})` : pos
  const icon = f.severity === 'error' ? ICON.fail : f.severity === 'warning' ? ICON.warn : 'ℹ️'
  return `${icon} ${where} \`${f.id}\`: ${escapeMd(oneLine(f.message))}<br>Fix: ${escapeMd(oneLine(f.mitigation))}`
}

/** Findings grouped by file, in order. */
function groupByFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const map = new Map<string, Finding[]>()
  for (const f of [...findings].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0))) {
    const key = f.file ?? '(target)'
    map.set(key, [...(map.get(key) ?? []), f])
  }
  return map
}

/** Link to the runbook page of a check. */
function runbookUrl(c: CheckResult, options: MarkdownOptions): string {
  return options.runbookBase ? `${options.runbookBase.replace(/\/$/, '')}/${c.id}.md` : c.docs
}

/** Text safe inside a table cell. */
function cell(text: string): string {
  return escapeMd(oneLine(text)).replace(/\|/g, '\\|')
}

/** Collapses whitespace. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Escapes characters that would start HTML or break Markdown. */
function escapeMd(text: string): string {
  return text.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))
}
