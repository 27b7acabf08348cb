/**
 * A failed connection attempt, classified the same way for every dialect so the connectivity
 * result reads alike for PostgreSQL and MySQL: a stable failure kind, a message naming host and
 * port (never the password) and what to do about it.
 */

export const CONNECT_FAILURES = [
  'dns',
  'refused',
  'timeout',
  'tls',
  'authentication',
  'database-missing',
  'too-many-connections',
  'starting-up',
  'network',
  /** The other end does not speak the PostgreSQL (or MySQL) protocol. */
  'protocol',
  /** The server ended or cancelled the new session because of the role's or database's settings. */
  'session-settings',
  'unknown',
] as const
export type ConnectFailure = (typeof CONNECT_FAILURES)[number]

/** A connection attempt that failed, with what to do about it. */
export class ConnectError extends Error {
  readonly failure: ConnectFailure
  readonly mitigation: string
  readonly detail: string | undefined

  constructor(failure: ConnectFailure, message: string, mitigation: string, detail?: string) {
    super(message)
    this.name = 'ConnectError'
    this.failure = failure
    this.mitigation = mitigation
    this.detail = detail
  }
}

/**
 * The socket failures that read the same for every dialect: the host name does not resolve, or
 * nothing listens on the port. `listenSetting` is the server setting that chooses the interfaces
 * it listens on (listen_addresses, bind_address). Undefined for any other code.
 */
export function socketConnectError(code: string, host: string, port: number, listenSetting: string): ConnectError | undefined {
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return new ConnectError('dns', `Cannot resolve host "${host}" (${code}).`, 'Check the host name in the database URL and that this runner can resolve it (private DNS, VPN).')
    case 'ECONNREFUSED':
      return new ConnectError('refused', `Connection refused by ${host}:${port}: nothing is listening there.`, `Check the host and port, that the server is running, and that its ${listenSetting} includes this interface.`)
    default:
      return undefined
  }
}
