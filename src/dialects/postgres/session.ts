/**
 * The read-only session on a PostgreSQL target. Read-only by construction: every transaction
 * is READ ONLY, the tool's own statement and lock timeouts are short, and `query` refuses any
 * statement that is not a read. Connection failures are classified by error code (SQLSTATE or
 * Node's socket codes), never by message text where a code exists.
 */
import pg from 'pg'
import type { ReadOnlySession, ServerInfo } from '../../engine/define.js'
import type { RunLog } from '../../engine/log.js'
import { ConnectError, socketConnectError } from '../connect-error.js'
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
  // A FATAL the server sends while the client is idle (idle_session_timeout) arrives as an 'error' event; keep it for classify.
  const asyncErrors: unknown[] = []
  const onError = (error: unknown): void => {
    asyncErrors.push(error)
  }
  try {
    client = await connect(endpoint, endpoint.ssl, timeouts, onError)
  } catch (error) {
    // sslmode=prefer: retry in clear text only when the server said it does not speak TLS.
    if (endpoint.tlsMode === 'prefer' && isNoSslError(error)) {
      log.log('info', 'server does not support TLS; sslmode=prefer falls back to an unencrypted connection')
      isTls = false
      try {
        client = await connect(endpoint, false, timeouts, onError)
      } catch (retryError) {
        throw classify(retryError, endpoint, timeouts)
      }
    } else {
      throw classify(error, endpoint, timeouts)
    }
  }
  try {
    await applySessionSettings(client, timeouts)
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
    return createSession(client, info, isTls, connectMs, log, { where, queryTimeoutMs: queryTimeoutMs(timeouts) })
  } catch (error) {
    await endClient(client)
    throw classify(withServerCode(error, asyncErrors), endpoint, timeouts)
  }
}

/** The error that says why: the thrown one, or the server's own (with a SQLSTATE) when the thrown one is only its consequence. */
function withServerCode(error: unknown, asyncErrors: readonly unknown[]): unknown {
  if ((error as { code?: string }).code) return error
  return asyncErrors.find((e) => /^[0-9A-Z]{5}$/.test((e as { code?: string }).code ?? '')) ?? error
}

/**
 * The session settings, in one round trip. statement_timeout comes first so that a role default
 * as low as 1 ms cannot cancel the rest (each statement of the batch gets the timeout in force
 * when it starts). idle_session_timeout (PostgreSQL 14+) and transaction_timeout (17+) are reset
 * where they exist, since a low role default would end the session between two checks;
 * current_setting(name, true) is NULL on servers without them. READ COMMITTED and NOT DEFERRABLE
 * override a role's serializable-deferrable default, under which a read-only query may wait for
 * a safe snapshot. https://www.postgresql.org/docs/current/runtime-config-client.html
 */
export function sessionSetupSql(timeouts: SessionTimeouts): string {
  return [
    `SET statement_timeout = ${Math.floor(timeouts.statementTimeoutMs)}`,
    `SET lock_timeout = ${Math.floor(timeouts.lockTimeoutMs)}`,
    `SET idle_in_transaction_session_timeout = ${Math.floor(timeouts.statementTimeoutMs * 2)}`,
    'SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED, READ ONLY, NOT DEFERRABLE',
    `SELECT count(pg_catalog.set_config(v.name, '0', false)) FROM (VALUES ('idle_session_timeout'), ('transaction_timeout')) AS v(name)
      WHERE pg_catalog.current_setting(v.name, true) IS NOT NULL`,
  ].join('; ')
}

/**
 * Applies the session settings. A role statement_timeout of a millisecond or two can still cancel
 * the first SET on a cold backend (SQLSTATE 57014); the batch then rolled back as a whole and the
 * connection is intact, so it is retried a few times before the failure is reported.
 */
async function applySessionSettings(client: pg.Client, timeouts: SessionTimeouts): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(sessionSetupSql(timeouts))
      return
    } catch (error) {
      if ((error as { code?: string }).code !== '57014' || attempt >= 3) throw error
    }
  }
}

/** The client-side limit on one query: the server's statement_timeout fires first unless the server stopped answering. */
function queryTimeoutMs(timeouts: SessionTimeouts): number {
  return timeouts.statementTimeoutMs + 2000
}

