/**
 * Every id has a runbook page with the required sections, no page is orphaned, and every link
 * between pages resolves (typescript-eslint's tests/docs.test.ts). Ids are read from the
 * registries at run time, so a rule added anywhere is covered without touching this test.
 */
import { describe, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { checkCatalog } from '../src/engine/catalog.js'
import { GENERAL_PAGES, explainedIds, listRunbookPages, packageRoot, pageLinks, pageProblems, renderRunbookIndex, runbookDir } from '../src/cli/runbook.js'

const catalog = checkCatalog()
const ids = catalog.map((e) => e.id)
const dir = runbookDir()
const general = Object.keys(GENERAL_PAGES)

/** Reads a page of the runbook folder. */
function page(name: string): string {
  return readFileSync(join(dir, `${name}.md`), 'utf8')
}

describe('runbook', () => {
  it('is found from the package root', () => {
    expect(packageRoot()).toBe(resolve('.'))
    expect(dir).toBe(resolve('runbook'))
  })

  it('has a page for every registered rule and check id', () => {
    const missing = ids.filter((id) => !existsSync(join(dir, `${id}.md`)))
    expect(missing).toEqual([])
  })

  it('has no page for an id that does not exist', () => {
    const known = new Set([...ids, ...general])
    expect(listRunbookPages().filter((name) => !known.has(name))).toEqual([])
  })

  it('has the general pages', () => {
    for (const name of general) expect(page(name)).toMatch(/^# \S/)
  })

  it.each(ids)('runbook/%s.md has every required section', (id) => {
    const problems = existsSync(join(dir, `${id}.md`)) ? pageProblems(page(id)) : ['is missing']
    expect(problems).toEqual([])
  })

  it('links only to pages that exist', () => {
    const known = new Set([...ids, ...general])
    const broken: string[] = []
    for (const name of listRunbookPages()) {
      const text = page(name)
      for (const link of pageLinks(text)) {
        const target = resolve(dir, link)
        const isRunbookPage = resolve(target, '..') === dir
        const isKnown = isRunbookPage ? link === 'README.md' || known.has(link.replace(/^.*\//, '').slice(0, -3)) : existsSync(target)
        if (!isKnown || !existsSync(target)) broken.push(`${name}.md -> ${link}`)
      }
      for (const id of explainedIds(text)) if (!known.has(id)) broken.push(`${name}.md -> migrations explain ${id}`)
    }
    expect(broken).toEqual([])
  })

  it('has an index in sync with the registries (run `npm run build:lib && node scripts/runbook-index.mjs` to refresh it)', () => {
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe(renderRunbookIndex(catalog))
  })
})
