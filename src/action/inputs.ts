/**
 * The action's inputs, read from the INPUT_* environment as the runner sets them, validated
 * all at once so one run reports every mistake. Each problem says what is wrong, where (the
 * step's `with:` in the workflow file) and how to fix it. The database URL is never echoed.
 */
import { existsSync, statSync } from 'node:fs'
import { isAbsolute, resolve } from 'node:path'
import type { FailOn } from '../engine/report.js'

export const COMMENT_MODES = ['always', 'on-failure', 'never'] as const
export type CommentMode = (typeof COMMENT_MODES)[number]
const FAIL_ON = ['error', 'warning', 'never'] as const

export interface ActionInputs {
  readonly target: string
  /** Overrides the target's URL; already masked. */
  readonly databaseUrl: string | undefined
  /** Config file path relative to the working directory, or undefined to search for one. */
  readonly config: string | undefined
  readonly migrationsPath: string | undefined
  readonly githubToken: string | undefined
  readonly failOn: FailOn
  readonly comment: CommentMode
  readonly annotations: boolean
  readonly uploadArtifact: boolean
  readonly artifactName: string
  /** Undefined keeps the repository's default retention. */
  readonly artifactRetentionDays: number | undefined
  /** Absolute. */
  readonly workingDirectory: string
}

/** One invalid input. */
export interface InputProblem {
  readonly input: string
  readonly message: string
  readonly fix: string
}

/** Every invalid input of a run; the action prints them all and exits 2. */
export class ActionInputError extends Error {
  readonly problems: readonly InputProblem[]

  constructor(problems: readonly InputProblem[]) {
    super(problems.map((p) => `${p.input}: ${p.message}`).join('; '))
    this.name = 'ActionInputError'
    this.problems = problems
  }
}

