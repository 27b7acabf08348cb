/**
 * Operator acceptance: a human may consciously accept some failed findings, such as a
 * destructive change whose data was backed up outside the tool. Accepting changes the report
 * only: the findings become suppressed (kind 'accepted', by the operator), statuses, counts and
 * the verdict are recomputed, and each acceptance is appended to an audit log.
 * Preflight never changes the target, whatever is accepted.
 */
import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { CatalogEntry } from './catalog.js'
import { compareFindings, type Category, type CheckResult, type Finding } from './model.js'
import { countResults, verdictOf, type FailOn, type Report } from './report.js'
import { statusOf } from './static-runner.js'

/**
 * Ids an operator may accept when a target sets no `acceptable` list: the destructive static
 * rules, whose failures a verified backup taken outside the tool can make acceptable. Ids not
 * registered in this build are ignored. Documented in runbook/preparing-a-deployment.md.
 */
export const DEFAULT_ACCEPTABLE: readonly string[] = [
  'no-drop-cascade',
  'no-drop-column',
  'no-drop-schema-or-database',
  'no-drop-table',
  'no-narrowing-type-change',
  'no-truncate',
  'no-unqualified-delete-update',
]

/** Categories whose failures no operator can accept, whatever the config says: without a target or a known migration state there is nothing to accept. */
export const NEVER_ACCEPTABLE: readonly Category[] = ['connectivity', 'migration-state']

/** Which ids may be accepted on a target, and configured ids that were left out with why. */
export interface AcceptancePolicy {
  readonly ids: ReadonlySet<string>
  readonly ignored: readonly { readonly id: string; readonly why: string }[]
}

/** A failed finding (or a failed check without findings) that an operator may accept. */
export interface AcceptanceCandidate {
  readonly checkId: string
  readonly title: string
  /** Index in the check's findings; undefined when the check failed without findings. */
  readonly findingIndex: number | undefined
  readonly message: string
  /** "file:line", or undefined for a finding on the target rather than in a file. */
  readonly at: string | undefined
  /** What the operator types to confirm: the table the finding names, else the check id. */
  readonly confirmWith: string
}

/** One candidate accepted by an operator, and why. */
export interface Acceptance {
  readonly candidate: AcceptanceCandidate
  readonly operator: string
  readonly reason: string
  /** How it was confirmed: typed at the prompt, or all at once with --assume-yes. */
  readonly mode: 'interactive' | 'assume-yes'
}

/** One line of logs/audit.log. */
export interface AuditEntry {
  readonly time: string
  readonly operator: string
  readonly user: string
  readonly host: string
  readonly target: string | null
  readonly checkId: string
  readonly finding: string
  readonly at: string | null
  readonly reason: string
  readonly mode: Acceptance['mode']
  readonly toolVersion: string
  readonly configHash: string
}

/** The acceptable ids of a target: its `acceptable` list, else the default, without never-acceptable or unknown ids. */
export function acceptancePolicy(configured: readonly string[] | undefined, catalog: readonly CatalogEntry[]): AcceptancePolicy {
  const byId = new Map(catalog.map((e) => [e.id, e]))
  const ids = new Set<string>()
  const ignored: { id: string; why: string }[] = []
  for (const id of configured ?? DEFAULT_ACCEPTABLE) {
    const entry = byId.get(id)
    if (!entry) {
      if (configured) ignored.push({ id, why: 'no rule or check has this id' })
    } else if (NEVER_ACCEPTABLE.includes(entry.category)) {
      ignored.push({ id, why: `${entry.category} failures can never be accepted` })
    } else {
      ids.add(id)
    }
  }
  return { ids, ignored }
}