/** Connects one client with hard client-side timeouts, so a silent server cannot hang us. */
async function connect(endpoint: PgEndpoint, ssl: PgEndpoint['ssl'], timeouts: SessionTimeouts, onError: (error: unknown) => void): Promise<pg.Client> {
  const client = new pg.Client({
    host: endpoint.host,
    port: endpoint.port,
    user: endpoint.user,
    password: endpoint.password ?? '',
    database: endpoint.database,
    ssl,
    application_name: APPLICATION_NAME,
    connectionTimeoutMillis: timeouts.connectTimeoutMs,
    query_timeout: queryTimeoutMs(timeouts),
    keepAlive: true,
  })
  // An error after connect (server gone) must not crash the process; queries report it.
  client.on('error', onError)
  try {
    await client.connect()
  } catch (error) {
    await endClient(client)
    throw error
  }
  return client
}

/** How long close() waits for the server to acknowledge the end of the session before dropping the socket. */
const CLOSE_GRACE_MS = 1000

/** Ends a client, destroying the socket when the server does not acknowledge in time: a silent server must not keep the process alive. */
async function endClient(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const isEnded = await Promise.race([
    client.end().then(
      () => true,
      () => true,
    ),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), CLOSE_GRACE_MS)
    }),
  ])
  clearTimeout(timer)
  if (!isEnded) socketOf(client)?.destroy()
}

/** The client's socket; node-postgres keeps it on its connection. */
function socketOf(client: pg.Client): { destroy(): void } | undefined {
  return (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream
}

/**
 * The session stopped being usable: the server stopped answering, closed the connection or
 * ended the session. Every later query fails at once with the same message, so the remaining
 * checks report the lost connection instead of each waiting for its own timeout.
 */
export class SessionLostError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SessionLostError'
  }
}

/** Where the session is and how long a query may take, for messages. */
interface SessionPlace {
  readonly where: string
  readonly queryTimeoutMs: number
}

/** Wraps a connected client as a ReadOnlySession that logs every query. */
function createSession(client: pg.Client, info: ServerInfo, tls: boolean, connectMs: number, log: RunLog, place: SessionPlace): PostgresSession {
  let lost: string | undefined
  // One query at a time: node-postgres queues concurrent queries itself but warns that doing so is deprecated.
  let queue: Promise<unknown> = Promise.resolve()
  client.on('error', (error: Error) => {
    lost ??= describeLoss(error, place)
  })
  /** Runs one query once the previous one has settled. */
  async function run<T extends Record<string, unknown>>(sql: string, params: readonly unknown[]): Promise<T[]> {
    if (lost) throw new SessionLostError(lost)
    const started = performance.now()
    try {
      const result = await client.query<T>(sql, params as unknown[])
      log.log('debug', `query ${Math.round(performance.now() - started)} ms, ${result.rowCount ?? 0} rows: ${oneLine(sql)}`)
      return result.rows
    } catch (error) {
      const code = (error as { code?: string }).code
      log.log('warn', `query failed after ${Math.round(performance.now() - started)} ms${code ? ` (SQLSTATE ${code})` : ''}: ${oneLine(sql)}`)
      if (lost || isSessionLoss(error)) {
        lost ??= describeLoss(error, place)
        log.log('error', `session lost: ${lost}`)
        socketOf(client)?.destroy()
        throw new SessionLostError(lost)
      }
      throw error
    }
  }
  return {
    dialect: 'postgres',
    info,
    tls,
    connectMs,
    query<T extends Record<string, unknown>>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      const text = stripLeadingComments(sql)
      if (!READ_STATEMENT.test(text)) {
        return Promise.reject(new Error(`refused to run a non-read statement on the target: ${text.slice(0, 40)}`))
      }
      const result = queue.then(() => run<T>(sql, params))
      queue = result.catch(() => undefined)
      return result
    },
    async close() {
      await queue
      if (lost) socketOf(client)?.destroy()
      await endClient(client)
    },
  }
}

/** SQLSTATE classes and codes after which the session is gone: 08 (connection exception), 57P01-57P05 (terminated). */
const LOST_SQLSTATE = /^(08|57P0[1-5])/

/** True when an error means the connection itself is unusable, not just that one query failed. */
function isSessionLoss(error: unknown): boolean {
  const e = error as { code?: string; message?: string }
  if (e.code && LOST_SQLSTATE.test(e.code)) return true
  if (e.code && /^E[A-Z]+$/.test(e.code)) return true // Node socket errors: ECONNRESET, EPIPE, ETIMEDOUT...
  return /Query read timeout|Connection terminated|not queryable|ended by the other party/i.test(e.message ?? '')
}

