/** The tool's version, read from package.json next to the build. */
import { readFileSync } from 'node:fs'

let cached: string | undefined

/** Returns the package version, or "0.0.0-dev" when package.json cannot be found. */
export function toolVersion(): string {
  if (cached) return cached
  for (const rel of ['../../../package.json', '../../package.json', '../package.json', './package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string }
      if (pkg.name === 'migrations-preflight' && pkg.version) return (cached = pkg.version)
    } catch {
      // Try the next location: the layout differs between lib/ and dist/.
    }
  }
  return (cached = '0.0.0-dev')
}
