/**
 * Opens the read-only session for a target's dialect. Each driver loads only when a target of
 * its dialect is connected (dynamic import), so `migrations lint` never loads pg or mysql2.
 */
import type { TargetConfig } from '../config/schema.js'
import type { ReadOnlySession, ServerInfo } from '../engine/define.js'
import type { RunLog } from '../engine/log.js'

/** An open session on a target of any dialect; close() always resolves. */
export interface TargetSession extends ReadOnlySession {
  readonly info: ServerInfo
  readonly tls: boolean
  readonly connectMs: number
  close(): Promise<void>
}

/** Parses the URL for the target's dialect and connects; throws ConfigError (bad URL) or ConnectError. */
export async function openSession(url: string, target: TargetConfig, baseDir: string, log: RunLog): Promise<TargetSession> {
  if (target.dialect === 'mysql') {
    // The URL is checked before the driver loads, so a typo costs nothing.
    const endpoint = (await import('./mysql/connection-url.js')).parseMysqlUrl(url, target.tls, baseDir)
    const { openMysqlSession } = await import('./mysql/session.js')
    return openMysqlSession(endpoint, target, log)
  }
  const endpoint = (await import('./postgres/connection-url.js')).parsePostgresUrl(url, target.tls, baseDir)
  const { openPostgresSession } = await import('./postgres/session.js')
  return openPostgresSession(endpoint, target, log)
}
