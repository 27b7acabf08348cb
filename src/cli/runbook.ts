/**
 * The runbook: one page per rule and check id under runbook/, general pages, and an index.
 * Pages ship with the package, so they are found from the package root, whether this code
 * runs from lib/ (npm), from the ncc bundle in dist/ (the action) or from src/ (tests).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { CatalogEntry } from '../engine/catalog.js'
import { CATEGORIES, type Category } from '../engine/model.js'

export const PACKAGE_NAME = 'migrations-preflight'

/** Pages that belong to no id, with their titles for the index. */
export const GENERAL_PAGES = {
  'preparing-a-deployment': 'Preparing a deployment',
  rollback: 'Rolling back a migration',
} as const

/** The sections every id page has, in this order. */
export const REQUIRED_SECTIONS = ['Problem', 'Confirm by hand', 'Mitigation', 'Rollback', 'Safe way to write it', 'Manual'] as const

/** Headings of the index groups, in CATEGORIES order. */
const CATEGORY_HEADINGS: Readonly<Record<Category, string>> = {
  connectivity: 'Connectivity',
  versions: 'Versions',
  locks: 'Locks',
  capacity: 'Capacity and limits',
  schema: 'Schema',
  'migration-state': 'Migration state',
  'static-analysis': 'Static analysis of the SQL',
  window: 'Maintenance windows',
  privileges: 'Privileges',
  config: 'Configuration and the tool itself',
}

/** The folder holding this package's package.json, found by walking up from this module. */
export function packageRoot(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from))
  for (;;) {
    const candidate = join(dir, 'package.json')
    if (existsSync(candidate) && readPackageName(candidate) === PACKAGE_NAME) return dir
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`Cannot find the ${PACKAGE_NAME} package root above ${fileURLToPath(from)}.`)
    dir = parent
  }
}

/** The name in a package.json, or undefined when it cannot be read. */
function readPackageName(path: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { name?: string }).name
  } catch {
    return undefined
  }
}

/** The runbook folder of this installation. */
export function runbookDir(): string {
  return join(packageRoot(), 'runbook')
}

/** The text of runbook/<name>.md, or undefined when there is no such page. */
export function readRunbookPage(name: string, dir: string = runbookDir()): string | undefined {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) return undefined
  const path = join(dir, `${name}.md`)
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined
}

/** Page names (file names without .md) in the runbook folder, sorted; the index is excluded. */
export function listRunbookPages(dir: string = runbookDir()): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => f.slice(0, -3))
    .sort()
}

/** The index page: general pages, then every id grouped by category. Kept in sync by __tests__/runbook.test.ts. */
export function renderRunbookIndex(catalog: readonly CatalogEntry[]): string {
  const out = [
    '# Runbook',
    '',
    '<!-- Generated from the registries by `node scripts/runbook-index.mjs` (after `npm run build:lib`); do not edit by hand. -->',
    '',
    'One page per rule and check id: what a failure means, how to confirm it by hand, how to mitigate it,',
    'how to roll back, and the safe way to write the migration. `migrations explain <id>` prints a page.',
    '',
    '## Before and after a deployment',
    '',
    ...Object.entries(GENERAL_PAGES).map(([name, title]) => `- [${title}](${name}.md)`),
  ]
  for (const category of CATEGORIES) {
    const entries = catalog.filter((e) => e.category === category)
    if (entries.length === 0) continue
    out.push('', `## ${CATEGORY_HEADINGS[category]}`, '', '| Id | Kind | Severity | Title |', '| --- | --- | --- | --- |')
    for (const e of entries) out.push(`| [${e.id}](${e.id}.md) | ${e.kind} | ${e.severity} | ${e.title.replace(/\|/g, '\\|')} |`)
  }
  out.push('')
  return out.join('\n')
}

/** What is wrong with an id page: missing sections, and sections without their expected content. */
export function pageProblems(text: string): string[] {
  const problems: string[] = []
  if (!/^# \S/.test(text)) problems.push('does not start with a "# " title')
  if (/\bTODO\b/.test(text)) problems.push('still has TODO placeholders (from `npm run new:check`)')
  const sections = splitSections(text)
  for (const name of REQUIRED_SECTIONS) {
    if (!sections.has(name)) problems.push(`has no "## ${name}" section`)
  }
  const confirm = sections.get('Confirm by hand')
  if (confirm !== undefined && !confirm.includes('```')) problems.push('"## Confirm by hand" has no code block to run')
  const safe = sections.get('Safe way to write it')
  if (safe !== undefined && !(/instead of/i.test(safe) && /\buse\b/i.test(safe))) problems.push('"## Safe way to write it" does not show "Instead of" and "Use"')
  const manual = sections.get('Manual')
  if (manual !== undefined && !/https?:\/\/((www\.)?postgresql\.org|dev\.mysql\.com|mariadb\.com)\//.test(manual)) problems.push('"## Manual" has no link to the PostgreSQL (or MySQL/MariaDB) documentation')
  return problems
}

/** Level-2 sections by heading; a heading matches a required name when it starts with it. */
function splitSections(text: string): Map<string, string> {
  const sections = new Map<string, string>()
  let current: string | undefined
  let body: string[] = []
  const flush = (): void => {
    if (current !== undefined) sections.set(current, body.join('\n'))
  }
  for (const line of text.split('\n')) {
    const heading = /^## (.+?)\s*$/.exec(line)
    if (heading) {
      flush()
      current = REQUIRED_SECTIONS.find((name) => heading[1]!.startsWith(name)) ?? heading[1]!
      body = []
    } else {
      body.push(line)
    }
  }
  flush()
  return sections
}

/** Relative .md links in a page, without anchors: the runbook pages it points to. */
export function pageLinks(text: string): string[] {
  const links: string[] = []
  for (const match of text.matchAll(/\]\(([^)\s]+)\)/g)) {
    const target = match[1]!
    if (/^[a-z]+:/i.test(target) || target.startsWith('#')) continue
    const path = target.split('#')[0]!
    if (path.endsWith('.md')) links.push(path.replace(/^\.\//, ''))
  }
  return links
}

/** Ids the page names in `migrations explain <id>` commands. */
export function explainedIds(text: string): string[] {
  return [...text.matchAll(/migrations explain ([a-z0-9][a-z0-9-]*)/g)].map((m) => m[1]!)
}
