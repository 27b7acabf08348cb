/**
 * Everything the action does with a finished report: write the report files, complete the check
 * run with annotations, update the sticky comment, upload the artifact, write the job summary and
 * set the outputs. Each GitHub step runs in its own try: a missing permission or an outage costs
 * that step only (with a note saying so), never the reports or the verdict.
 */
import * as core from '@actions/core'
import type { Report } from '../engine/report.js'
import { renderJson } from '../report/json.js'
import { renderMarkdown } from '../report/md.js'
import { renderSarif } from '../report/sarif.js'
import { renderTxt } from '../report/txt.js'
import { toAnnotations, writeWorkflowAnnotations, type Annotation } from './annotations.js'
import { uploadReports, writeReportFiles, type ReportFiles } from './artifact.js'
import { completeCheckRun, MAX_SUMMARY, type CheckRunHandle, type CheckRunTarget } from './check-run.js'
import { commentMarker, MAX_COMMENT_LENGTH, upsertComment } from './comment.js'
import { describeApiError } from './github.js'
import { blobLink, repoPathOf, say, warn, type ActionRun } from './run-context.js'

/** GitHub's job summary takes up to 1 MiB per step. */
const MAX_JOB_SUMMARY = 900_000

export interface Published {
  readonly files: ReportFiles
  readonly commentUrl: string | undefined
  readonly checkRunUrl: string | undefined
}

/** Publishes the report everywhere it goes; never throws for a GitHub failure. */
export async function publishReport(run: ActionRun, report: Report, baseDir: string, checkRun: { target: CheckRunTarget; handle: CheckRunHandle } | undefined): Promise<Published> {
  const toRepoPath = (file: string): string => repoPathOf(run, baseDir, file)
  const files = writeReports(run, report, toRepoPath)
  const annotations = run.inputs.annotations ? toAnnotations(report, toRepoPath) : []

  let checkRunUrl: string | undefined
  if (checkRun) {
    checkRunUrl = await finishCheckRun(run, report, checkRun, annotations, toRepoPath)
  }
  if (!checkRunUrl && annotations.length > 0) {
    writeWorkflowAnnotations(annotations, redactedSink(run))
    say(run, `Wrote ${annotations.length} annotation${annotations.length === 1 ? '' : 's'} as workflow commands.`)
  }
  const commentUrl = await postComment(run, report, toRepoPath)
  await uploadArtifact(run, files)
  await writeJobSummary(run, renderForGitHub(run, report, toRepoPath, MAX_JOB_SUMMARY))
  return { files, commentUrl, checkRunUrl }
}

/** Renders and writes the txt, json, sarif and md reports (before anything talks to GitHub). */
function writeReports(run: ActionRun, report: Report, toRepoPath: (file: string) => string): ReportFiles {
  const base = `migrations-preflight-${run.inputs.target}`
  const files = writeReportFiles(run.outDir, base, {
    txt: renderTxt(report),
    json: renderJson(report),
    sarif: renderSarif(report, { runbookBase: run.runbookBase, toRepoPath }),
    md: renderForGitHub(run, report, toRepoPath, Number.MAX_SAFE_INTEGER),
  })
  say(run, `Reports written to ${files.dir}.`)
  return files
}

/** The Markdown report with file links to the commit under review, runbook links and the run's notes. */
export function renderForGitHub(run: ActionRun, report: Report, toRepoPath: (file: string) => string, maxLength: number): string {
  const hint = run.inputs.uploadArtifact
    ? `Download the \`${run.inputs.artifactName}\` artifact${run.event.runUrl ? ` from [the workflow run](${run.event.runUrl})` : ''} for every finding.`
    : 'The txt and json reports on the runner have every finding.'
  return renderMarkdown(report, {
    maxLength,
    fileLink: (file, line) => blobLink(run.event, toRepoPath(file), line),
    ...(run.runbookBase ? { runbookBase: run.runbookBase } : {}),
    notes: run.notes,
    fullReportHint: hint,
  })
}

