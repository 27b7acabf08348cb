/**
 * Progress output: one line per check as it completes. Colour only on a TTY without NO_COLOR.
 */
import type { CheckResult } from '../engine/model.js'

export interface Progress {
  stage(message: string): void
  result(result: CheckResult): void
}

const CODES: Readonly<Record<CheckResult['status'], string>> = { pass: '32', warn: '33', fail: '31', error: '35', skip: '90' }
const WORD: Readonly<Record<CheckResult['status'], string>> = { pass: 'pass', warn: 'warn', fail: 'FAIL', error: 'ERROR', skip: 'skip' }

/** Whether to colour output written to `stream`. */
export function shouldColor(stream: NodeJS.WriteStream): boolean {
  if ('NO_COLOR' in process.env && process.env.NO_COLOR !== '') return false
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true
  return Boolean(stream.isTTY)
}

/** Progress lines on `stream` (stderr when stdout carries JSON). */
export function createProgress(stream: NodeJS.WriteStream): Progress {
  const color = shouldColor(stream)
  const paint = (status: CheckResult['status'], text: string): string => (color ? `\u001b[${CODES[status]}m${text}\u001b[0m` : text)
  return {
    stage(message) {
      stream.write(`${message}\n`)
    },
    result(r) {
      const count = r.findings.filter((f) => !f.suppressed).length
      const detail = r.status === 'pass' && count === 0 ? '' : ` ${r.summary.replace(/\s+/g, ' ').slice(0, 160)}`
      stream.write(`  ${paint(r.status, WORD[r.status].padEnd(5))} ${r.id}${detail}\n`)
    },
  }
}

/** Progress that writes nothing. */
export const quietProgress: Progress = { stage: () => undefined, result: () => undefined }
