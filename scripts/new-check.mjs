#!/usr/bin/env node
/**
 * `npm run new:check <id> [static|live]`: scaffolds a rule or live check as squawk's new_rule.rs
 * does: the module, its test beside it, its runbook page, and the import and list entry in the
 * registry, inserted in sorted position. Run from the package root (npm run does).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const USAGE = 'Usage: npm run new:check <id> [static|live]   (id in kebab-case, e.g. require-concurrent-index)'

/** Prints an error and exits with the usage code. */
function fail(message) {
  console.error(`error: ${message}\n${USAGE}`)
  process.exit(2)
}

/** 'no-drop-table' -> 'noDropTable'. */
export function camelCase(id) {
  return id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase())
}

/** Inserts `import <name> from './<id>.js'` and `<name>` into a registry's sorted import block and list. */
export function insertIntoRegistry(source, id) {
  const name = camelCase(id)
  const importLine = /^import (\w+) from '\.\/([a-z0-9-]+)\.js'\n/gm
  const imports = [...source.matchAll(importLine)].map((m) => ({ name: m[1], file: m[2] }))
  if (imports.some((i) => i.file === id)) throw new Error(`the registry already imports ./${id}.js`)
  const all = [...imports, { name, file: id }].sort((a, b) => a.file.localeCompare(b.file))
  const fileOf = new Map(all.map((i) => [i.name, i.file]))
  const lines = all.map((i) => `import ${i.name} from './${i.file}.js'\n`).join('')
  let out
  if (imports.length > 0) {
    // Replace the whole block of module imports, wherever its lines were, with the sorted block.
    const first = source.search(importLine)
    out = source.slice(0, first) + lines + source.slice(first).replace(importLine, '')
  } else {
    const typeImport = /^import type .*\n/m.exec(source)
    if (!typeImport) throw new Error('cannot find where to add the import')
    const at = typeImport.index + typeImport[0].length
    out = source.slice(0, at) + lines + source.slice(at)
  }
  const list = /(export const \w+: readonly \w+\[\] = \[)([\s\S]*?)(\])/
  const match = list.exec(out)
  if (!match) throw new Error('cannot find the exported list')
  const entries = match[2].split(',').map((s) => s.trim()).filter(Boolean)
  entries.push(name)
  entries.sort((a, b) => (fileOf.get(a) ?? a).localeCompare(fileOf.get(b) ?? b))
  const oneLine = `${match[1]}${entries.join(', ')}${match[3]}`
  const isMultiline = match[2].includes('\n') || oneLine.length > 140
  const body = isMultiline ? `${match[1]}\n${entries.map((e) => `  ${e},\n`).join('')}${match[3]}` : oneLine
  return out.replace(list, () => body)
}

/** Inserts `'<id>',` into the sorted id list of src/checks/live/ids.ts (what lint knows without loading the checks). */
export function insertIntoIdList(source, id) {
  const list = /(export const \w+ = \[)([\s\S]*?)(\] as const)/
  const match = list.exec(source)
  if (!match) throw new Error('cannot find the exported id list')
  const ids = [...match[2].matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1])
  if (ids.includes(id)) throw new Error(`the id list already has ${id}`)
  const sorted = [...ids, id].sort((x, y) => x.localeCompare(y))
  return source.replace(list, () => `${match[1]}\n${sorted.map((i) => `  '${i}',\n`).join('')}${match[3]}`)
}

/** The module source for a new rule or check. */
function moduleSource(id, kind) {
  if (kind === 'static') {
    return `import { defineStaticRule } from '../../engine/define.js'

/** TODO: one sentence: what this rule finds and why it is dangerous (link the PostgreSQL manual). */
export default defineStaticRule({
  id: '${id}',
  title: 'TODO: what a safe migration does',
  severity: 'error',
  run(ctx) {
    // TODO: pick the statement kinds this rule looks at (libpg-query node names, e.g. 'IndexStmt').
    for (const ref of ctx.statements('TODO')) {
      ctx.report(ref, {
        message: 'TODO: what will happen, naming the lock and the table.',
        mitigation: 'TODO: what to do instead.',
      })
    }
  },
})
`
  }
  return `import { defineLiveCheck, outcome } from '../../engine/define.js'

/** TODO: one sentence: what this check looks at on the target and why it matters. */
export default defineLiveCheck({
  id: '${id}',
  title: 'TODO: what a safe target looks like',
  // TODO: the category (see CATEGORIES in src/engine/model.ts).
  category: 'schema',
  severity: 'error',
  async run(ctx) {
    // TODO: one batched, read-only catalog query; share it through ctx.memo when other checks need it too.
    const rows = await ctx.db.query<{ n: number }>('SELECT 1 AS n')
    return outcome.pass('TODO: what was found.', { rows: rows.length })
  },
})
`
}

