import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { defineLiveCheck, type LiveOutcome } from '../../engine/define.js'
import { satisfies } from '../../engine/version-range.js'

/**
 * The Node.js runtime and the node-postgres driver the tool runs with. Node.js must match the
 * package's engines field; the driver should be the 8.x line the tool is tested with (it pins
 * 8.23.1; a different version comes from an npm override or a hand-edited lockfile).
 */

/** Same as package.json "engines". */
export const SUPPORTED_NODE = '>=20.19'
/** The pinned driver and newer 8.x releases, which keep its API. */
export const SUPPORTED_PG = '>=8.23.1 <9'

/** Where the pg version came from, or why it is unknown. */
export interface DriverVersion {
  readonly version: string | undefined
  /** What was read, for the report: a file path, or why nothing could be read. */
  readonly checked: string
}

/** Reads the pg driver's version from its package.json next to this module; `load` is replaceable for tests. */
export function readPgVersion(load: () => { version?: unknown; path: string } = loadPgPackage): DriverVersion {
  try {
    const pkg = load()
    if (typeof pkg.version !== 'string') return { version: undefined, checked: `${pkg.path} has no "version"` }
    return { version: pkg.version, checked: pkg.path }
  } catch {
    // In the ncc bundle (dist/) pg is compiled into the bundle and has no package.json on disk.
    return { version: undefined, checked: 'pg/package.json could not be resolved (the driver is bundled into dist/ by ncc, so its version is the one the bundle was built with)' }
  }
}

/** Resolves and reads pg/package.json (pg exports it) from this module's location. */
function loadPgPackage(): { version?: unknown; path: string } {
  const require = createRequire(import.meta.url)
  const path = require.resolve('pg/package.json')
  return { ...(JSON.parse(readFileSync(path, 'utf8')) as { version?: unknown }), path }
}

/** Grades a Node.js version and a driver version against the supported ranges. */
export function gradeRuntime(node: string, driver: DriverVersion): LiveOutcome {
  const evidence = { node, nodeRange: SUPPORTED_NODE, pg: driver.version ?? null, pgRange: SUPPORTED_PG, pgChecked: driver.checked }
  if (!satisfies(node, SUPPORTED_NODE)) {
    return {
      status: 'fail',
      summary: `Node.js ${node} is older than the supported ${SUPPORTED_NODE}: the tool may fail in the middle of a run.`,
      mitigation: 'Install Node.js 20.19 or later (in GitHub Actions, actions/setup-node with node-version: 20 or 22). See runbook/driver-and-runtime.md.',
      evidence,
    }
  }
  if (driver.version === undefined) {
    return { status: 'pass', summary: `Node.js ${node} (${SUPPORTED_NODE}); pg driver version not checked: ${driver.checked}.`, evidence }
  }
  if (!satisfies(driver.version, SUPPORTED_PG)) {
    return {
      status: 'warn',
      summary: `The pg driver is ${driver.version}, outside the tested ${SUPPORTED_PG}: connection handling and error codes may differ.`,
      mitigation: 'Remove npm overrides or resolutions for pg and reinstall so the pinned version is used. See runbook/driver-and-runtime.md.',
      evidence,
    }
  }
  return { status: 'pass', summary: `Node.js ${node} (${SUPPORTED_NODE}) and pg ${driver.version} (${SUPPORTED_PG}).`, evidence }
}

export default defineLiveCheck({
  id: 'driver-and-runtime',
  title: 'Node.js and the PostgreSQL driver are supported versions',
  category: 'versions',
  severity: 'error',
  async run() {
    return gradeRuntime(process.versions.node, readPgVersion())
  },
})
