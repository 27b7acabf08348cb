/**
 * Runs the static rules over the parsed pending files. Each rule runs in its own try, so a rule
 * that throws becomes an `error` result and the run goes on. Suppression by directive or config
 * is applied here, once, for every rule.
 */
import type { PreflightConfig } from '../config/schema.js'
import { parseDirectives, type Directive } from './directives.js'
import type { FindingInput, LiveFacts, PendingFile, ReportTarget, StatementRef, StaticContext, StaticRule, VersionSource } from './define.js'
import { describeError } from './errors.js'
import type { RunLog } from './log.js'
import { compareFindings, runbookLink, type CheckResult, type Finding, type Severity, type Status } from './model.js'
import { resolveOverride } from './overrides.js'

export interface StaticRunInput {
  readonly rules: readonly StaticRule[]
  readonly files: readonly PendingFile[]
  readonly config: PreflightConfig
  readonly postgresVersion: number
  readonly versionSource: VersionSource
  readonly layout: StaticContext['layout']
  readonly live: LiveFacts
  readonly log: RunLog
  /** Ids of every known rule and check, to validate directives. */
  readonly knownIds: ReadonlySet<string>
}

/** Runs every rule and returns one result per rule. */
export function runStaticRules(input: StaticRunInput, onResult?: (result: CheckResult) => void): CheckResult[] {
  const directivesByFile = new Map(input.files.map((f) => [f.migration.path, parseDirectives(f.parsed)]))
  const results: CheckResult[] = []
  for (const rule of input.rules) {
    const result = runOne(rule, input, directivesByFile)
    results.push(result)
    onResult?.(result)
  }
  return results
}

/** Runs one rule in its own try. */
function runOne(rule: StaticRule, input: StaticRunInput, directives: ReadonlyMap<string, Directive[]>): CheckResult {
  const started = performance.now()
  const override = resolveOverride(input.config.rules[rule.id], rule.severity)
  const base = { id: rule.id, title: rule.title, category: rule.category, kind: 'static' as const, docs: runbookLink(rule.id) }
  if (override.isOff) {
    return { ...base, severity: rule.severity, status: 'skip', summary: `Turned off in config (rules.${rule.id}).`, durationMs: 0, findings: [] }
  }
  const severity = override.severity
  if (input.files.length === 0) {
    return { ...base, severity, status: 'skip', summary: 'No pending migrations to analyse.', durationMs: 0, findings: [] }
  }
  const findings: Finding[] = []
  const ctx: StaticContext = {
    files: input.files,
    statements: (kind) => iterateStatements(input.files, kind),
    postgresVersion: input.postgresVersion,
    versionSource: input.versionSource,
    dialect: 'postgres',
    layout: input.layout,
    options: override.options,
    live: input.live,
    knownIds: input.knownIds,
    report(at, finding) {
      findings.push(toFinding(rule.id, severity, at, finding, directives, input.knownIds))
    },
  }
  try {
    rule.run(ctx)
  } catch (error) {
    input.log.log('error', `rule ${rule.id} threw: ${describeError(error)}`, { stack: (error as Error)?.stack })
    return {
      ...base,
      severity,
      status: 'error',
      summary: `The rule failed to run: ${describeError(error)}. Its findings are missing from this report.`,
      mitigation: 'This is a bug in Migrations Preflight: report it with the log file. Meanwhile review the migration by hand for this rule.',
      durationMs: Math.round(performance.now() - started),
      findings: [],
    }
  }
  findings.sort(compareFindings)
  const status = statusOf(findings)
  const active = findings.filter((f) => !f.suppressed)
  const suppressedCount = findings.length - active.length
  const summary =
    active.length === 0
      ? `No problems${suppressedCount ? ` (${suppressedCount} suppressed)` : ''}.`
      : `${active.length} finding${active.length === 1 ? '' : 's'}${suppressedCount ? ` (${suppressedCount} suppressed)` : ''}: ${active[0]!.message}`
  input.log.log('info', `rule ${rule.id}: ${status}, ${findings.length} findings`)
  return {
    ...base,
    severity,
    status,
    summary,
    mitigation: active[0]?.mitigation,
    durationMs: Math.round(performance.now() - started),
    findings,
  }
}

/** Worst status implied by unsuppressed findings. */
export function statusOf(findings: readonly Finding[]): Status {
  let status: Status = 'pass'
  for (const f of findings) {
    if (f.suppressed) continue
    if (f.severity === 'error') return 'fail'
    if (f.severity === 'warning') status = 'warn'
  }
  return status
}

/** Yields statements of every file in order, filtered by node kind. */
function* iterateStatements(files: readonly PendingFile[], kind: string | readonly string[] | undefined): Iterable<StatementRef> {
  const kinds = kind === undefined ? undefined : new Set(typeof kind === 'string' ? [kind] : kind)
  for (const file of files) {
    for (const stmt of file.parsed.statements) {
      if (!kinds || kinds.has(stmt.kind)) yield { file, stmt }
    }
  }
}

/** Builds a positioned finding and applies directive suppression. */
function toFinding(
  id: string,
  ruleSeverity: Severity,
  at: ReportTarget,
  input: FindingInput,
  directives: ReadonlyMap<string, Directive[]>,
  knownIds: ReadonlySet<string>,
): Finding {
  const file = at.file.migration.path
  const pos =
    'stmt' in at
      ? { line: at.stmt.line, col: at.stmt.col, endLine: at.stmt.endLine, endCol: at.stmt.endCol }
      : { line: at.line, col: at.col, endLine: at.endLine ?? at.line, endCol: at.endCol ?? at.col }
  // A rule may lower a finding (info notes); config severity applies to the rule's own level.
  const severity = input.severity && input.severity !== 'error' ? lower(input.severity, ruleSeverity) : ruleSeverity
  const statementIndex = 'stmt' in at ? at.stmt.index : undefined
  const suppressor = (directives.get(file) ?? []).find(
    (d) =>
      d.reason !== '' &&
      d.ruleIds.includes(id) &&
      knownIds.has(id) &&
      ((d.kind === 'ignore-file') || (d.kind === 'ignore' && statementIndex !== undefined && d.statementIndex === statementIndex)),
  )
  return {
    id,
    severity,
    message: input.message,
    file,
    ...pos,
    ...(input.evidence ? { evidence: input.evidence } : {}),
    mitigation: input.mitigation,
    ...(input.help ? { help: input.help } : {}),
    docs: runbookLink(id),
    ...(input.tables ? { tables: input.tables } : {}),
    ...(input.lock ? { lock: input.lock } : {}),
    ...(suppressor ? { suppressed: { kind: 'comment' as const, reason: suppressor.reason } } : {}),
  }
}

/** The weaker of two severities. */
function lower(a: Severity, b: Severity): Severity {
  const rank: Record<Severity, number> = { error: 2, warning: 1, info: 0 }
  return rank[a] <= rank[b] ? a : b
}
