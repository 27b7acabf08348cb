/**
 * Verifies that the committed dist/ is what the sources build to, as typescript-action's
 * check-dist workflow does: rebuild into a temporary folder, compare file by file, and fail with
 * the differing files and the fix. CI runs it (`npm run check:dist`).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildDist } from './build-dist.mjs'

/** Relative paths of every file under `dir`, sorted. */
function listFiles(dir, prefix = '') {
  let out = []
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out = out.concat(listFiles(path, `${prefix}${name}/`))
    else out.push(`${prefix}${name}`)
  }
  return out
}

/** Lists how `actual` differs from `expected`: missing, extra and changed files. */
function compare(expected, actual) {
  const want = new Set(listFiles(expected))
  let have
  try {
    have = new Set(listFiles(actual))
  } catch {
    return ['dist/ does not exist']
  }
  const problems = []
  for (const f of want) {
    if (!have.has(f)) problems.push(`missing: dist/${f}`)
    else if (!readFileSync(join(expected, f)).equals(readFileSync(join(actual, f)))) problems.push(`differs: dist/${f}`)
  }
  for (const f of have) if (!want.has(f)) problems.push(`not built by the sources: dist/${f}`)
  return problems
}

const scratch = mkdtempSync(join(tmpdir(), 'check-dist-'))
try {
  const fresh = join(scratch, 'dist')
  buildDist(fresh)
  const problems = compare(fresh, 'dist')
  if (problems.length > 0) {
    console.error(`dist/ is out of date with the sources (${problems.length} file${problems.length === 1 ? '' : 's'}):\n  ${problems.join('\n  ')}`)
    console.error('Fix: run `npm run build` and commit dist/.')
    process.exitCode = 1
  } else {
    console.log(`dist/ is in sync with the sources (${listFiles(fresh).length} files).`)
  }
} catch (error) {
  console.error(`check-dist: the build failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exitCode = 1
} finally {
  rmSync(scratch, { recursive: true, force: true })
}
