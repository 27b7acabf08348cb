/**
 * `npm run new:check` scaffolds module, test and runbook page and registers the module in sorted
 * position, like squawk's new_rule.rs. Run against a copy of the registries in a temp folder.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pageProblems } from '../../src/cli/runbook.js'
import { tempDir } from '../support/cli.js'

const SCRIPT = resolve('scripts/new-check.mjs')

/** A temp package root with the real registries. */
function fakeRoot(): string {
  const root = tempDir('new-check-')
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'migrations-preflight' }))
  for (const kind of ['static', 'live']) {
    mkdirSync(join(root, 'src/checks', kind), { recursive: true })
    cpSync(`src/checks/${kind}/index.ts`, join(root, 'src/checks', kind, 'index.ts'))
  }
  return root
}

/** Runs the script in `root`. */
function newCheck(root: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: root, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** The module file names a registry imports, in order. */
function importedFiles(registry: string): string[] {
  return [...registry.matchAll(/^import \w+ from '\.\/([a-z0-9-]+)\.js'$/gm)].map((m) => m[1]!)
}

describe('npm run new:check', () => {
  it.each(['static', 'live'])('scaffolds a %s module, its test and runbook page, and registers it in sorted position', (kind) => {
    const root = fakeRoot()
    const result = newCheck(root, 'aaa-scaffolded-check', kind)
    expect(result.code).toBe(0)
    for (const path of [`src/checks/${kind}/aaa-scaffolded-check.ts`, `__tests__/checks/${kind}/aaa-scaffolded-check.test.ts`, 'runbook/aaa-scaffolded-check.md']) {
      expect(existsSync(join(root, path))).toBe(true)
    }
    const module = readFileSync(join(root, `src/checks/${kind}/aaa-scaffolded-check.ts`), 'utf8')
    expect(module).toContain(`id: 'aaa-scaffolded-check'`)
    const registry = readFileSync(join(root, `src/checks/${kind}/index.ts`), 'utf8')
    const files = importedFiles(registry)
    expect(files).toContain('aaa-scaffolded-check')
    expect(files).toEqual([...files].sort())
    expect(registry).toMatch(/= \[\s*aaaScaffoldedCheck,/)
    // The page has every section, and the runbook test refuses it until its TODOs are written.
    expect(pageProblems(readFileSync(join(root, 'runbook/aaa-scaffolded-check.md'), 'utf8'))).toEqual(['still has TODO placeholders (from `npm run new:check`)'])
  })

  it('keeps a multi-line registry multi-line and sorted', () => {
    const root = fakeRoot()
    const path = join(root, 'src/checks/static/index.ts')
    writeFileSync(
      path,
      [
        "import type { StaticRule } from '../../engine/define.js'",
        "import alpha from './alpha.js'",
        "import zulu from './zulu.js'",
        '',
        'export const staticRules: readonly StaticRule[] = [',
        '  alpha,',
        '  zulu,',
        ']',
        '',
      ].join('\n'),
    )
    expect(newCheck(root, 'mike').code).toBe(0)
    expect(readFileSync(path, 'utf8')).toBe(
      [
        "import type { StaticRule } from '../../engine/define.js'",
        "import alpha from './alpha.js'",
        "import mike from './mike.js'",
        "import zulu from './zulu.js'",
        '',
        'export const staticRules: readonly StaticRule[] = [',
        '  alpha,',
        '  mike,',
        '  zulu,',
        ']',
        '',
      ].join('\n'),
    )
  })

  it('refuses a bad id, an unknown kind and an existing module, changing nothing', () => {
    const root = fakeRoot()
    const before = readFileSync(join(root, 'src/checks/static/index.ts'), 'utf8')
    expect(newCheck(root, 'Bad_Id').code).toBe(2)
    expect(newCheck(root, 'good-id', 'sideways').code).toBe(2)
    expect(newCheck(root, 'syntax-error').stderr).toMatch(/already imports|already exists/)
    expect(readFileSync(join(root, 'src/checks/static/index.ts'), 'utf8')).toBe(before)
    expect(existsSync(join(root, 'runbook'))).toBe(false)
  })
})
