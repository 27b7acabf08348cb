/**
 * The state of one action run, created inside run() and passed down: inputs, event, clients,
 * the redactor every printed line goes through, and the notes that the comment, the check run
 * and the job summary all repeat (fork skipped the target, a permission was missing...).
 */
import * as core from '@actions/core'
import { existsSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { RunLog } from '../engine/log.js'
import type { Redactor } from '../engine/redact.js'
import type { ActionEvent } from './event.js'
import type { NetworkSettings, Octokit } from './github.js'
import type { ActionInputs } from './inputs.js'

export interface ActionRun {
  readonly env: NodeJS.ProcessEnv
  readonly event: ActionEvent
  readonly inputs: ActionInputs
  readonly redactor: Redactor
  readonly settings: NetworkSettings
  /** Undefined without a token: no comment, no check run, annotations through workflow commands. */
  readonly octokit: Octokit | undefined
  /** Where reports and the log are written (under RUNNER_TEMP). */
  readonly outDir: string
  readonly log: RunLog
  readonly toolVersion: string
  /** Paragraphs shown after the verdict in the comment, the check run and the job summary. */
  readonly notes: string[]
  /** Absolute URL prefix of the runbook pages, when known. */
  readonly runbookBase: string | undefined
}

/** Prints an info line, redacted, and records it in the log file. */
export function say(run: Pick<ActionRun, 'redactor' | 'log'>, message: string): void {
  core.info(run.redactor.redact(message))
  run.log.log('info', message)
}

/** Prints a warning (an annotation on the run), redacted, and records it in the log file. */
export function warn(run: Pick<ActionRun, 'redactor' | 'log'>, message: string): void {
  core.warning(run.redactor.redact(message))
  run.log.log('warn', message)
}

/** The repository-relative path of a report path (relative to the project, i.e. the config's folder). */
export function repoPathOf(run: ActionRun, baseDir: string, file: string): string {
  const abs = isAbsolute(file) ? file : resolve(baseDir, file)
  return relative(run.event.workspace, abs).split('\\').join('/')
}

/** A link to a line of a file at the commit under review. */
export function blobLink(event: ActionEvent, repoPath: string, line: number | undefined): string | undefined {
  if (!event.sha) return undefined
  return `${event.serverUrl}/${event.owner}/${event.repo}/blob/${event.sha}/${encodeURI(repoPath)}${line ? `#L${line}` : ''}`
}

/**
 * Where the runbook pages are online: the action's repository at its ref (`uses: owner/repo@v1`),
 * or this repository at the commit when the action is used from the checkout (`uses: ./`).
 */
export function findRunbookBase(env: NodeJS.ProcessEnv, event: ActionEvent): string | undefined {
  if (env.GITHUB_ACTION_REPOSITORY && env.GITHUB_ACTION_REF) {
    return `${event.serverUrl}/${env.GITHUB_ACTION_REPOSITORY}/blob/${env.GITHUB_ACTION_REF}/runbook`
  }
  const actionRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  const rel = relative(event.workspace, actionRoot)
  if (!event.sha || rel.startsWith('..') || isAbsolute(rel) || !existsSync(join(actionRoot, 'runbook'))) return undefined
  return `${event.serverUrl}/${event.owner}/${event.repo}/blob/${event.sha}/${rel ? `${rel.split('\\').join('/')}/` : ''}runbook`
}
