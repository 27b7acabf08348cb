/**
 * Runs the built CLI (lib/src/cli/index.js) as a child process, as a user would.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export const CLI = resolve('lib/src/cli/index.js')

export interface CliResult {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly ms: number
}

/** Runs `migrations <args>` in `cwd` with extra environment variables. */
export function runCli(args: readonly string[], options: { cwd: string; env?: Record<string, string | undefined>; input?: string; timeoutMs?: number }): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now()
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env }
    for (const [k, v] of Object.entries(options.env ?? {})) if (v === undefined) delete env[k]
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolvePromise({ code, stdout, stderr, ms: performance.now() - started })
    })
    child.stdin.end(options.input ?? '')
  })
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'preflight-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

/** Reads every file in a folder (reports, logs) as one string per file name. */
export function readAll(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const name of readdirSync(dir)) out[name] = readFileSync(join(dir, name), 'utf8')
  return out
}
