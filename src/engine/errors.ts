/**
 * Typed errors with an exit code and a stable code, shaped like commander's CommanderError.
 * Adapters catch them at one boundary and print message and fix; stacks go to the log only.
 */

export const EXIT = { passed: 0, failed: 1, usage: 2, internal: 3 } as const

/** Base class: every error the tool raises on purpose. */
export class PreflightError extends Error {
  readonly exitCode: number
  readonly code: string
  /** What the user can do about it. */
  readonly fix: string | undefined

  constructor(exitCode: number, code: string, message: string, fix?: string) {
    super(message)
    this.name = new.target.name
    this.exitCode = exitCode
    this.code = code
    this.fix = fix
  }
}

/** The configuration file is missing, unreadable or invalid. Exit 2. */
export class ConfigError extends PreflightError {
  constructor(message: string, fix?: string) {
    super(EXIT.usage, 'config', message, fix)
  }
}

/** The command line is invalid. Exit 2. */
export class UsageError extends PreflightError {
  constructor(message: string, fix?: string) {
    super(EXIT.usage, 'usage', message, fix)
  }
}

/** A bug or an environment fault the tool cannot explain. Exit 3. */
export class InternalError extends PreflightError {
  constructor(message: string, fix?: string) {
    super(EXIT.internal, 'internal', message, fix)
  }
}

/** Turns anything thrown into a one-line message without a stack. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  return String(error)
}
