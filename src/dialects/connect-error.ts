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
