/**
 * Runs the live checks against the target's read-only session, one at a time (they share one
 * connection), each in its own try so that a failing check becomes an `error` result.
 */
import type { PreflightConfig } from '../config/schema.js'
import type { LiveCheck, LiveContext, LiveOutcome } from './define.js'
import { describeError } from './errors.js'
import { compareFindings, runbookLink, type CheckResult, type Finding, type Status } from './model.js'
import { resolveOverride } from './overrides.js'

/** Runs the checks in order and returns their results. */
export async function runLiveChecks(
  checks: readonly LiveCheck[],
  ctx: LiveContext,
  config: PreflightConfig,
  onResult?: (result: CheckResult) => void,
): Promise<CheckResult[]> {
  const results: CheckResult[] = []
  for (const check of checks) {
    const result = await runOne(check, ctx, config)
    results.push(result)
    onResult?.(result)
  }
  return results
}

/** Runs one check in its own try and shapes its result. */
async function runOne(check: LiveCheck, ctx: LiveContext, config: PreflightConfig): Promise<CheckResult> {
  const base = { id: check.id, title: check.title, category: check.category, kind: 'live' as const, docs: runbookLink(check.id) }
  const override = resolveOverride(config.rules[check.id], check.severity)
  // The engine lists only checks of the target's dialect; other callers get a skip, never a foreign catalog query.
  if (!check.dialects.includes(ctx.db.dialect)) {
    return { ...base, severity: check.severity, status: 'skip', summary: `Not applicable to ${ctx.db.dialect} targets.`, durationMs: 0, findings: [] }
  }
  if (override.isOff) {
    return { ...base, severity: check.severity, status: 'skip', summary: `Turned off in config (rules.${check.id}).`, durationMs: 0, findings: [] }
  }
  const started = performance.now()
  let out: LiveOutcome
  try {
    out = await check.run(ctx)
  } catch (error) {
    const code = (error as { code?: string }).code
    ctx.log.log('error', `check ${check.id} threw: ${describeError(error)}`, { code, stack: (error as Error)?.stack })
    return {
      ...base,
      severity: override.severity,
      status: 'error',
      summary: `The check could not run: ${describeError(error)}${code ? ` (SQLSTATE ${code})` : ''}.`,
      mitigation: errorMitigation(code),
      durationMs: Math.round(performance.now() - started),
      findings: [],
    }
  }
  const durationMs = Math.round(performance.now() - started)
  const findings: Finding[] = (out.findings ?? [])
    .map((f) => {
      const at = f.at
      const position =
        at === undefined
          ? {}
          : 'stmt' in at
            ? { file: at.file.migration.path, line: at.stmt.line, col: at.stmt.col, endLine: at.stmt.endLine, endCol: at.stmt.endCol }
            : { file: at.file.migration.path, line: at.line, col: at.col, endLine: at.endLine ?? at.line, endCol: at.endCol ?? at.col }
      return {
        id: check.id,
        severity: f.severity ?? override.severity,
        message: f.message,
        ...position,
        ...(f.evidence ? { evidence: f.evidence } : {}),
        mitigation: f.mitigation,
        ...(f.help ? { help: f.help } : {}),
        docs: runbookLink(check.id),
        ...(f.tables ? { tables: f.tables } : {}),
        ...(f.lock ? { lock: f.lock } : {}),
      } satisfies Finding
    })
    .sort(compareFindings)
  // A check configured down to a warning cannot fail the run.
  const status: Status = out.status === 'fail' && override.severity !== 'error' ? 'warn' : out.status
  ctx.log.log('info', `check ${check.id}: ${status} in ${durationMs} ms: ${out.summary}`)
  return {
    ...base,
    severity: override.severity,
    status,
    summary: out.summary,
    ...(out.evidence ? { evidence: out.evidence } : {}),
    ...(out.mitigation ? { mitigation: out.mitigation } : {}),
    durationMs,
    findings,
  }
}

/** What to do when a catalog query itself failed, by SQLSTATE class. */
function errorMitigation(code: string | undefined): string {
  if (code === '42501') return 'The connecting role lacks a privilege this check needs (SQLSTATE 42501). Grant pg_monitor (or pg_read_all_stats) to the preflight login.'
  if (code === '57014') return 'The check\'s query hit the preflight statement_timeout: the server is overloaded or the catalog is huge. Raise statementTimeoutMs for this target or run preflight at a quieter time.'
  if (code === '55P03') return 'The check\'s query waited too long for a lock (lock_timeout). Something holds a strong lock on a catalog table; see the locks checks.'
  return 'Look at the log file for the query and error; run preflight again, and report a bug if it persists.'
}
