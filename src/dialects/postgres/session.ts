/**
 * The read-only session on a PostgreSQL target. Read-only by construction: every transaction
 * is READ ONLY, the tool's own statement and lock timeouts are short, and `query` refuses any
 * statement that is not a read. Connection failures are classified by error code (SQLSTATE or
 * Node's socket codes), never by message text where a code exists.
 */
import pg from 'pg'
import type { ReadOnlySession, ServerInfo } from '../../engine/define.js'
import type { RunLog } from '../../engine/log.js'
import { ConnectError } from '../connect-error.js'
import type { PgEndpoint } from './connection-url.js'

export const APPLICATION_NAME = 'migrations-preflight'

export interface SessionTimeouts {
  readonly connectTimeoutMs: number
  readonly statementTimeoutMs: number
  readonly lockTimeoutMs: number
}

export { CONNECT_FAILURES, ConnectError, type ConnectFailure } from '../connect-error.js'

/** An open session; close() always resolves. */
export interface PostgresSession extends ReadOnlySession {
  readonly info: ServerInfo
  readonly tls: boolean
  readonly connectMs: number
  close(): Promise<void>
}

const READ_STATEMENT = /^(select|with|show|values|table|explain(?![\s\S]*\banalyze\b))\b/i

/** Opens a read-only session, classifying any failure as a ConnectError. */
export async function openPostgresSession(endpoint: PgEndpoint, timeouts: SessionTimeouts, log: RunLog): Promise<PostgresSession> {
  const started = performance.now()
  const where = `${endpoint.host}:${endpoint.port}`
  log.log('info', `connecting to ${where} database "${endpoint.database}" as "${endpoint.user}" (sslmode ${endpoint.tlsMode})`)
  let client: pg.Client
  let isTls = endpoint.ssl !== false
  try {
    client = await connect(endpoint, endpoint.ssl, timeouts)
  } catch (error) {
    // sslmode=prefer: retry in clear text only when the server said it does not speak TLS.
    if (endpoint.tlsMode === 'prefer' && isNoSslError(error)) {
      log.log('info', 'server does not support TLS; sslmode=prefer falls back to an unencrypted connection')
      isTls = false
      try {
        client = await connect(endpoint, false, timeouts)
      } catch (retryError) {
        throw classify(retryError, endpoint, timeouts)
      }
    } else {
      throw classify(error, endpoint, timeouts)
    }
  }
  try {
    await client.query(
      `SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY;` +
        ` SET statement_timeout = ${Math.floor(timeouts.statementTimeoutMs)};` +
        ` SET lock_timeout = ${Math.floor(timeouts.lockTimeoutMs)};` +
        ` SET idle_in_transaction_session_timeout = ${Math.floor(timeouts.statementTimeoutMs * 2)}`,
    )
    const row = (
      await client.query<{ version: string; num: string; usr: string; db: string }>(
        `SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num, current_user AS usr, current_database() AS db`,
      )
    ).rows[0]!
    const versionNum = Number(row.num)
    const info: ServerInfo = {
      version: row.version.split(' ')[0] ?? row.version,
      versionNum,
      major: majorOf(versionNum),
      currentUser: row.usr,
      database: row.db,
      host: endpoint.host,
      port: endpoint.port,
    }
    const connectMs = Math.round(performance.now() - started)
    log.log('info', `connected in ${connectMs} ms: PostgreSQL ${info.version}, user ${info.currentUser}, read-only session`)
    return createSession(client, info, isTls, connectMs, log)
  } catch (error) {
    await client.end().catch(() => undefined)
    throw classify(error, endpoint, timeouts)
  }
}

/** Connects one client with hard client-side timeouts, so a silent server cannot hang us. */
async function connect(endpoint: PgEndpoint, ssl: PgEndpoint['ssl'], timeouts: SessionTimeouts): Promise<pg.Client> {
  const client = new pg.Client({
    host: endpoint.host,
    port: endpoint.port,
    user: endpoint.user,
    password: endpoint.password ?? '',
    database: endpoint.database,
    ssl,
    application_name: APPLICATION_NAME,
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    query_timeout: timeouts.statementTimeoutMs + 2000,
    keepAlive: true,
  })
  // An error after connect (server gone) must not crash the process; queries report it.
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (error) {
    await client.end().catch(() => undefined)
    throw error
  }
  return client
}

/** Wraps a connected client as a ReadOnlySession that logs every query. */
function createSession(client: pg.Client, info: ServerInfo, tls: boolean, connectMs: number, log: RunLog): PostgresSession {
  return {
    dialect: 'postgres',
    info,
    tls,
    connectMs,
    async query<T extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const text = stripLeadingComments(sql)
      if (!READ_STATEMENT.test(text)) {
        throw new Error(`refused to run a non-read statement on the target: ${text.slice(0, 40)}`)
      }
      const started = performance.now()
      try {
        const result = await client.query<T>(sql, params as unknown[])
        log.log('debug', `query ${Math.round(performance.now() - started)} ms, ${result.rowCount ?? 0} rows: ${oneLine(sql)}`)
        return result.rows
      } catch (error) {
        const code = (error as { code?: string }).code
        log.log('warn', `query failed after ${Math.round(performance.now() - started)} ms${code ? ` (SQLSTATE ${code})` : ''}: ${oneLine(sql)}`)
        throw error
      }
    },
    async close() {
      await client.end().catch(() => undefined)
    },
  }
}

