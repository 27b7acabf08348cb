/**
 * Builds the LiveContext every live check receives, with the shared memo, outside the engine's
 * run plan: for benchmarks and tools that run live checks against a session they opened
 * themselves. (runPreflight builds the same shape in run.ts.)
 */
import type { TargetConfig } from '../config/schema.js'
import type { LiveContext, PendingFile, ReadOnlySession, ServerInfo } from './define.js'
import { silentLog, type RunLog } from './log.js'
import { touchedTables } from './pending.js'
import type { MigrationFile } from '../sources/layout.js'

export interface LiveContextParts {
  readonly db: ReadOnlySession
  readonly server: ServerInfo
  readonly target: TargetConfig
  readonly pending: readonly PendingFile[]
  readonly targetName?: string
  readonly migrations?: readonly MigrationFile[]
  readonly now?: Date
  readonly log?: RunLog
  readonly baseDir?: string
}

/** A memo: the first caller of a key runs `load`, later callers share its promise. */
export function createMemo(): LiveContext['memo'] {
  const cache = new Map<string, Promise<unknown>>()
  return <T>(key: string, load: () => Promise<T>): Promise<T> => {
    let p = cache.get(key) as Promise<T> | undefined
    if (!p) {
      p = load()
      cache.set(key, p)
    }
    return p
  }
}

/** A LiveContext over an open session, with touched tables derived from the pending files. */
export function createLiveContext(parts: LiveContextParts): LiveContext {
  return {
    db: parts.db,
    server: parts.server,
    targetName: parts.targetName ?? 'target',
    target: parts.target,
    layout: undefined,
    migrations: parts.migrations ?? parts.pending.map((p) => p.migration),
    pending: parts.pending,
    history: undefined,
    touched: touchedTables(parts.pending, Math.floor(parts.server.major)),
    now: parts.now ?? new Date(),
    log: parts.log ?? silentLog,
    baseDir: parts.baseDir ?? process.cwd(),
    memo: createMemo(),
  }
}