/** How the session was lost, naming host:port and the server's reason, as a clause without a final period. */
function describeLoss(error: unknown, place: SessionPlace): string {
  const e = error as { code?: string; message?: string }
  if (/Query read timeout/i.test(e.message ?? '')) {
    return `the target ${place.where} stopped answering (no reply to a catalog query within ${place.queryTimeoutMs} ms), so the session was dropped and later checks cannot run`
  }
  switch (e.code) {
    case '57P01':
      return `the target ${place.where} ended the preflight session (SQLSTATE 57P01: terminated by an administrator, pg_terminate_backend or a fast shutdown)`
    case '57P02':
    case '57P03':
      return `the target ${place.where} ended the preflight session because it is restarting or in crash recovery (SQLSTATE ${e.code})`
    case '57P05':
      return `the target ${place.where} ended the preflight session after it was idle (SQLSTATE 57P05: idle_session_timeout)`
    default:
      return `the connection to ${place.where} was lost (${e.message ?? String(error)}${e.code ? `, ${e.code}` : ''})`
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
  const socket = socketConnectError(code, endpoint.host, endpoint.port, 'listen_addresses')
  if (socket) return socket
  switch (code) {
    case 'ECONNRESET':
    case 'EPIPE':
      // The socket was open, so something listens there; it dropped us before PostgreSQL's handshake completed.
      return new ConnectError(
        'network',
        `${where} closed the connection during the handshake (${code}).`,
        'Check that the port belongs to a PostgreSQL server (not another service), that a pooler in front of it accepts this user and database, and that no firewall resets the connection.',
      )
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
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
    case '57014':
      return new ConnectError(
        'session-settings',
        `${where} cancelled the preflight session's first statements (SQLSTATE 57014): the role or database sets a statement_timeout too low for any query.`,
        `Check ALTER ROLE ${endpoint.user} / ALTER DATABASE ${endpoint.database} ... SET statement_timeout (SELECT * FROM pg_db_role_setting); the migration itself would be cancelled the same way.`,
      )
    case '57P05':
      return new ConnectError(
        'session-settings',
        `${where} ended the preflight session before its first query (SQLSTATE 57P05): the role or database sets an idle_session_timeout too low for any client.`,
        `Check ALTER ROLE ${endpoint.user} / ALTER DATABASE ${endpoint.database} ... SET idle_session_timeout (SELECT * FROM pg_db_role_setting).`,
      )
    case '57P01':
      return new ConnectError('network', `${where} terminated the preflight session while it was being set up (SQLSTATE 57P01: an administrator or a shutdown).`, 'Check that the server is not shutting down and that no tool terminates new sessions, then run preflight again.')
    case '08P01':
      return new ConnectError('protocol', `${where} broke the PostgreSQL protocol (SQLSTATE 08P01): ${redactMessage(raw, endpoint)}.`, NOT_POSTGRES_FIX)
    default:
      break
  }
  if (isNoSslError(error)) {
    return new ConnectError(
      'tls',
      `${where} does not accept TLS connections, and sslmode ${endpoint.tlsMode} requires TLS.`,
      'Enable ssl on the server (or connect through its TLS endpoint), or set tls.mode: prefer (or disable) for this target only if the network path is trusted.',
    )
  }
  if (/error establishing an SSL connection/i.test(raw)) {
    // The server answered the TLS request with neither "S" nor "N": it does not speak PostgreSQL.
    return new ConnectError('protocol', `${where} answered the TLS request with something that is not PostgreSQL.`, NOT_POSTGRES_FIX)
  }
  if (code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL') || /certificate|SSL|TLS/i.test(code) || isTlsMessage(raw)) {
    return new ConnectError('tls', `TLS negotiation with ${where} failed (sslmode ${endpoint.tlsMode}): ${redactMessage(raw, endpoint)}`, 'Check tls.mode and tls.ca in the config: verify-full needs the server certificate\'s CA and a matching host name; use require to encrypt without verifying.')
  }
  // A server error with a SQLSTATE is not a timeout even when its text says "timeout".
  if (!/^[0-9A-Z]{5}$/.test(code) && /timeout/i.test(raw)) {
    return new ConnectError('timeout', `No answer from ${where} within ${timeouts.connectTimeoutMs} ms.`, 'Check that the host and port are right and reachable from this runner; raise connectTimeoutMs if the network is slow.')
  }
  if (/terminated unexpectedly|Connection terminated/i.test(raw)) {
    return new ConnectError('network', `${where} closed the connection during the handshake.`, 'Check that the port belongs to a PostgreSQL server (not another service) and that a pooler in front of it accepts this user and database.')
  }
  return new ConnectError('unknown', `Cannot connect to ${where}: ${redactMessage(raw, endpoint)}${code ? ` (${code})` : ''}.`, 'Check the database URL and that the server is reachable.')
}

const NOT_POSTGRES_FIX = 'Check that the port belongs to a PostgreSQL server or pooler (not an HTTP, Redis or other service), and that no proxy in between rewrites the connection.'

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
