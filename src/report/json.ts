/**
 * The JSON report: the Report object with a fixed key order (as built by the engine),
 * validated against schema/report.schema.json in the tests.
 */
import type { Report } from '../engine/report.js'

/** Renders the report as pretty JSON with a trailing newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`
}
