/**
 * One sticky pull request comment per target, found by a hidden marker and edited in place on
 * every run, as dependency-review's comment-pr.ts does: reviewers never see a second comment.
 */
import { retryOperation, type NetworkSettings, type Octokit } from './github.js'

/** GitHub rejects comment bodies over 65,536 characters. */
export const MAX_COMMENT_LENGTH = 65_536

export interface PullRequestRef {
  readonly owner: string
  readonly repo: string
  readonly number: number
}

export interface CommentResult {
  readonly action: 'created' | 'updated' | 'skipped'
  readonly url: string | undefined
}

/** The hidden marker that identifies the comment of a target. */
export function commentMarker(target: string): string {
  return `<!-- migrations-preflight:comment target=${target} -->`
}

/**
 * Updates the target's comment, or creates it when `mayCreate` (an update is always made, so a
 * stale failure never stays on the pull request). A retry after a failed create looks again first.
 */
export async function upsertComment(
  octokit: Octokit,
  pr: PullRequestRef,
  target: string,
  body: string,
  mayCreate: boolean,
  settings: NetworkSettings,
  log: (m: string) => void,
): Promise<CommentResult> {
  const marker = commentMarker(target)
  const full = `${marker}\n${body}`.slice(0, MAX_COMMENT_LENGTH)
  return retryOperation('Writing the pull request comment', settings, log, async () => {
    const existing = await findComment(octokit, pr, marker)
    if (existing) {
      const { data } = await octokit.rest.issues.updateComment({ owner: pr.owner, repo: pr.repo, comment_id: existing.id, body: full })
      return { action: 'updated', url: data.html_url }
    }
    if (!mayCreate) return { action: 'skipped', url: undefined }
    const { data } = await octokit.rest.issues.createComment({ owner: pr.owner, repo: pr.repo, issue_number: pr.number, body: full })
    return { action: 'created', url: data.html_url }
  })
}

/** The first comment carrying the marker, looking through every page. */
async function findComment(octokit: Octokit, pr: PullRequestRef, marker: string): Promise<{ id: number } | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 })
  for await (const page of pages) {
    const found = page.data.find((c) => c.body?.includes(marker))
    if (found) return { id: found.id }
  }
  return undefined
}