/** Completes the check run; on failure, notes it and returns undefined so annotations fall back to workflow commands. */
async function finishCheckRun(
  run: ActionRun,
  report: Report,
  checkRun: { target: CheckRunTarget; handle: CheckRunHandle },
  annotations: readonly Annotation[],
  toRepoPath: (file: string) => string,
): Promise<string | undefined> {
  const c = report.counts
  const verdict = report.verdict === 'passed' ? 'Passed' : report.verdict === 'failed' ? 'Failed' : 'Error'
  try {
    await completeCheckRun(run.octokit!, checkRun.target, checkRun.handle, {
      conclusion: report.verdict === 'passed' ? 'success' : 'failure',
      title: `${verdict}: ${c.fail} failed, ${c.error} errored, ${c.warn} warned, ${c.findings} finding${c.findings === 1 ? '' : 's'}`,
      summary: renderForGitHub(run, report, toRepoPath, MAX_SUMMARY - 100),
      annotations,
    })
    say(run, `Check run "${checkRun.target.name}" completed (${annotations.length} annotation${annotations.length === 1 ? '' : 's'}): ${checkRun.handle.url}`)
    return checkRun.handle.url || undefined
  } catch (error) {
    const failure = describeApiError(error)
    const note = `The check run could not be completed (GitHub answered ${failure.status ?? 'nothing'}: ${failure.message}); the findings are annotations in the workflow log instead.`
    run.notes.push(note)
    warn(run, note)
    return undefined
  }
}

/** Creates or updates the sticky comment as the `comment` input says; returns its URL. */
async function postComment(run: ActionRun, report: Report, toRepoPath: (file: string) => string): Promise<string | undefined> {
  const pr = run.event.pullRequest
  if (!pr || run.inputs.comment === 'never') return undefined
  if (!run.octokit) return undefined
  const mayCreate = run.inputs.comment === 'always' || report.verdict !== 'passed'
  const body = renderForGitHub(run, report, toRepoPath, MAX_COMMENT_LENGTH - commentMarker(run.inputs.target).length - 10)
  try {
    const result = await upsertComment(run.octokit, { owner: run.event.owner, repo: run.event.repo, number: pr.number }, run.inputs.target, body, mayCreate, run.settings, (m) => say(run, m))
    if (result.action !== 'skipped') say(run, `Pull request comment ${result.action}: ${result.url}`)
    return result.url
  } catch (error) {
    const failure = describeApiError(error)
    const why = failure.isPermission ? 'the token cannot write to pull requests (`pull-requests: write` is missing, as on pull requests from forks)' : `GitHub answered ${failure.status ?? 'nothing'}: ${failure.message}`
    const note = `The pull request comment could not be written: ${why}. The job summary has the report.`
    run.notes.push(note)
    warn(run, note)
    return undefined
  }
}

/** Uploads the report files as one artifact when the input asks for it; a failure is a warning. */
async function uploadArtifact(run: ActionRun, files: ReportFiles): Promise<void> {
  if (!run.inputs.uploadArtifact) return
  const list = [files.txt, files.json, files.sarif, files.md, ...(run.log.path ? [run.log.path] : [])]
  try {
    const result = await uploadReports(run.inputs.artifactName, list, files.dir, run.inputs.artifactRetentionDays, run.settings.artifactTimeoutMs)
    say(run, `Artifact ${run.inputs.artifactName} uploaded (${result.size ?? 0} bytes).`)
  } catch (error) {
    const note = `The reports could not be uploaded as an artifact: ${(error as Error)?.message ?? String(error)}. They are in ${files.dir} on the runner and in this summary.`
    run.notes.push(note)
    warn(run, note)
  }
}

/** Appends Markdown to the job summary; without GITHUB_STEP_SUMMARY (a local run) it is only logged. */
export async function writeJobSummary(run: ActionRun, markdown: string): Promise<void> {
  if (!run.env.GITHUB_STEP_SUMMARY) {
    run.log.log('info', 'no GITHUB_STEP_SUMMARY: job summary not written')
    return
  }
  try {
    await core.summary.addRaw(run.redactor.redact(markdown), true).write()
  } catch (error) {
    warn(run, `The job summary could not be written: ${((error as Error)?.message ?? String(error)).replace(/\.+$/, '')}.`)
  }
}

/** Workflow-command annotations with every message redacted. */
function redactedSink(run: ActionRun): Parameters<typeof writeWorkflowAnnotations>[1] {
  const r = (text: string): string => run.redactor.redact(text)
  const props = (p: Record<string, string | number>): core.AnnotationProperties => ({
    title: r(String(p.title)),
    file: String(p.file),
    startLine: Number(p.startLine),
    endLine: Number(p.endLine),
    ...(p.startColumn ? { startColumn: Number(p.startColumn), endColumn: Number(p.endColumn) } : {}),
  })
  return {
    error: (m, p) => core.error(r(m), props(p)),
    warning: (m, p) => core.warning(r(m), props(p)),
    notice: (m, p) => core.notice(r(m), props(p)),
  }
}
