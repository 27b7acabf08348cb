/**
 * The GitHub Action, a thin adapter over the engine: read inputs, mask secrets, decide what to
 * analyse (a pull request's changed migrations, or everything pending), run preflight, then
 * publish (check run, sticky comment, annotations, job summary, artifact, outputs). The exit code
 * is the preflight verdict; invalid inputs exit 2 with what, where and how to fix, never a stack.
 */
import * as core from '@actions/core'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { loadConfig, type LoadedConfig } from '../config/load.js'
import { toolVersion } from '../cli/version.js'
import { EXIT, PreflightError, UsageError, describeError } from '../engine/errors.js'
import { createFileLog } from '../engine/log.js'
import type { CheckResult } from '../engine/model.js'
import { Redactor } from '../engine/redact.js'
import { exitCodeOf, type Report } from '../engine/report.js'
import { runPreflight } from '../engine/run.js'
import { classifyChanges, listChangedFiles, type MigrationChangeSet } from './changed-files.js'
import { checkRunName, completeCheckRun, createCompletedCheckRun, startCheckRun, type CheckRunHandle, type CheckRunTarget } from './check-run.js'
import { upsertComment } from './comment.js'
import { ActionEventError, readEvent, type ActionEvent } from './event.js'
import { createOctokit, describeApiError, networkSettings } from './github.js'
import { ActionInputError, formatInputProblems, getInput, readInputs, secretsOfUrl, type ActionInputs } from './inputs.js'
import { publishReport, writeJobSummary } from './publish.js'
import { findRunbookBase, say, warn, type ActionRun } from './run-context.js'

const ICON: Readonly<Record<CheckResult['status'], string>> = { pass: '✔', warn: '⚠', fail: '✖', error: '⛔', skip: '↷' }

/** What the pull request asks to analyse. */
type Scope = { kind: 'all' } | { kind: 'changes'; changes: MigrationChangeSet } | { kind: 'none' }

/** Runs the action and returns the process exit code. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const redactor = new Redactor()
  // Before anything can be printed: the URL, its password, and the token.
  maskSecret(redactor, ...secretsOfUrl(getInput(env, 'database-url')), getInput(env, 'github-token'))
  let event: ActionEvent | undefined
  let inputs: ActionInputs
  try {
    event = readEvent(env, process.cwd())
    inputs = readInputs(env, event.workspace)
  } catch (error) {
    return failSetup(error, event, redactor)
  }
  const action = createRun(env, event, inputs, redactor)
  try {
    return await execute(action)
  } catch (error) {
    return await failRun(action, error)
  }
}

/** Masks secrets with the runner (::add-mask::) and registers them with the redactor. */
function maskSecret(redactor: Redactor, ...secrets: string[]): void {
  for (const secret of secrets) {
    if (!secret) continue
    core.setSecret(secret)
    redactor.add(secret)
  }
}

/** Invalid inputs or runner environment: every problem with its fix, exit 2. */
function failSetup(error: unknown, event: ActionEvent | undefined, redactor: Redactor): number {
  if (error instanceof ActionInputError) {
    core.setFailed(redactor.redact(formatInputProblems(error.problems, event?.workflowFile)))
    return EXIT.usage
  }
  if (error instanceof ActionEventError) {
    core.setFailed(redactor.redact(`${error.message}\n  Fix: ${error.fix}`))
    return EXIT.usage
  }
  core.setFailed(redactor.redact(`Internal error while reading the inputs: ${describeError(error)}. Please report this.`))
  return EXIT.internal
}

/** Builds the run state; clients are created here and passed down. */
function createRun(env: NodeJS.ProcessEnv, event: ActionEvent, inputs: ActionInputs, redactor: Redactor): ActionRun {
  const settings = networkSettings(env)
  const outDir = join(env.RUNNER_TEMP || tmpdir(), `migrations-preflight-${inputs.target}-${event.runId || process.pid}`)
  const log = createFileLog(join(outDir, `migrations-preflight-${inputs.target}.log`), redactor)
  const version = toolVersion()
  const partial = { redactor, log }
  const octokit = inputs.githubToken ? createOctokit(inputs.githubToken, event.apiUrl, `migrations-preflight/${version}`, settings, (m) => say(partial, m)) : undefined
  return { env, event, inputs, redactor, settings, octokit, outDir, log, toolVersion: version, notes: [], runbookBase: findRunbookBase(env, event) }
}

