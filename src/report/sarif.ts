/**
 * The SARIF 2.1.0 report, for GitHub code scanning (github/codeql-action/upload-sarif) and other
 * SARIF viewers. One rule per check, one result per finding, and one result per failed or warned
 * check that has no finding of its own. https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
 */
import type { CheckResult, Finding } from '../engine/model.js'
import type { Report } from '../engine/report.js'

export interface SarifOptions {
  /** Absolute URL prefix for runbook pages (helpUri must be absolute); omitted otherwise. */
  readonly runbookBase?: string
  /** Maps a report path (relative to the project) to the path code scanning expects (relative to the repository). */
  readonly toRepoPath?: (file: string) => string
}

type SarifLevel = 'error' | 'warning' | 'note' | 'none'

interface SarifLocation {
  readonly physicalLocation: {
    readonly artifactLocation: { readonly uri: string; readonly uriBaseId: '%SRCROOT%' }
    readonly region?: { readonly startLine: number; readonly startColumn: number; readonly endLine: number; readonly endColumn: number }
  }
}

interface SarifResult {
  readonly ruleId: string
  readonly ruleIndex: number
  readonly level: SarifLevel
  readonly message: { readonly text: string }
  readonly locations?: readonly SarifLocation[]
  readonly suppressions?: readonly { readonly kind: 'inSource' | 'external'; readonly justification: string }[]
  readonly properties?: Readonly<Record<string, unknown>>
}

const SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'
const LEVEL: Readonly<Record<Finding['severity'], SarifLevel>> = { error: 'error', warning: 'warning', info: 'note' }

/** Renders the report as a SARIF 2.1.0 log (pretty JSON with a trailing newline). */
export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const checks = [...report.checks].sort((a, b) => a.id.localeCompare(b.id))
  const ruleIndex = new Map(checks.map((c, i) => [c.id, i]))
  const results = checks.flatMap((c) => resultsOf(c, ruleIndex.get(c.id)!, report, options))
  const log = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            semanticVersion: report.tool.version,
            rules: checks.map((c) => ruleOf(c, options)),
          },
        },
        // Code scanning keeps one set of alerts per category: one per target, so a matrix does not overwrite itself.
        automationDetails: { id: `migrations-preflight/${report.run.target ?? report.run.command}/` },
        invocations: [
          {
            executionSuccessful: report.verdict !== 'error',
            startTimeUtc: report.run.startedAt,
            endTimeUtc: report.run.finishedAt,
          },
        ],
        results,
        properties: { target: report.run.target, verdict: report.verdict, failOn: report.run.failOn, counts: report.counts },
      },
    ],
  }
  return `${JSON.stringify(log, null, 2)}\n`
}

/** The reportingDescriptor of a check: id, title, default level and runbook link. */
function ruleOf(c: CheckResult, options: SarifOptions): Record<string, unknown> {
  const help = options.runbookBase ? `${options.runbookBase.replace(/\/$/, '')}/${c.id}.md` : undefined
  return {
    id: c.id,
    name: toPascalCase(c.id),
    shortDescription: { text: c.title },
    ...(help ? { helpUri: help } : {}),
    help: { text: `Runbook: ${help ?? c.docs}`, markdown: `[Runbook for ${c.id}](${help ?? c.docs})` },
    defaultConfiguration: { level: LEVEL[c.severity] },
    properties: { category: c.category, kind: c.kind, tags: ['migrations', c.category] },
  }
}

/** Results of one check: its findings, or the check itself when it failed, warned or errored without any. */
function resultsOf(c: CheckResult, index: number, report: Report, options: SarifOptions): SarifResult[] {
  const out = c.findings.map((f) => findingResult(c, f, index, options))
  if (out.length === 0 && (c.status === 'fail' || c.status === 'warn' || c.status === 'error')) {
    out.push({
      ruleId: c.id,
      ruleIndex: index,
      level: c.status === 'warn' ? 'warning' : 'error',
      message: { text: c.mitigation ? `${c.summary} ${c.mitigation}` : c.summary },
      ...checkLocation(report, options),
      properties: { status: c.status, ...(c.evidence ? { evidence: c.evidence } : {}) },
    })
  }
  return out
}

/** One finding as a result at its file and region; suppressed findings carry their justification. */
function findingResult(c: CheckResult, f: Finding, index: number, options: SarifOptions): SarifResult {
  const level: SarifLevel = c.status === 'warn' && f.severity === 'error' ? 'warning' : LEVEL[f.severity]
  const region = f.line
    ? { startLine: f.line, startColumn: f.col ?? 1, endLine: Math.max(f.endLine ?? f.line, f.line), endColumn: endColumnOf(f) }
    : undefined
  return {
    ruleId: c.id,
    ruleIndex: index,
    level,
    message: { text: `${f.message} Fix: ${f.mitigation}` },
    ...(f.file ? { locations: [location(f.file, region, options)] } : {}),
    ...(f.suppressed ? { suppressions: [{ kind: f.suppressed.kind === 'comment' ? 'inSource' : 'external', justification: f.suppressed.reason }] } : {}),
    ...(f.evidence || f.lock ? { properties: { ...(f.evidence ? { evidence: f.evidence } : {}), ...(f.lock ? { lock: f.lock, tables: f.tables ?? [] } : {}) } } : {}),
  }
}

/** The end column, kept after the start column on a one-line region (SARIF regions are non-empty). */
function endColumnOf(f: Finding): number {
  const startCol = f.col ?? 1
  const endCol = f.endCol ?? startCol
  const isOneLine = (f.endLine ?? f.line) === f.line
  return isOneLine ? Math.max(endCol, startCol + 1) : Math.max(endCol, 1)
}

/** Where a check-level result points: the first pending migration, else the config file, else nowhere. */
function checkLocation(report: Report, options: SarifOptions): { locations?: SarifLocation[] } {
  const file = report.migrations.pending[0]?.path ?? report.run.configFile
  return file ? { locations: [location(file, undefined, options)] } : {}
}

/** A physical location relative to the source root. */
function location(file: string, region: NonNullable<SarifLocation['physicalLocation']['region']> | undefined, options: SarifOptions): SarifLocation {
  const uri = encodeURI((options.toRepoPath?.(file) ?? file).split('\\').join('/'))
  return { physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, ...(region ? { region } : {}) } }
}

/** "require-concurrent-index" -> "RequireConcurrentIndex" (reportingDescriptor.name). */
function toPascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')
}
