/**
 * What the workflow run is about, from the runner's GITHUB_* environment and the event payload
 * file: the repository, the commit to report on (a pull request's head, not its merge commit),
 * and for pull requests whether they come from a fork (whose workflows get no secrets).
 */
import { readFileSync } from 'node:fs'

export interface PullRequestInfo {
  readonly number: number
  /** The head commit: check runs and file links go there, not to the merge commit. */
  readonly headSha: string
  readonly baseRepo: string
  readonly headRepo: string
  /** The head branch lives in another repository: no secrets, a read-only token. */
  readonly isFork: boolean
  /** As the payload counts them; the files API lists at most 3,000. */
  readonly changedFiles: number | undefined
}

export interface ActionEvent {
  readonly name: string
  readonly owner: string
  readonly repo: string
  /** The commit the run reports on. */
  readonly sha: string
  readonly pullRequest: PullRequestInfo | undefined
  readonly actor: string
  readonly serverUrl: string
  readonly apiUrl: string
  readonly runId: string
  readonly runAttempt: number
  /** Link to the workflow run, when the run id is known. */
  readonly runUrl: string | undefined
  readonly workspace: string
  /** The workflow file, e.g. ".github/workflows/preflight.yml", for messages about inputs. */
  readonly workflowFile: string | undefined
}

/** A problem with the runner environment itself (not an input). */
export class ActionEventError extends Error {
  readonly fix: string

  constructor(message: string, fix: string) {
    super(message)
    this.name = 'ActionEventError'
    this.fix = fix
  }
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

/** Reads the event; a pull request event without its payload is an error. */
export function readEvent(env: NodeJS.ProcessEnv, cwd: string): ActionEvent {
  const name = env.GITHUB_EVENT_NAME ?? ''
  const payload = readPayload(env.GITHUB_EVENT_PATH)
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!owner || !repo) {
    throw new ActionEventError('GITHUB_REPOSITORY is not set, so the action does not know which repository it runs for.', 'Run the action in a GitHub Actions workflow (the runner sets GITHUB_REPOSITORY).')
  }
  const serverUrl = (env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/$/, '')
  const pullRequest = PULL_REQUEST_EVENTS.has(name) ? readPullRequest(payload, `${owner}/${repo}`) : undefined
  const runId = env.GITHUB_RUN_ID ?? ''
  return {
    name,
    owner,
    repo,
    sha: pullRequest?.headSha ?? env.GITHUB_SHA ?? '',
    pullRequest,
    actor: env.GITHUB_ACTOR ?? '',
    serverUrl,
    apiUrl: (env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/$/, ''),
    runId,
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT) || 1,
    runUrl: runId ? `${serverUrl}/${owner}/${repo}/actions/runs/${runId}` : undefined,
    workspace: env.GITHUB_WORKSPACE || cwd,
    workflowFile: workflowFileOf(env.GITHUB_WORKFLOW_REF),
  }
}

/** The parsed payload, or {} when there is none (a local run). */
function readPayload(path: string | undefined): Record<string, unknown> {
  if (!path) return {}
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw new ActionEventError(`Cannot read the event payload ${path}: ${(error as Error).message}`, 'This is a runner problem; re-run the job.')
  }
}

/** The pull request fields the action needs. */
function readPullRequest(payload: Record<string, unknown>, repository: string): PullRequestInfo {
  const pr = payload.pull_request as
    | { number?: number; changed_files?: number; head?: { sha?: string; repo?: { full_name?: string } | null }; base?: { repo?: { full_name?: string } } }
    | undefined
  if (!pr || typeof pr.number !== 'number' || !pr.head?.sha) {
    throw new ActionEventError('The pull_request event payload has no pull request number or head commit.', 'This is a runner problem; re-run the job.')
  }
  const baseRepo = pr.base?.repo?.full_name ?? repository
  // A deleted fork has no head repo: treat it as a fork, it certainly has no secrets.
  const headRepo = pr.head.repo?.full_name ?? '(deleted fork)'
  return {
    number: pr.number,
    headSha: pr.head.sha,
    baseRepo,
    headRepo,
    isFork: headRepo.toLowerCase() !== baseRepo.toLowerCase(),
    changedFiles: typeof pr.changed_files === 'number' ? pr.changed_files : undefined,
  }
}

/** "owner/repo/.github/workflows/x.yml@refs/heads/main" -> ".github/workflows/x.yml". */
function workflowFileOf(ref: string | undefined): string | undefined {
  const match = ref ? /^[^/]+\/[^/]+\/(.+?)(@.*)?$/.exec(ref) : null
  return match?.[1]
}
