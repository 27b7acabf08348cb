/**
 * Writes the chosen report formats under the output folder, named with target and timestamp.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Report } from '../engine/report.js'
import { jsonChunks, renderJson } from './json.js'
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
    // The JSON report is the large one (all findings and statements): it is written in pieces.
    if (format === 'json') writeChunks(path, jsonChunks(report))
    else writeFileSync(path, renderReport(report, format))
    written[format] = path
  }
  return written
}

/** Pieces gathered up to this size are written at once: few writes, and no report-sized string. */
const WRITE_BYTES = 256 * 1024

/** Writes text given in pieces to a file, replacing it. */
export function writeChunks(path: string, chunks: Iterable<string>): void {
  const fd = openSync(path, 'w')
  try {
    // Joined once per write: appending piece by piece builds a rope that is slow to flatten and encode.
    let pending: string[] = []
    let length = 0
    for (const chunk of chunks) {
      if (chunk.length >= WRITE_BYTES) {
        // A large piece (a check with thousands of findings) goes out as it is, after what came before it.
        if (length > 0) writeSync(fd, pending.join(''))
        writeSync(fd, chunk)
        pending = []
        length = 0
        continue
      }
      pending.push(chunk)
      length += chunk.length
      if (length >= WRITE_BYTES) {
        writeSync(fd, pending.join(''))
        pending = []
        length = 0
      }
    }
    if (length > 0) writeSync(fd, pending.join(''))
  } finally {
    closeSync(fd)
  }
}
