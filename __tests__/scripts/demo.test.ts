/**
 * The README's first quick-start command: `npm run demo` starts its own embedded PostgreSQL, runs a
 * real preflight on the example project and exits 1 because of the planted unsafe migration. Run
 * from the compiled lib/ exactly as the npm script runs it, so an exit code lost on the way (an
 * exit hook ending the process with 0) fails here.
 */
import { expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

const DEMO = resolve('lib/scripts/demo.js')

it('npm run demo exits 1 and names the unsafe pending migration', async () => {
  const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((done, fail) => {
    const child = spawn(process.execPath, [DEMO], { env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000)
    child.on('error', fail)
    child.on('close', (exitCode) => {
      clearTimeout(timer)
      done({ code: exitCode, stdout: out })
    })
  })
  expect(stdout).toContain('The preflight failed, as it should: 000005_index_orders_by_user.up.sql')
  expect(stdout).toMatch(/FAIL\s+require-concurrent-index/)
  expect(code).toBe(1)
}, 180_000)
