/**
 * The pull request's changed files, through the paginated files API (which lists at most 3,000),
 * sorted into what preflight needs: files to analyse as pending, and migrations the change
 * modifies or removes (editing history, checked against the target by applied-migration-in-diff).
 */
import { isAbsolute, relative, resolve } from 'node:path'
import type { MigrationChanges } from '../engine/define.js'
import type { Octokit } from './github.js'

/** The files API stops at 3,000 files (https://docs.github.com/rest/pulls/pulls#list-pull-requests-files). */
export const MAX_LISTED_FILES = 3000

export interface ChangedFile {
  readonly path: string
  readonly status: string
  readonly previousPath?: string
}

export interface ChangedFileList {
  readonly files: readonly ChangedFile[]
  /** The pull request changes more files than the API lists. */
  readonly isTruncated: boolean
}

/** Lists the pull request's files, 100 per page, stopping at the API's 3,000-file limit. */
export async function listChangedFiles(octokit: Octokit, owner: string, repo: string, pullNumber: number, changedFiles: number | undefined): Promise<ChangedFileList> {
  const files: ChangedFile[] = []
  const pages = octokit.paginate.iterator(octokit.rest.pulls.listFiles, { owner, repo, pull_number: pullNumber, per_page: 100 })
  for await (const page of pages) {
    for (const f of page.data) {
      files.push({ path: f.filename, status: f.status, ...(f.previous_filename ? { previousPath: f.previous_filename } : {}) })
    }
    if (files.length >= MAX_LISTED_FILES) break
  }
  return { files: files.slice(0, MAX_LISTED_FILES), isTruncated: files.length >= MAX_LISTED_FILES && (changedFiles === undefined || changedFiles > MAX_LISTED_FILES) }
}

export interface MigrationChangeSet extends MigrationChanges {
  /** Absolute paths of added, copied and modified files under the migrations folder: analysed as pending when not applied. */
  readonly pending: readonly string[]
  /** How many changed files are under the migrations folder. */
  readonly count: number
}

/** Keeps the changes under `migrationsDir`; paths come from the API relative to the repository root. */
export function classifyChanges(files: readonly ChangedFile[], repoRoot: string, migrationsDir: string, baseDir: string): MigrationChangeSet {
  const pending: string[] = []
  const modified: string[] = []
  const removed: string[] = []
  let count = 0
  const inside = (path: string): string | undefined => {
    const abs = resolve(repoRoot, path)
    const rel = relative(migrationsDir, abs)
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? undefined : abs
  }
  const projectPath = (abs: string): string => relative(baseDir, abs).split('\\').join('/')
  for (const f of files) {
    const abs = inside(f.path)
    const previous = f.previousPath ? inside(f.previousPath) : undefined
    if (abs || previous) count++
    switch (f.status) {
      case 'added':
      case 'copied':
        if (abs) pending.push(abs)
        break
      case 'modified':
      case 'changed':
        if (abs) {
          pending.push(abs)
          modified.push(projectPath(abs))
        }
        break
      case 'renamed':
        if (abs) pending.push(abs)
        if (previous) removed.push(projectPath(previous))
        break
      case 'removed':
        if (abs) removed.push(projectPath(abs))
        break
      default:
        // "unchanged" carries no change to analyse.
        break
    }
  }
  return { pending, modified, removed, count }
}