/** Failed findings the policy lets an operator accept, in report order. */
export function findCandidates(report: Report, policy: AcceptancePolicy): AcceptanceCandidate[] {
  const failOn = report.run.failOn
  const out: AcceptanceCandidate[] = []
  for (const check of report.checks) {
    if (!policy.ids.has(check.id) || NEVER_ACCEPTABLE.includes(check.category) || !isFailing(check.status, failOn)) continue
    const failing = check.findings.flatMap((f, i) => (!f.suppressed && isFailingSeverity(f.severity, failOn) ? [{ f, i }] : []))
    if (failing.length === 0) {
      out.push({ checkId: check.id, title: check.title, findingIndex: undefined, message: check.summary, at: undefined, confirmWith: check.id })
      continue
    }
    for (const { f, i } of failing) {
      out.push({ checkId: check.id, title: check.title, findingIndex: i, message: f.message, at: locationOf(f), confirmWith: f.tables?.[0] ?? check.id })
    }
  }
  return out
}

/** The report with the accepted findings suppressed and statuses, counts and verdict recomputed. */
export function applyAcceptances(report: Report, acceptances: readonly Acceptance[]): Report {
  if (acceptances.length === 0) return report
  const checks = report.checks.map((check) => {
    const mine = acceptances.filter((a) => a.candidate.checkId === check.id)
    return mine.length === 0 ? check : acceptInCheck(check, mine)
  })
  return { ...report, verdict: verdictOf(checks, report.run.failOn), counts: countResults(checks), checks }
}

/** Suppresses the accepted findings of one check and recomputes its status and summary. */
function acceptInCheck(check: CheckResult, acceptances: readonly Acceptance[]): CheckResult {
  const findings: Finding[] = [...check.findings]
  for (const a of acceptances) {
    const suppressed = { kind: 'accepted' as const, reason: a.reason, by: a.operator }
    const i = a.candidate.findingIndex
    if (i !== undefined && findings[i]) findings[i] = { ...findings[i]!, suppressed }
    else if (i === undefined) findings.push(checkAsFinding(check, suppressed))
  }
  findings.sort(compareFindings)
  const operator = acceptances[0]!.operator
  const status = statusOf(findings)
  const summary = status === 'fail' ? `${check.summary} (${acceptances.length} accepted by ${operator})` : `Accepted by ${operator}: ${check.summary}`
  return { ...check, status, summary, findings }
}

/** A check-level failure as a finding, so the acceptance has somewhere to be recorded. */
function checkAsFinding(check: CheckResult, suppressed: NonNullable<Finding['suppressed']>): Finding {
  return {
    id: check.id,
    severity: check.severity,
    message: check.summary,
    ...(check.evidence ? { evidence: check.evidence } : {}),
    mitigation: check.mitigation ?? '',
    docs: check.docs,
    suppressed,
  }
}

/** The audit log line for one acceptance. */
export function auditEntry(report: Report, acceptance: Acceptance, time: Date = new Date()): AuditEntry {
  return {
    time: time.toISOString(),
    operator: acceptance.operator,
    user: report.run.user,
    host: report.run.host,
    target: report.run.target,
    checkId: acceptance.candidate.checkId,
    finding: acceptance.candidate.message,
    at: acceptance.candidate.at ?? null,
    reason: acceptance.reason,
    mode: acceptance.mode,
    toolVersion: report.tool.version,
    configHash: report.run.configHash,
  }
}

/** Appends entries to the audit log as JSON lines; the file is only ever appended to. */
export function appendAuditLog(path: string, entries: readonly AuditEntry[]): void {
  if (entries.length === 0) return
  mkdirSync(dirname(path), { recursive: true })
  appendFileSync(path, entries.map((e) => `${JSON.stringify(e)}\n`).join(''), { flag: 'a' })
}

/** Whether a check with this status counts against the verdict. */
function isFailing(status: CheckResult['status'], failOn: FailOn): boolean {
  return status === 'fail' || (status === 'warn' && failOn === 'warning')
}

/** Whether a finding of this severity makes its check fail. */
function isFailingSeverity(severity: Finding['severity'], failOn: FailOn): boolean {
  return severity === 'error' || (severity === 'warning' && failOn === 'warning')
}

/** "file:line" of a finding in a file. */
function locationOf(f: Finding): string | undefined {
  return f.file ? `${f.file}:${f.line ?? 1}` : undefined
}