/** Reads an input the way @actions/core does: INPUT_<NAME> with spaces as underscores, trimmed. */
export function getInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** Reads and validates every input; throws ActionInputError listing all problems. */
export function readInputs(env: NodeJS.ProcessEnv, workspace: string): ActionInputs {
  const problems: InputProblem[] = []
  const problem = (input: string, message: string, fix: string): void => {
    problems.push({ input, message, fix })
  }

  const target = getInput(env, 'target')
  if (!target) problem('target', 'is required and was not given.', 'Add `target: <name>` naming a target from migrations.config.yaml (for example `target: prod`).')
  else if (!/^[A-Za-z0-9_.-]+$/.test(target)) problem('target', `"${target}" is not a target name (letters, digits, ".", "_" or "-").`, 'Use the name of a target under `targets:` in migrations.config.yaml.')

  const databaseUrl = getInput(env, 'database-url') || undefined
  if (databaseUrl && !isDatabaseUrl(databaseUrl)) {
    problem(
      'database-url',
      'is not a PostgreSQL or MySQL connection URL (the value is hidden because it is a secret).',
      'Store a postgres:// (or mysql:// for a MySQL/MariaDB target) URL with user, password, host, port and database in a repository secret and pass it with `database-url: ${{ secrets.NAME }}`.',
    )
  }

  const failOn = oneOf(getInput(env, 'fail-on') || 'error', FAIL_ON, 'fail-on', problem) ?? 'error'
  const comment = oneOf(getInput(env, 'comment') || 'always', COMMENT_MODES, 'comment', problem) ?? 'always'
  const annotations = booleanInput(env, 'annotations', true, problem)
  const uploadArtifact = booleanInput(env, 'upload-artifact', true, problem)

  const artifactName = getInput(env, 'artifact-name') || `migrations-preflight-${target || 'target'}`
  if (/["<>|*?\r\n\\/:]/.test(artifactName)) {
    problem('artifact-name', `"${artifactName}" contains a character artifact names cannot have (" : < > | * ? \\ / or a line break).`, 'Use letters, digits, "-", "_" and "." only.')
  }

  const retentionRaw = getInput(env, 'artifact-retention-days')
  let artifactRetentionDays: number | undefined
  if (retentionRaw) {
    artifactRetentionDays = /^\d+$/.test(retentionRaw) ? Number(retentionRaw) : Number.NaN
    if (!Number.isInteger(artifactRetentionDays) || artifactRetentionDays < 1 || artifactRetentionDays > 90) {
      problem('artifact-retention-days', `"${retentionRaw}" is not a whole number of days from 1 to 90.`, 'Give a number from 1 to 90, or leave it empty to keep the repository default.')
      artifactRetentionDays = undefined
    }
  }

  const workingDirectory = resolve(workspace, getInput(env, 'working-directory') || '.')
  if (!isDirectory(workingDirectory)) {
    problem('working-directory', `"${getInput(env, 'working-directory')}" is not a folder in the checked-out repository (${workingDirectory}).`, 'Check the path, and that actions/checkout ran before this step.')
  }

  const config = getInput(env, 'config') || undefined
  if (config && isDirectory(workingDirectory) && !existsSync(resolve(workingDirectory, config))) {
    problem('config', `"${config}" does not exist (looked in ${workingDirectory}).`, 'Give the path of migrations.config.yaml relative to working-directory, or leave it empty to search from there upwards.')
  }

  const migrationsPath = getInput(env, 'migrations-path') || undefined
  if (migrationsPath && isDirectory(workingDirectory) && !isDirectory(isAbsolute(migrationsPath) ? migrationsPath : resolve(workingDirectory, migrationsPath))) {
    problem('migrations-path', `"${migrationsPath}" is not a folder (looked in ${workingDirectory}).`, 'Give the migrations folder relative to working-directory, or leave it empty to use migrations.path from the config.')
  }

  if (problems.length > 0) throw new ActionInputError(problems)
  return {
    target,
    databaseUrl,
    config,
    migrationsPath,
    githubToken: getInput(env, 'github-token') || undefined,
    failOn,
    comment,
    annotations,
    uploadArtifact,
    artifactName,
    artifactRetentionDays,
    workingDirectory,
  }
}

/** Formats input problems for the log: what, where and the fix, one block per input. */
export function formatInputProblems(problems: readonly InputProblem[], workflowFile: string | undefined): string {
  const where = workflowFile ? `the \`with:\` of this step in ${workflowFile}` : "the step's `with:` in the workflow file"
  const lines = problems.map((p) => `Invalid input \`${p.input}\` (${where}): ${p.message}\n  Fix: ${p.fix}`)
  return lines.join('\n')
}

/** The secrets inside a database URL: the whole value, and its password raw and decoded. */
export function secretsOfUrl(url: string): string[] {
  const secrets = [url]
  try {
    const password = new URL(url).password
    if (password) secrets.push(password, safeDecode(password))
  } catch {
    // Not a URL: a libpq key=value string may still carry password=...
    const match = /\bpassword\s*=\s*('[^']*'|"[^"]*"|[^\s]+)/i.exec(url)
    if (match) secrets.push(match[1]!.replace(/^['"]|['"]$/g, ''))
  }
  return [...new Set(secrets.filter((s) => s.length > 0))]
}

/** Schemes of the dialects' connection URLs; the engine checks the scheme against the target's dialect. */
const DATABASE_URL_SCHEMES = new Set(['postgres:', 'postgresql:', 'mysql:', 'mariadb:'])

/** True for postgres://, postgresql://, mysql:// and mariadb:// URLs with a host. */
function isDatabaseUrl(value: string): boolean {
  try {
    const u = new URL(value)
    return DATABASE_URL_SCHEMES.has(u.protocol) && u.hostname !== ''
  } catch {
    return false
  }
}

/** Validates an enumerated input. */
function oneOf<T extends string>(value: string, allowed: readonly T[], input: string, problem: (i: string, m: string, f: string) => void): T | undefined {
  if ((allowed as readonly string[]).includes(value)) return value as T
  problem(input, `"${value}" is not one of ${allowed.join(', ')}.`, `Set \`${input}:\` to ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}.`)
  return undefined
}

/** Validates a boolean input (the YAML 1.2 core schema words @actions/core accepts). */
function booleanInput(env: NodeJS.ProcessEnv, input: string, fallback: boolean, problem: (i: string, m: string, f: string) => void): boolean {
  const value = getInput(env, input)
  if (value === '') return fallback
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  problem(input, `"${value}" is not true or false.`, `Set \`${input}: true\` or \`${input}: false\`.`)
  return fallback
}

/** True when `path` is an existing folder. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}

/** decodeURIComponent that keeps malformed input as it is. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
