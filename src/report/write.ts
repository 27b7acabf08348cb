/**
 * Writes the chosen report formats under the output folder, named with target and timestamp.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Report } from '../engine/report.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './md.js'
import { renderSarif } from './sarif.js'
import { renderTxt } from './txt.js'

export const REPORT_FORMATS = ['txt', 'json', 'md', 'sarif'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** Renders one format. */
export function renderReport(report: Report, format: ReportFormat): string {
  switch (format) {
    case 'txt':
      return renderTxt(report)
    case 'json':
      return renderJson(report)
    case 'md':
      return renderMarkdown(report)
    case 'sarif':
      return renderSarif(report)
  }
}

/** Writes every format and returns the paths written, by format. */
export function writeReports(report: Report, formats: readonly ReportFormat[], outDir: string, stamp: string): Partial<Record<ReportFormat, string>> {
  const dir = resolve(outDir)
  mkdirSync(dir, { recursive: true })
  const base = `migrations-preflight-${report.run.target ?? report.run.command}-${stamp}`
  const written: Partial<Record<ReportFormat, string>> = {}
  for (const format of formats) {
    const path = join(dir, `${base}.${format}`)
    writeFileSync(path, renderReport(report, format))
    written[format] = path
  }
  return written
}
