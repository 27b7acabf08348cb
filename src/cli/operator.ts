/**
 * The operator at the terminal: who they are, whether they may accept failures, and the prompt
 * that asks them to confirm each one by typing the table name. Streams and environment are
 * injected so the prompt is tested without a real TTY.
 */
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import {
  acceptancePolicy,
  appendAuditLog,
  applyAcceptances,
  auditEntry,
  findCandidates,
  type Acceptance,
  type AcceptanceCandidate,
} from '../engine/acceptance.js'
import { checkCatalog } from '../engine/catalog.js'
import { UsageError, describeError } from '../engine/errors.js'
import type { RunLog } from '../engine/log.js'
import type { Report } from '../engine/report.js'

/** The terminal the CLI talks to. */
export interface OperatorIo {
  readonly stdin: Readable & { readonly isTTY?: boolean }
  readonly stdout: Writable & { readonly isTTY?: boolean }
  readonly stderr: Writable
  readonly env: NodeJS.ProcessEnv
}

/** The real process streams. */
export function processIo(): OperatorIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }
}

/** Options of `migrations preflight` that concern acceptance. */
export interface OperatorOptions {
  readonly assumeYes?: boolean
  readonly operator?: string
  readonly reason?: string
}

/** Whether we run in CI: CI set to anything but "", "0" or "false" (GitHub, GitLab, CircleCI... set CI=true). */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  const value = env.CI?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== '0' && value !== 'false'
}

/** A human can answer: stdin and stdout are terminals and this is not CI. */
export function isInteractive(io: OperatorIo): boolean {
  return Boolean(io.stdin.isTTY && io.stdout.isTTY) && !isCi(io.env)
}

/** The operator's name from --operator or PREFLIGHT_OPERATOR; undefined when neither is set. */
export function operatorName(opts: OperatorOptions, env: NodeJS.ProcessEnv): string | undefined {
  const name = (opts.operator ?? env.PREFLIGHT_OPERATOR ?? '').trim()
  return name === '' ? undefined : name
}

/** Refuses --assume-yes where no human can stand behind it: in CI, without an operator name, or without a terminal. */
export function checkAssumeYes(opts: OperatorOptions, io: OperatorIo): void {
  if (!opts.assumeYes) return
  const fix = 'Run preflight in an interactive terminal and confirm each failure, or fix the migration.'
  if (isCi(io.env)) {
    throw new UsageError(`--assume-yes is refused in CI (CI=${io.env.CI}): accepting failures needs a human at a terminal.`, fix)
  }
  if (!operatorName(opts, io.env)) {
    throw new UsageError('--assume-yes needs an operator identity for the audit log.', 'Pass --operator <your name> or set PREFLIGHT_OPERATOR.')
  }
  if (!io.stdin.isTTY || !io.stdout.isTTY) {
    throw new UsageError('--assume-yes is refused without a terminal (stdin and stdout must be a TTY): accepting failures needs a human.', fix)
  }
}

export interface AcceptFailuresInput {
  readonly report: Report
  readonly opts: OperatorOptions
  readonly io: OperatorIo
  /** The target's `acceptable` list from the config; undefined takes the default. */
  readonly acceptable: readonly string[] | undefined
  readonly logDir: string
  readonly log: RunLog
  /** Where prompts go (stderr when stdout carries JSON). */
  readonly output: Writable
}

