/**
 * The check run `Migrations preflight (<target>)` on the commit under review: created in progress
 * before preflight starts, then updated with the verdict and the annotations, 50 per request.
 * Its conclusion is what branch protection requires.
 */
import type { Annotation } from './annotations.js'
import { batches } from './annotations.js'
import { retryOperation, type NetworkSettings, type Octokit } from './github.js'

export interface CheckRunTarget {
  readonly owner: string
  readonly repo: string
  readonly sha: string
  readonly name: string
  /** Identifies this run's check run, so a retried create can find the first attempt's. */
  readonly externalId: string
  readonly detailsUrl: string | undefined
}

export interface CheckRunHandle {
  readonly id: number
  readonly url: string
}

export interface CheckRunOutcome {
  readonly conclusion: 'success' | 'failure' | 'neutral'
  readonly title: string
  /** Markdown, at most 65,535 characters. */
  readonly summary: string
  readonly annotations: readonly Annotation[]
}

/** The API's cap on output.summary. */
export const MAX_SUMMARY = 65_535

type CreateParameters = NonNullable<Parameters<Octokit['rest']['checks']['create']>[0]>
type CreateFields = Omit<CreateParameters, 'owner' | 'repo' | 'name' | 'head_sha' | 'external_id' | 'details_url'>

/** The check run's name for a target. */
export function checkRunName(target: string): string {
  return `Migrations preflight (${target})`
}

/** Creates the check run in progress. */
export async function startCheckRun(octokit: Octokit, target: CheckRunTarget, settings: NetworkSettings, log: (m: string) => void): Promise<CheckRunHandle> {
  return createCheckRun(octokit, target, { status: 'in_progress', started_at: new Date().toISOString() }, settings, log)
}

/** Creates an already completed check run (no migration changes: nothing to annotate). */
export async function createCompletedCheckRun(
  octokit: Octokit,
  target: CheckRunTarget,
  outcome: Omit<CheckRunOutcome, 'annotations'>,
  settings: NetworkSettings,
  log: (m: string) => void,
): Promise<CheckRunHandle> {
  const output = { title: outcome.title, summary: outcome.summary.slice(0, MAX_SUMMARY) }
  return createCheckRun(octokit, target, { status: 'completed', conclusion: outcome.conclusion, completed_at: new Date().toISOString(), output } as CreateFields, settings, log)
}

/** Completes the check run: annotations in batches of 50, the last request also sets the conclusion. */
export async function completeCheckRun(octokit: Octokit, target: CheckRunTarget, handle: CheckRunHandle, outcome: CheckRunOutcome): Promise<void> {
  const groups = batches(outcome.annotations)
  if (groups.length === 0) groups.push([])
  const output = { title: outcome.title, summary: outcome.summary.slice(0, MAX_SUMMARY) }
  for (const [i, annotations] of groups.entries()) {
    const isLast = i === groups.length - 1
    await octokit.rest.checks.update({
      owner: target.owner,
      repo: target.repo,
      check_run_id: handle.id,
      output: { ...output, ...(annotations.length > 0 ? { annotations: [...annotations] } : {}) },
      ...(isLast ? { status: 'completed' as const, conclusion: outcome.conclusion, completed_at: new Date().toISOString() } : {}),
    })
  }
}

/** POSTs a check run; a retry first looks for the one an earlier attempt may have created before failing. */
async function createCheckRun(octokit: Octokit, target: CheckRunTarget, fields: CreateFields, settings: NetworkSettings, log: (m: string) => void): Promise<CheckRunHandle> {
  let isRetry = false
  return retryOperation('Creating the check run', settings, log, async () => {
    if (isRetry) {
      const existing = await findCheckRun(octokit, target)
      if (existing) return existing
    }
    isRetry = true
    const { data } = await octokit.rest.checks.create({
      ...fields,
      owner: target.owner,
      repo: target.repo,
      name: target.name,
      head_sha: target.sha,
      external_id: target.externalId,
      ...(target.detailsUrl ? { details_url: target.detailsUrl } : {}),
    } as CreateParameters)
    return { id: data.id, url: data.html_url ?? '' }
  })
}

/** This run's check run on the commit, by name and external id, if an earlier attempt created it. */
async function findCheckRun(octokit: Octokit, target: CheckRunTarget): Promise<CheckRunHandle | undefined> {
  const { data } = await octokit.rest.checks.listForRef({ owner: target.owner, repo: target.repo, ref: target.sha, check_name: target.name, filter: 'latest', per_page: 100 })
  const found = data.check_runs.find((r) => r.external_id === target.externalId)
  return found ? { id: found.id, url: found.html_url ?? '' } : undefined
}
