/**
 * The run log: every step with a timestamp, written to logs/migrations-preflight-<timestamp>.log.
 * Lines are redacted before they are written and appended synchronously, so a crash part-way
 * still leaves a readable log behind.
 */
import { appendFileSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Redactor } from './redact.js'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

/** Where log lines go; the engine only ever sees this interface. */
export interface RunLog {
  readonly path: string | undefined
  log(level: LogLevel, message: string, data?: Readonly<Record<string, unknown>>): void
}

/** A log that records nothing, for library use and tests. */
export const silentLog: RunLog = { path: undefined, log: () => undefined }

/** A timestamp safe for file names: 2026-11-25T19-03-04-123Z. */
export function fileTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/** Creates a file log; the directory is created on first use. */
export function createFileLog(path: string, redactor: Redactor): RunLog {
  let isReady = false
  return {
    path,
    log(level, message, data) {
      if (!isReady) {
        mkdirSync(dirname(path), { recursive: true })
        isReady = true
      }
      const extra = data ? ` ${JSON.stringify(data)}` : ''
      const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}${extra}`
      appendFileSync(path, redactor.redact(line) + '\n')
    },
  }
}