/** Lets the operator accept acceptable failures (prompt or --assume-yes), audits them and returns the updated report. */
export async function acceptFailures(input: AcceptFailuresInput): Promise<Report> {
  const { report, opts, io, log } = input
  const policy = acceptancePolicy(input.acceptable, checkCatalog())
  for (const { id, why } of policy.ignored) log.log('warn', `targets.${report.run.target}.acceptable: "${id}" ignored: ${why}`)
  const candidates = findCandidates(report, policy)
  if (candidates.length === 0) return report
  const auditPath = join(input.logDir, 'audit.log')
  let acceptances: Acceptance[]
  if (opts.assumeYes) {
    const operator = operatorName(opts, io.env)!
    acceptances = candidates.map((candidate) => ({ candidate, operator, reason: opts.reason ?? 'accepted with --assume-yes', mode: 'assume-yes' }))
  } else if (isInteractive(io)) {
    const operator = operatorName(opts, io.env) ?? report.run.user
    acceptances = await promptAcceptances(candidates, { input: io.stdin, output: input.output, operator, reason: opts.reason, target: report.run.target, auditPath })
  } else {
    log.log('info', `${candidates.length} failed finding(s) could be accepted by an operator at an interactive terminal`)
    return report
  }
  if (acceptances.length === 0) return report
  try {
    appendAuditLog(auditPath, acceptances.map((a) => auditEntry(report, a)))
  } catch (error) {
    // No audit entry, no acceptance: the failures stay in the report.
    log.log('error', `cannot write the audit log ${auditPath}: ${describeError(error)}`)
    io.stderr.write(`error: cannot write the audit log ${auditPath} (${describeError(error)}); nothing was accepted.\n`)
    return report
  }
  for (const a of acceptances) {
    log.log('warn', `accepted by ${a.operator} (${a.mode}): ${a.candidate.checkId}${a.candidate.at ? ` at ${a.candidate.at}` : ''}: ${a.reason}`)
  }
  if (opts.assumeYes) {
    const ids = [...new Set(acceptances.map((a) => a.candidate.checkId))].join(', ')
    input.output.write(`\nAccepted ${acceptances.length} failure${acceptances.length === 1 ? '' : 's'} as ${acceptances[0]!.operator} with --assume-yes (${ids}); recorded in ${auditPath}.\n`)
  }
  return applyAcceptances(report, acceptances)
}

export interface PromptOptions {
  readonly input: Readable
  readonly output: Writable
  readonly operator: string
  /** --reason: used for every acceptance instead of asking. */
  readonly reason?: string
  readonly target: string | null
  readonly auditPath: string
}

/** Asks the operator to confirm each candidate by typing its table name (or check id); Enter or anything else keeps it failing. */
export async function promptAcceptances(candidates: readonly AcceptanceCandidate[], options: PromptOptions): Promise<Acceptance[]> {
  const { output, operator } = options
  // terminal: false leaves echo and Ctrl-C to the terminal's own line discipline.
  const rl = createInterface({ input: options.input, terminal: false })
  const lines = rl[Symbol.asyncIterator]()
  const ask = async (question: string): Promise<string | undefined> => {
    output.write(question)
    const next = await lines.next()
    return next.done ? undefined : String(next.value).trim()
  }
  const accepted: Acceptance[] = []
  try {
    output.write(
      `\n${candidates.length} failure${candidates.length === 1 ? '' : 's'} on target "${options.target}" may be accepted by an operator (you: ${operator}).\n` +
        `Accepting changes only this report; preflight never changes the target. Each acceptance is appended to ${options.auditPath}.\n`,
    )
    for (const [i, c] of candidates.entries()) {
      output.write(`\n[${i + 1}/${candidates.length}] ${c.checkId}${c.at ? ` at ${c.at}` : ''}\n  ${c.message}\n`)
      const typed = await ask(`  To accept, type ${c.confirmWith === c.checkId ? 'the check id' : 'the table name'} "${c.confirmWith}" (Enter keeps it failing): `)
      if (typed === undefined) break
      if (!isConfirmed(typed, c.confirmWith)) {
        output.write(typed === '' ? '  Kept failing.\n' : `  "${typed}" does not match "${c.confirmWith}": kept failing.\n`)
        continue
      }
      const reason = options.reason ?? (await ask('  Why is this safe? (backup reference, ticket; recorded in the audit log): '))
      if (reason === undefined) break
      accepted.push({ candidate: c, operator, reason: reason || `confirmed by typing "${c.confirmWith}"`, mode: 'interactive' })
      output.write(`  Accepted by ${operator}.\n`)
    }
  } finally {
    rl.close()
  }
  return accepted
}

/** Whether the operator typed the expected name; a table in public may be typed without its schema. */
function isConfirmed(typed: string, expected: string): boolean {
  return typed === expected || (expected.startsWith('public.') && typed === expected.slice('public.'.length))
}
