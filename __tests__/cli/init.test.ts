import { describe, expect, it } from '@jest/globals'
import { cpSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runCli, tempDir } from '../support/cli.js'

describe('migrations init', () => {
  it('writes a starter config for the detected layout, and refuses to overwrite it', async () => {
    const dir = tempDir()
    cpSync(resolve('examples/golang-migrate/db'), join(dir, 'db'), { recursive: true })
    const first = await runCli(['init'], { cwd: dir })
    expect(first.code).toBe(0)
    expect(first.stdout).toMatch(/golang-migrate migrations in db\/migrations/)
    const config = readFileSync(join(dir, 'migrations.config.yaml'), 'utf8')
    expect(config).toMatch(/layout: golang-migrate/)
    expect(config).toMatch(/url: \$\{env:PROD_DATABASE_URL\}/)
    const lint = await runCli(['lint', '--quiet'], { cwd: dir })
    expect([0, 1]).toContain(lint.code)
    const again = await runCli(['init'], { cwd: dir })
    expect(again.code).toBe(2)
    expect(again.stderr).toMatch(/already exists/)
  })
})