/** Collapses SQL to one line for the log. */
function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim()
  return flat.length > 500 ? `${flat.slice(0, 500)}...` : flat
}

/** Removes leading whitespace and comments so the read guard sees the first keyword. */
function stripLeadingComments(sql: string): string {
  return sql.replace(/^(\s+|--[^\n]*\n?|\/\*[\s\S]*?\*\/)+/, '')
}

/** True when the server refused TLS (node-postgres raises this without a code). */
function isNoSslError(error: unknown): boolean {
  return error instanceof Error && /does not support SSL/i.test(error.message)
}

/** Maps a connection error to a ConnectError with cause and fix, naming host:port and never the password. */
export function classify(error: unknown, endpoint: PgEndpoint, timeouts: SessionTimeouts): ConnectError {
  const where = `${endpoint.host}:${endpoint.port}`
  const e = error as { code?: string; message?: string; errno?: number }
  const code = e.code ?? ''
  const raw = e.message ?? String(error)
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return new ConnectError('dns', `Cannot resolve host "${endpoint.host}" (${code}).`, 'Check the host name in the database URL and that this runner can resolve it (private DNS, VPN).')
    case 'ECONNREFUSED':
      return new ConnectError('refused', `Connection refused by ${where}: nothing is listening there.`, 'Check the host and port, that the server is running, and that its listen_addresses includes this interface.')
    case 'ETIMEDOUT':
    case 'ECONNRESET':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EPIPE':
      return new ConnectError('network', `Network error talking to ${where} (${code}).`, 'Check firewalls and security groups between this runner and the database.')
    case '28P01':
    case '28000':
      return new ConnectError('authentication', `Authentication failed for user "${endpoint.user}" at ${where} (SQLSTATE ${code}).`, 'Check the user and password in the secret, and pg_hba.conf for this client address.', redactMessage(raw, endpoint))
    case '3D000':
      return new ConnectError('database-missing', `Database "${endpoint.database}" does not exist on ${where}.`, 'Check the database name at the end of the URL.')
    case '53300':
      return new ConnectError('too-many-connections', `${where} has no free connection slots (SQLSTATE 53300).`, 'The server is at max_connections: a migration would not get a connection either. Find idle sessions or raise the limit.')
    case '57P03':
      return new ConnectError('starting-up', `${where} is not accepting connections yet (SQLSTATE 57P03: starting up, shutting down or in recovery).`, 'Wait for the server to finish starting, then run preflight again.')
    default:
      break
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /certificate|SSL|TLS/i.test(code) || isTlsMessage(raw)) {
    return new ConnectError('tls', `TLS negotiation with ${where} failed (sslmode ${endpoint.tlsMode}): ${redactMessage(raw, endpoint)}`, 'Check tls.mode and tls.ca in the config: verify-full needs the server certificate\'s CA and a matching host name; use require to encrypt without verifying.')
  }
  if (/timeout/i.test(raw)) {
    return new ConnectError('timeout', `No answer from ${where} within ${timeouts.connectTimeoutMs} ms.`, 'Check that the host and port are right and reachable from this runner; raise connectTimeoutMs if the network is slow.')
  }
  if (/terminated unexpectedly|Connection terminated/i.test(raw)) {
    return new ConnectError('network', `${where} closed the connection during the handshake.`, 'Check that the port belongs to a PostgreSQL server (not another service) and that a pooler in front of it accepts this user and database.')
  }
  return new ConnectError('unknown', `Cannot connect to ${where}: ${redactMessage(raw, endpoint)}${code ? ` (${code})` : ''}.`, 'Check the database URL and that the server is reachable.')
}

/** Node's TLS errors sometimes carry no code; their messages are stable across versions. */
function isTlsMessage(message: string): boolean {
  return /self[- ]signed certificate|unable to verify|Hostname\/IP does not match|does not support SSL|wrong version number|certificate/i.test(message)
}

/** Never let a password through, even inside a server message. */
function redactMessage(message: string, endpoint: PgEndpoint): string {
  return endpoint.password ? message.split(endpoint.password).join('***') : message
}

/** PostgreSQL major from server_version_num: 150019 -> 15, 90624 -> 9.6. */
export function majorOf(versionNum: number): number {
  if (versionNum >= 100000) return Math.floor(versionNum / 10000)
  return Math.floor(versionNum / 10000) + (Math.floor(versionNum / 100) % 100) / 10
}
