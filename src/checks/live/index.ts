/**
 * Every live check, registered once, sorted by id. Connectivity is run by the engine first.
 */
import type { LiveCheck } from '../../engine/define.js'
import connectivity from './connectivity.js'
import migrationHistory from './migration-history.js'
import serverVersion from './server-version.js'

export const liveChecks: readonly LiveCheck[] = [connectivity, migrationHistory, serverVersion]