/** The whole run after setup. */
async function execute(run: ActionRun): Promise<number> {
  const { inputs, event } = run
  process.chdir(inputs.workingDirectory)
  const loaded = loadConfig({ configPath: inputs.config, cwd: inputs.workingDirectory })
  // Still before the first line is printed: URLs the config builds from the environment.
  maskConfigUrls(run, loaded)
  say(run, `Migrations preflight ${run.toolVersion}: target "${inputs.target}", event ${event.name || '(none)'}${event.pullRequest ? ` on pull request #${event.pullRequest.number} (head ${event.sha.slice(0, 7)})` : event.sha ? ` at ${event.sha.slice(0, 7)}` : ''}.`)
  if (!run.octokit) {
    run.notes.push('No `github-token` was given, so there is no check run and no pull request comment; findings are annotations in the workflow log.')
  }
  requireTarget(loaded, inputs.target)
  const migrationsDir = inputs.migrationsPath ? resolve(inputs.workingDirectory, inputs.migrationsPath) : resolve(loaded.baseDir, loaded.config.migrations.path)

  const scope = await decideScope(run, migrationsDir, loaded.baseDir)
  if (scope.kind === 'none') return reportNoChanges(run, migrationsDir)

  const checkTarget = checkRunTarget(run)
  const handle = checkTarget ? await openCheckRun(run, checkTarget) : undefined
  let report: Report
  try {
    report = await runPreflight({
      command: 'preflight',
      loaded,
      targetName: inputs.target,
      databaseUrl: inputs.databaseUrl,
      migrationsPath: inputs.migrationsPath ? migrationsDir : undefined,
      ...(scope.kind === 'changes' ? { onlyFiles: scope.changes.pending, changes: { modified: scope.changes.modified, removed: scope.changes.removed } } : {}),
      staticOnlyReason: staticOnlyReason(run, loaded),
      failOn: inputs.failOn,
      log: run.log,
      redactor: run.redactor,
      toolVersion: run.toolVersion,
      onResult: (r) => say(run, `${ICON[r.status]} ${r.status.padEnd(4)} ${r.id}: ${r.summary}`),
      onStage: (m) => say(run, m),
    })
  } catch (error) {
    if (checkTarget && handle) await abandonCheckRun(run, checkTarget, handle, error)
    throw error
  }
  const published = await publishReport(run, report, loaded.baseDir, checkTarget && handle ? { target: checkTarget, handle } : undefined)
  setOutputs(run, report, published)
  return finish(run, report)
}

/** Masks every target URL the config resolved from the environment (the runner masks secrets, not what is built from them). */
function maskConfigUrls(run: ActionRun, loaded: LoadedConfig): void {
  for (const target of Object.values(loaded.config.targets)) {
    if (target.url) maskSecret(run.redactor, ...secretsOfUrl(target.url))
  }
}

/** Fails early, before any check run exists, when the target is not in the config. */
function requireTarget(loaded: LoadedConfig, target: string): void {
  if (loaded.config.targets[target]) return
  const names = Object.keys(loaded.config.targets).sort()
  const where = loaded.file ?? 'the config (no migrations.config.yaml was found from working-directory upwards)'
  throw new UsageError(
    `Unknown target "${target}" in ${where}.`,
    names.length > 0 ? `Set the \`target\` input to one of: ${names.join(', ')}.` : 'Add the target under `targets:` in migrations.config.yaml, or set the `config` input to the right file.',
  )
}

/** On a pull request, the migrations it changes; elsewhere (push, workflow_dispatch) everything pending. */
async function decideScope(run: ActionRun, migrationsDir: string, baseDir: string): Promise<Scope> {
  const pr = run.event.pullRequest
  if (!pr) {
    say(run, `Event ${run.event.name || '(none)'}: analysing every migration pending on "${run.inputs.target}".`)
    return { kind: 'all' }
  }
  if (!run.octokit) {
    run.notes.push('The changed files of the pull request could not be listed without a token, so every migration pending on the target was analysed.')
    return { kind: 'all' }
  }
  try {
    const listed = await listChangedFiles(run.octokit, run.event.owner, run.event.repo, pr.number, pr.changedFiles)
    if (listed.isTruncated) {
      run.notes.push(`This pull request changes more than ${listed.files.length.toLocaleString('en-US')} files, more than GitHub lists, so every migration pending on the target was analysed.`)
      return { kind: 'all' }
    }
    const changes = classifyChanges(listed.files, run.event.workspace, migrationsDir, baseDir)
    say(run, `Pull request #${pr.number} changes ${listed.files.length} files, ${changes.count} under ${relativeToWorkspace(run, migrationsDir)} (${changes.pending.length} added or modified, ${changes.removed.length} removed or renamed).`)
    return changes.count === 0 ? { kind: 'none' } : { kind: 'changes', changes }
  } catch (error) {
    const failure = describeApiError(error)
    const note = `The changed files of the pull request could not be listed (GitHub answered ${failure.status ?? 'nothing'}: ${failure.message}), so every migration pending on the target was analysed.`
    run.notes.push(note)
    warn(run, note)
    return { kind: 'all' }
  }
}

/** A pull request without migration changes: a quick success, and no new comment. */
async function reportNoChanges(run: ActionRun, migrationsDir: string): Promise<number> {
  const folder = relativeToWorkspace(run, migrationsDir)
  const text = `No migration changes: this pull request changes nothing under \`${folder}\`, so there is nothing to check against \`${run.inputs.target}\`.`
  say(run, text)
  const target = checkRunTarget(run)
  let checkRunUrl: string | undefined
  if (target && run.octokit) {
    try {
      const handle = await createCompletedCheckRun(run.octokit, target, { conclusion: 'success', title: 'No migration changes', summary: text }, run.settings, (m) => say(run, m))
      checkRunUrl = handle.url || undefined
    } catch (error) {
      warn(run, `The check run could not be created (${describeApiError(error).message}).`)
    }
  }
  let commentUrl: string | undefined
  const pr = run.event.pullRequest!
  if (run.octokit && run.inputs.comment !== 'never') {
    // Only an earlier comment is updated, so a stale failure does not linger; none is created.
    const body = `### Migrations preflight: ${run.inputs.target}: ✅ No migration changes\n\n${text}\n`
    try {
      commentUrl = (await upsertComment(run.octokit, { owner: run.event.owner, repo: run.event.repo, number: pr.number }, run.inputs.target, body, false, run.settings, (m) => say(run, m))).url
    } catch (error) {
      warn(run, `The earlier pull request comment could not be updated (${describeApiError(error).message}).`)
    }
  }
  await writeJobSummary(run, `### Migrations preflight: ${run.inputs.target}: ✅ No migration changes\n\n${text}\n`)
  setOutput('result', 'passed')
  setOutput('failed-checks', '')
  setOutput('warnings', '0')
  setOutput('report-json', '')
  setOutput('report-txt', '')
  setOutput('report-sarif', '')
  setOutput('comment-url', commentUrl ?? '')
  setOutput('check-run-url', checkRunUrl ?? '')
  return EXIT.passed
}

/** Why only static analysis runs: a fork's (or Dependabot's) pull request has no secrets, so no database URL. */
function staticOnlyReason(run: ActionRun, loaded: LoadedConfig): string | undefined {
  const pr = run.event.pullRequest
  const hasUrl = !!run.inputs.databaseUrl || !!loaded.config.targets[run.inputs.target]?.url
  if (!pr || hasUrl) return undefined
  const who = pr.isFork ? `comes from a fork (${pr.headRepo})` : run.event.actor === 'dependabot[bot]' ? 'was opened by Dependabot' : undefined
  if (!who) return undefined
  const reason = `This pull request ${who}, and GitHub gives such workflows no secrets, so the database URL of "${run.inputs.target}" is not available: the checks against the target were skipped and only the static analysis of the migration files ran.`
  run.notes.push(`**Target checks skipped.** ${reason} They run when a maintainer starts this workflow by hand (workflow_dispatch) or after the merge.`)
  return reason
}

/** Where the check run goes: the pull request's head commit, or the pushed commit. */
function checkRunTarget(run: ActionRun): CheckRunTarget | undefined {
  if (!run.octokit || !run.event.sha) return undefined
  return {
    owner: run.event.owner,
    repo: run.event.repo,
    sha: run.event.sha,
    name: checkRunName(run.inputs.target),
    externalId: `migrations-preflight:${run.event.runId || 'local'}:${run.event.runAttempt}:${run.inputs.target}`,
    detailsUrl: run.event.runUrl,
  }
}

/** Creates the in-progress check run; without permission, notes the fallback and goes on. */
async function openCheckRun(run: ActionRun, target: CheckRunTarget): Promise<CheckRunHandle | undefined> {
  try {
    const handle = await startCheckRun(run.octokit!, target, run.settings, (m) => say(run, m))
    say(run, `Check run "${target.name}" started on ${target.sha.slice(0, 7)}.`)
    return handle
  } catch (error) {
    const failure = describeApiError(error)
    const why = failure.isPermission
      ? 'the token lacks `checks: write` (on pull requests from forks the token is read-only)'
      : `GitHub answered ${failure.status ?? 'nothing'}: ${failure.message}`
    const note = `No check run was created: ${why}. The findings are annotations in the workflow log instead (GitHub shows at most 10 errors and 10 warnings per step on the pull request), and this job's own status carries the verdict.`
    run.notes.push(note)
    warn(run, note)
    return undefined
  }
}

/** Completes a started check run when preflight could not produce a report, so it does not stay in progress. */
async function abandonCheckRun(run: ActionRun, target: CheckRunTarget, handle: CheckRunHandle, error: unknown): Promise<void> {
  const message = error instanceof PreflightError ? `${error.message}${error.fix ? ` Fix: ${error.fix}` : ''}` : `Internal error: ${describeError(error)}`
  try {
    await completeCheckRun(run.octokit!, target, handle, { conclusion: 'failure', title: 'Preflight could not run', summary: run.redactor.redact(message), annotations: [] })
  } catch (e) {
    warn(run, `The check run could not be completed (${describeApiError(e).message}).`)
  }
}

/** Sets the step outputs. */
function setOutputs(run: ActionRun, report: Report, published: Awaited<ReturnType<typeof publishReport>>): void {
  const failed = report.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id)
  setOutput('result', report.verdict)
  setOutput('failed-checks', failed.join(','))
  setOutput('warnings', String(report.counts.warn))
  setOutput('report-json', published.files.json)
  setOutput('report-txt', published.files.txt)
  setOutput('report-sarif', published.files.sarif)
  setOutput('comment-url', published.commentUrl ?? '')
  setOutput('check-run-url', published.checkRunUrl ?? '')
}

