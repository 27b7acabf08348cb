/**
 * `migrations explain <id>`: prints the runbook page of a rule or check (or a general page).
 * An unknown id is a usage error that suggests the closest ids.
 */
import { checkCatalog } from '../../engine/catalog.js'
import { InternalError, UsageError } from '../../engine/errors.js'
import { GENERAL_PAGES, readRunbookPage } from '../runbook.js'

/** Prints the page and returns the exit code. */
export function explainCommand(given: string, out: NodeJS.WritableStream = process.stdout): number {
  // Accept the report's docs link too: runbook/<id>.md.
  const id = given.trim().replace(/^(\.\/)?runbook\//, '').replace(/\.md$/, '')
  const known = [...checkCatalog().map((e) => e.id), ...Object.keys(GENERAL_PAGES)]
  if (!known.includes(id)) {
    const close = closestIds(id, known)
    throw new UsageError(
      `Unknown rule or check id "${id}".`,
      close.length > 0 ? `Did you mean ${close.join(', ')}? Run \`migrations rules\` to list every id.` : 'Run `migrations rules` to list every id.',
    )
  }
  const page = readRunbookPage(id)
  if (page === undefined) throw new InternalError(`The runbook page runbook/${id}.md is missing from this installation.`, 'Reinstall migrations-preflight; the package ships the runbook folder.')
  out.write(page.endsWith('\n') ? page : `${page}\n`)
  return 0
}

/** Up to three known ids nearest to `id`: containing it, or within a small edit distance. */
export function closestIds(id: string, known: readonly string[]): string[] {
  const wanted = id.toLowerCase()
  const limit = Math.max(2, Math.floor(wanted.length / 3))
  return known
    .map((k) => ({ k, d: k.includes(wanted) || (wanted.length >= 4 && wanted.includes(k)) ? 0 : editDistance(wanted, k) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k))
    .slice(0, 3)
    .map((x) => x.k)
}

/** Levenshtein distance between two strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}
