/**
 * Parsing and validation of the shared command-line options (formats, fail-on, id lists, --at).
 */
import { UsageError } from '../engine/errors.js'
import type { FailOn } from '../engine/report.js'
import { REPORT_FORMATS, type ReportFormat } from '../report/write.js'

/** "txt,json" -> ['txt','json']; unknown formats are a usage error. */
export function parseFormats(value: string): ReportFormat[] {
  const formats = splitList(value)
  for (const f of formats) {
    if (!(REPORT_FORMATS as readonly string[]).includes(f)) {
      throw new UsageError(`Unknown report format "${f}" in --format.`, `Use a comma-separated list of: ${REPORT_FORMATS.join(', ')}.`)
    }
  }
  if (formats.length === 0) throw new UsageError('--format needs at least one format.', `Use e.g. --format ${REPORT_FORMATS.join(',')}.`)
  return formats as ReportFormat[]
}

/** Validates --fail-on. */
export function parseFailOn(value: string): FailOn {
  if (value === 'error' || value === 'warning' || value === 'never') return value
  throw new UsageError(`Invalid --fail-on "${value}".`, 'Use error (default), warning or never.')
}

/** Validates --at as an ISO 8601 time. */
export function parseAt(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) throw new UsageError(`Invalid --at "${value}".`, 'Use an ISO 8601 time such as 2026-11-28T02:30:00Z.')
  return date
}

/** Splits a comma-separated option into trimmed non-empty items. */
export function splitList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}
