/**
 * Turns a PostgreSQL connection URL and the target's TLS settings into node-postgres options.
 * We parse the URL ourselves so that `sslmode` in the URL and `tls.mode` in config mean the
 * same thing as in libpq, and so that errors name the part that is wrong.
 */
import { readFileSync } from 'node:fs'
import type { ConnectionOptions } from 'node:tls'
import type { TargetConfig } from '../../config/schema.js'
import { ConfigError } from '../../engine/errors.js'

export type TlsMode = TargetConfig['tls']['mode']

export interface PgEndpoint {
  readonly host: string
  readonly port: number
  readonly user: string
  readonly password: string | undefined
  readonly database: string
  readonly tlsMode: TlsMode
  readonly ssl: false | ConnectionOptions
}

/** Parses a postgres:// URL into an endpoint; throws ConfigError naming the problem (never the password). */
export function parsePostgresUrl(url: string, tls: TargetConfig['tls'], baseDir: string): PgEndpoint {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    throw new ConfigError(
      'The database URL is not a valid URL.',
      'Use the form postgres://user:password@host:5432/database (percent-encode special characters in the password).',
    )
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new ConfigError(`The database URL has scheme "${u.protocol.replace(/:$/, '')}", expected postgres or postgresql.`)
  }
  const params = u.searchParams
  const host = params.get('host') ?? (decodeURIComponent(u.hostname) || 'localhost')
  const port = Number(u.port || params.get('port') || 5432)
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new ConfigError(`The database URL has an invalid port "${u.port}".`)
  const urlMode = params.get('sslmode')
  const tlsMode = (urlMode ?? tls.mode) as TlsMode
  if (!['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'].includes(tlsMode)) {
    throw new ConfigError(`Unknown sslmode "${tlsMode}".`, 'Use disable, prefer, require, verify-ca or verify-full.')
  }
  return {
    host,
    port,
    user: decodeURIComponent(u.username) || process.env.PGUSER || 'postgres',
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || decodeURIComponent(u.username) || 'postgres',
    tlsMode: tlsMode === ('allow' as TlsMode) ? 'prefer' : tlsMode,
    ssl: sslOptions(tlsMode, tls.ca ?? params.get('sslrootcert') ?? undefined, baseDir),
  }
}

/** The TLS options for a mode; `prefer` starts with TLS and falls back (see session.ts). */
function sslOptions(mode: string, caPath: string | undefined, baseDir: string): false | ConnectionOptions {
  if (mode === 'disable' || mode === 'allow') return false
  let ca: string | undefined
  if (caPath) {
    try {
      ca = readFileSync(caPath.startsWith('/') ? caPath : `${baseDir}/${caPath}`, 'utf8')
    } catch (error) {
      throw new ConfigError(`Cannot read the TLS CA file ${caPath}: ${(error as Error).message}`, 'Check tls.ca in the config.')
    }
  }
  if (mode === 'verify-full') return { rejectUnauthorized: true, ...(ca ? { ca } : {}) }
  // verify-ca checks the chain but not the host name, as libpq does.
  if (mode === 'verify-ca') return { rejectUnauthorized: true, checkServerIdentity: () => undefined, ...(ca ? { ca } : {}) }
  return { rejectUnauthorized: false }
}