/** Prints the verdict and turns it into the exit code. */
function finish(run: ActionRun, report: Report): number {
  const c = report.counts
  const line = `${report.verdict.toUpperCase()}: ${c.fail} failed, ${c.error} errored, ${c.warn} warned, ${c.pass} passed, ${c.skip} skipped; ${c.findings} finding${c.findings === 1 ? '' : 's'}.`
  say(run, line)
  if (report.verdict !== 'passed') {
    const failed = report.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => c.id)
    const why = failed.length > 0 ? failed.join(', ') : `warnings with fail-on: ${run.inputs.failOn}`
    core.setFailed(run.redactor.redact(`Migrations preflight ${report.verdict} for target "${run.inputs.target}": ${why}. The job summary and the pull request comment say what to do.`))
  }
  return exitCodeOf(report.verdict)
}

/** A config or usage error prints message and fix (exit 2); anything else is internal (exit 3, stack in the log only). */
async function failRun(run: ActionRun, error: unknown): Promise<number> {
  setOutput('result', 'error')
  const isKnown = error instanceof PreflightError
  const message = isKnown
    ? `${error.message}${error.fix ? `\n  Fix: ${error.fix}` : ''}`
    : `Internal error: ${describeError(error)}. The log file ${run.log.path ?? ''} has the details; please report this.`
  run.log.log('error', `run stopped: ${describeError(error)}`, isKnown ? undefined : { stack: (error as Error)?.stack })
  core.setFailed(run.redactor.redact(message))
  await writeJobSummary(run, `### Migrations preflight: ${run.inputs.target}: ⛔ Could not run\n\n${message.replace(/\n\s*/g, '\n\n')}\n`)
  return isKnown ? error.exitCode : EXIT.internal
}

/** Sets a step output; a runner without a usable GITHUB_OUTPUT file costs the outputs, not the run. */
function setOutput(name: string, value: string): void {
  try {
    core.setOutput(name, value)
  } catch (error) {
    core.warning(`The output ${name} could not be set: ${describeError(error)}`)
  }
}

/** A path relative to the repository root, for messages. */
function relativeToWorkspace(run: ActionRun, path: string): string {
  return relative(run.event.workspace, path).split('\\').join('/') || '.'
}
