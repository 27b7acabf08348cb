import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { closestIds } from '../../src/cli/commands/explain.js'
import { packageRoot } from '../../src/cli/runbook.js'
import { checkCatalog } from '../../src/engine/catalog.js'
import { runCli, tempDir } from '../support/cli.js'

describe('migrations rules', () => {
  it('lists every registered rule and check with kind, category, severity and title', async () => {
    const result = await runCli(['rules'], { cwd: tempDir() })
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toMatch(/^ID\s+KIND\s+CATEGORY\s+SEVERITY\s+TITLE$/)
    for (const e of checkCatalog()) {
      expect(lines.some((l) => new RegExp(`^${e.id}\\s+${e.kind}\\s+${e.category}\\s+${e.severity}\\s+`).test(l) && l.endsWith(e.title))).toBe(true)
    }
  })

  it('prints the same list as JSON with --json', async () => {
    const result = await runCli(['rules', '--json'], { cwd: tempDir() })
    expect(result.code).toBe(0)
    const rows = JSON.parse(result.stdout) as { id: string; kind: string; docs: string }[]
    expect(rows.map((r) => r.id)).toEqual(checkCatalog().map((e) => e.id))
    expect(rows.find((r) => r.id === 'connectivity')).toEqual({
      id: 'connectivity',
      kind: 'live',
      category: 'connectivity',
      severity: 'error',
      title: 'Connect to the target database',
      docs: 'runbook/connectivity.md',
    })
    expect(rows.find((r) => r.id === 'preflight-engine')!.kind).toBe('engine')
  })
})

describe('migrations explain', () => {
  it('prints the runbook page of an id, from any working directory', async () => {
    const result = await runCli(['explain', 'connectivity'], { cwd: tempDir() })
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(readFileSync('runbook/connectivity.md', 'utf8'))
    const byLink = await runCli(['explain', 'runbook/rollback.md'], { cwd: tempDir() })
    expect(byLink.stdout).toBe(readFileSync('runbook/rollback.md', 'utf8'))
  })

  it('exits 2 for an unknown id and suggests the closest ones', async () => {
    const result = await runCli(['explain', 'conectivity'], { cwd: tempDir() })
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('Unknown rule or check id "conectivity"')
    expect(result.stderr).toContain('Did you mean connectivity?')
    const far = await runCli(['explain', 'zzzzzzzzzz'], { cwd: tempDir() })
    expect(far.code).toBe(2)
    expect(far.stderr).toContain('Run `migrations rules` to list every id.')
  })

  it('ranks substrings and small edit distances first', () => {
    const known = ['server-version', 'syntax-error', 'target-version-syntax', 'connectivity']
    expect(closestIds('version', known)).toEqual(['server-version', 'target-version-syntax'])
    expect(closestIds('syntax-eror', known)).toEqual(['syntax-error'])
    expect(closestIds('nothing-like-it', known)).toEqual([])
  })

  it('finds the package root from lib/ and from the ncc bundle in dist/', () => {
    const root = resolve('.')
    expect(packageRoot(pathToFileURL(resolve('lib/src/cli/runbook.js')).href)).toBe(root)
    expect(packageRoot(pathToFileURL(resolve('dist/index.js')).href)).toBe(root)
    expect(() => packageRoot(pathToFileURL('/nonexistent/x/y.js').href)).toThrow(/Cannot find the migrations-preflight package root/)
  })
})
