#!/usr/bin/env node
/**
 * Writes runbook/README.md, the runbook index, from the registries (needs `npm run build:lib` first).
 * `--check` only compares and exits 1 when the index is out of date.
 * __tests__/runbook.test.ts fails when the index and the registries disagree.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const lib = join(root, 'lib/src')
if (!existsSync(join(lib, 'engine/catalog.js'))) {
  console.error('lib/ is not built: run `npm run build:lib` first.')
  process.exit(2)
}
const { checkCatalog } = await import(pathToFileURL(join(lib, 'engine/catalog.js')).href)
const { renderRunbookIndex } = await import(pathToFileURL(join(lib, 'cli/runbook.js')).href)

const path = join(root, 'runbook/README.md')
const text = renderRunbookIndex(checkCatalog())
const current = existsSync(path) ? readFileSync(path, 'utf8') : ''
if (process.argv.includes('--check')) {
  if (current !== text) {
    console.error('runbook/README.md is out of date: run `node scripts/runbook-index.mjs`.')
    process.exit(1)
  }
  console.log('runbook/README.md is up to date.')
} else if (current === text) {
  console.log('runbook/README.md is up to date.')
} else {
  writeFileSync(path, text)
  console.log('runbook/README.md written.')
}
