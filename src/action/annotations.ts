/**
 * Findings as check-run annotations at file and line, and the fallback when no check run can be
 * created: the same annotations as workflow commands (::error file=...,line=...::), which the
 * runner shows in the log and, capped per step, on the pull request.
 */
import type { CheckResult, Finding } from '../engine/model.js'
import type { Report } from '../engine/report.js'

/** One annotation as the Checks API takes it (POST/PATCH /repos/{owner}/{repo}/check-runs). */
export interface Annotation {
  readonly path: string
  readonly start_line: number
  readonly end_line: number
  readonly start_column?: number
  readonly end_column?: number
  readonly annotation_level: 'notice' | 'warning' | 'failure'
  readonly message: string
  readonly title: string
  readonly raw_details?: string
}

/** The Checks API takes at most 50 annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50
const MAX_TITLE = 255
// The API allows 64 KB; stay well under it, a message that long helps nobody.
const MAX_MESSAGE = 4000

/** Every active finding that has a file, as an annotation with a repository-relative path, in file and line order. */
export function toAnnotations(report: Report, toRepoPath: (file: string) => string): Annotation[] {
  const out: Annotation[] = []
  for (const check of report.checks) {
    for (const f of check.findings) {
      if (f.suppressed || !f.file || f.file.startsWith('<')) continue
      out.push(annotationOf(check, f, toRepoPath(f.file)))
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || a.start_line - b.start_line || (a.start_column ?? 0) - (b.start_column ?? 0) || a.title.localeCompare(b.title))
}

/** One finding as an annotation; columns only on one-line ranges, as the API requires. */
function annotationOf(check: CheckResult, f: Finding, path: string): Annotation {
  const start = Math.max(1, f.line ?? 1)
  const end = Math.max(start, f.endLine ?? start)
  const isOneLine = start === end
  return {
    path,
    start_line: start,
    end_line: end,
    ...(isOneLine && f.col ? { start_column: f.col, end_column: Math.max(f.col, f.endCol ?? f.col) } : {}),
    annotation_level: levelOf(check, f),
    message: truncate(`${f.message}\nFix: ${f.mitigation}`, MAX_MESSAGE),
    title: truncate(`${f.id}: ${check.title}`, MAX_TITLE),
    raw_details: truncate(`Runbook: ${f.docs}${f.evidence ? `\nEvidence: ${JSON.stringify(f.evidence)}` : ''}`, MAX_MESSAGE),
  }
}

/** failure for errors of failing checks, warning for warnings (and errors a config turned into warnings), notice for info. */
function levelOf(check: CheckResult, f: Finding): Annotation['annotation_level'] {
  if (f.severity === 'info') return 'notice'
  if (f.severity === 'warning' || check.status === 'warn' || check.status === 'pass') return 'warning'
  return 'failure'
}

/** Splits annotations into request-sized batches. */
export function batches<T>(items: readonly T[], size = ANNOTATIONS_PER_REQUEST): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** The workflow-command fallback: how many annotations of each kind were written. */
export interface AnnotationSink {
  error(message: string, properties: Record<string, string | number>): void
  warning(message: string, properties: Record<string, string | number>): void
  notice(message: string, properties: Record<string, string | number>): void
}

/** Writes annotations as workflow commands. */
export function writeWorkflowAnnotations(annotations: readonly Annotation[], sink: AnnotationSink): void {
  for (const a of annotations) {
    const properties = {
      title: a.title,
      file: a.path,
      startLine: a.start_line,
      endLine: a.end_line,
      ...(a.start_column ? { startColumn: a.start_column, endColumn: a.end_column ?? a.start_column } : {}),
    }
    if (a.annotation_level === 'failure') sink.error(a.message, properties)
    else if (a.annotation_level === 'warning') sink.warning(a.message, properties)
    else sink.notice(a.message, properties)
  }
}

/** Cuts text to `max` characters with an ellipsis. */
function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
