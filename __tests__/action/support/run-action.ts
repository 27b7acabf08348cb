/**
 * Runs the bundled action (dist/index.js) as the runner does: a child `node` process with the
 * event payload in a file (GITHUB_EVENT_PATH), GITHUB_* and INPUT_* variables, GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files, and the artifact service variables. Only PATH and HOME are inherited,
 * so no proxy or token of the host leaks in.
 */
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const DIST = resolve('dist/index.js')
/** The node that runs the action: this one, or PREFLIGHT_TEST_ACTION_NODE (e.g. a Node 24 binary, as action.yml's `using: node24`). */
const ACTION_NODE = process.env.PREFLIGHT_TEST_ACTION_NODE || process.execPath
export const OWNER = 'acme'
export const REPO = 'shop'
export const HEAD_SHA = 'c0ffee0000000000000000000000000000000001'

export interface ActionRunResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  /** stdout as the log shows it: ::add-mask:: lines are consumed by the runner. */
  readonly log: string
  /** Values registered with ::add-mask::, in order. */
  readonly masks: readonly string[]
  readonly outputs: Readonly<Record<string, string>>
  readonly summary: string
  readonly runnerTemp: string
  readonly ms: number
}

export interface ActionRunOptions {
  readonly workspace: string
  readonly apiUrl: string
  readonly event: 'pull_request' | 'workflow_dispatch' | 'push'
  readonly payload: Record<string, unknown>
  readonly inputs: Readonly<Record<string, string>>
  readonly env?: Readonly<Record<string, string>>
  readonly runId?: string
}

/** A temporary repository checkout made from a fixture folder. */
export function makeWorkspace(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-ws-'))
  cpSync(fixture, dir, { recursive: true })
  return dir
}

/** The payload of a pull_request event; `fork` makes the head repository someone else's. */
export function pullRequestPayload(number: number, options: { fork?: boolean; changedFiles?: number } = {}): Record<string, unknown> {
  const base = { full_name: `${OWNER}/${REPO}`, name: REPO, owner: { login: OWNER } }
  const head = options.fork ? { full_name: `mallory/${REPO}`, name: REPO, owner: { login: 'mallory' } } : base
  return {
    action: 'synchronize',
    number,
    pull_request: { number, changed_files: options.changedFiles ?? 1, head: { sha: HEAD_SHA, ref: 'feature', repo: head }, base: { sha: 'b'.repeat(40), ref: 'main', repo: base } },
    repository: base,
  }
}

/** An unsigned JWT carrying the Actions.Results scope @actions/artifact reads the backend ids from. */
function runtimeToken(): string {
  const part = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp: 'Actions.GenericRead:1 Actions.Results:run-backend-1:job-backend-1' })}.signature`
}

/** Runs dist/index.js once and collects everything the runner would see. */
export async function runAction(options: ActionRunOptions): Promise<ActionRunResult> {
  if (!existsSync(DIST)) throw new Error('dist/index.js is missing: run `npm run build` first.')
  const runnerTemp = mkdtempSync(join(tmpdir(), 'preflight-runner-'))
  const eventPath = join(runnerTemp, 'event.json')
  const outputPath = join(runnerTemp, 'output.txt')
  const summaryPath = join(runnerTemp, 'summary.md')
  writeFileSync(eventPath, JSON.stringify(options.payload))
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  mkdirSync(join(runnerTemp, 'tmp'))
  const runId = options.runId ?? String(Date.now())
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? runnerTemp,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_REPOSITORY_OWNER: OWNER,
    GITHUB_SHA: options.event === 'pull_request' ? 'f'.repeat(40) : HEAD_SHA,
    GITHUB_REF: options.event === 'pull_request' ? `refs/pull/${String(options.payload.number)}/merge` : 'refs/heads/main',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: options.apiUrl,
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW_REF: `${OWNER}/${REPO}/.github/workflows/migrations-preflight.yml@refs/heads/main`,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    RUNNER_TEMP: join(runnerTemp, 'tmp'),
    ACTIONS_RUNTIME_TOKEN: runtimeToken(),
    ACTIONS_RESULTS_URL: `${options.apiUrl}/`,
    // Short network waits: retries after 10 ms, requests give up after 5 s.
    PREFLIGHT_GITHUB_RETRY_BASE_MS: '10',
    PREFLIGHT_GITHUB_TIMEOUT_MS: '5000',
    PREFLIGHT_ARTIFACT_TIMEOUT_MS: '20000',
    ...options.env,
  }
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const started = performance.now()
  const { code, stdout, stderr } = await spawnNode([DIST], options.workspace, env)
  const lines = stdout.split('\n')
  const masks = lines.filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length))
  return {
    code,
    stdout,
    stderr,
    log: lines.filter((l) => !l.startsWith('::add-mask::')).join('\n'),
    masks,
    outputs: parseOutputs(readFileSync(outputPath, 'utf8')),
    summary: readFileSync(summaryPath, 'utf8'),
    runnerTemp,
    ms: Math.round(performance.now() - started),
  }
}

/** Spawns node and collects its output; killed after 60 s so a hang fails the test instead of stalling it. */
function spawnNode(args: string[], cwd: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(ACTION_NODE, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolvePromise({ code, stdout, stderr })
    })
  })
}

/** Parses the GITHUB_OUTPUT file (name<<delimiter ... delimiter blocks, as @actions/core writes them). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!)
    if (match) {
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]!)
      out[match[1]!] = value.join('\n')
    } else if (lines[i]!.includes('=')) {
      const [k, ...v] = lines[i]!.split('=')
      out[k!] = v.join('=')
    }
  }
  return out
}

/** A random suffix for names. */
export function randomName(prefix: string): string {
  return `${prefix}_${randomBytes(4).toString('hex')}`
}