/** The test source beside the module. */
function testSource(id, kind) {
  if (kind === 'static') {
    return `import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/${id}.js'
import { testRule } from '../../support/rule-tester.js'

describe('${id}', () => {
  testRule(rule, {
    // TODO: known-safe SQL that must stay quiet.
    safe: ['SELECT 1;'],
    // TODO: unsafe SQL, with the 'line:col' of each finding: { sql: '...', at: '1:1' }.
    reported: [],
  })
})
`
  }
  return `import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/${id}.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

describe('${id}', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => db.drop())

  it('passes on a clean target', async () => {
    const result = await runLiveCheck(check, db.url)
    expect(result.status).toBe('pass')
  })

  // TODO: build the situation the check detects on the real server (hold the lock, open the
  // long transaction...) and assert the exact failure and its evidence.
})
`
}

/** The runbook page with every required section. */
function pageSource(id) {
  return `# ${id}: TODO title

## Problem

TODO: what the failure means and why it is dangerous, in plain words for the person on call.

## Confirm by hand

\`\`\`sql
-- TODO: the query that shows the problem on the target
\`\`\`

## Mitigation

1. TODO: the least invasive step first.
2. TODO: then more invasive ones.

## Rollback

TODO: how to roll the migration back, or why it cannot be and what to restore from.

## Safe way to write it

Instead of:

\`\`\`sql
-- TODO: the unsafe SQL
\`\`\`

Use:

\`\`\`sql
-- TODO: the safe SQL
\`\`\`

## Manual

- [TODO: the PostgreSQL manual page](https://www.postgresql.org/docs/current/)
`
}

/** Writes a new file, refusing to overwrite. */
function create(root, path, text) {
  const full = join(root, path)
  if (existsSync(full)) fail(`${path} already exists`)
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(full, text)
  console.log(`created ${path}`)
}

/** Scaffolds everything for `id` under `root`. */
export function scaffold(root, id, kind) {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id ?? '')) fail(`"${id ?? ''}" is not a kebab-case id`)
  if (kind !== 'static' && kind !== 'live') fail(`kind must be static or live, not "${kind}"`)
  for (const k of ['static', 'live']) {
    if (existsSync(join(root, `src/checks/${k}/${id}.ts`))) fail(`src/checks/${k}/${id}.ts already exists`)
  }
  const registryPath = `src/checks/${kind}/index.ts`
  let registry
  try {
    registry = insertIntoRegistry(readFileSync(join(root, registryPath), 'utf8'), id)
  } catch (error) {
    fail(`${registryPath}: ${error.message}`)
  }
  // Live check ids are also listed apart, so lint can validate ids without loading the checks.
  const idsPath = 'src/checks/live/ids.ts'
  let ids
  if (kind === 'live' && existsSync(join(root, idsPath))) {
    try {
      ids = insertIntoIdList(readFileSync(join(root, idsPath), 'utf8'), id)
    } catch (error) {
      fail(`${idsPath}: ${error.message}`)
    }
  }
  create(root, `src/checks/${kind}/${id}.ts`, moduleSource(id, kind))
  create(root, `__tests__/checks/${kind}/${id}.test.ts`, testSource(id, kind))
  if (existsSync(join(root, `runbook/${id}.md`))) console.log(`kept runbook/${id}.md (it exists)`)
  else create(root, `runbook/${id}.md`, pageSource(id))
  writeFileSync(join(root, registryPath), registry)
  console.log(`registered in ${registryPath}`)
  if (ids !== undefined) {
    writeFileSync(join(root, idsPath), ids)
    console.log(`listed in ${idsPath}`)
  }
  console.log(`
Next:
  1. write the ${kind === 'static' ? 'rule' : 'check'} and its cases (every TODO), and runbook/${id}.md;
  2. npm run build:lib && node scripts/runbook-index.mjs   (refreshes runbook/README.md);
  3. NODE_OPTIONS=--experimental-vm-modules npx jest __tests__/checks/${kind}/${id}.test.ts __tests__/runbook.test.ts`)
}

const isMain = process.argv[1] !== undefined && pathToFileURL(resolve(process.argv[1])).href === import.meta.url
if (isMain) {
  const [id, kind = 'static'] = process.argv.slice(2)
  const root = process.cwd()
  let name
  try {
    name = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name
  } catch {
    name = undefined
  }
  if (name !== 'migrations-preflight') fail('run it from the migrations-preflight package root (npm run new:check does)')
  scaffold(root, id, kind)
}
