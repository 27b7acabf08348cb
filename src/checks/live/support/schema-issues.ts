/**
 * Turns the schema analysis (src/dialects/postgres/schema-model) into one check's outcome: the
 * issues of the kinds the check owns become findings at their statements.
 */
import type { FindingInput, LiveContext, LiveOutcome, ReportTarget } from '../../../engine/define.js'
import { analyseSchema, type SchemaAnalysis } from '../../../dialects/postgres/schema-model/analyse.js'
import type { IssueKind, SchemaIssue } from '../../../dialects/postgres/schema-model/replay.js'

/** What a schema check says when it finds nothing, and how to fix what it finds. */
export interface SchemaCheckText {
  /** e.g. "every object the pending statements use exists, and none they create exists already" */
  readonly passed: string
  readonly mitigation: string
}

/** Runs the shared analysis and grades the issues of `kinds`. */
export async function schemaIssuesOutcome(ctx: LiveContext, kinds: readonly IssueKind[], text: SchemaCheckText): Promise<LiveOutcome> {
  if (ctx.pending.length === 0) return { status: 'pass', summary: 'No pending migrations to compare with the target.' }
  const analysis = await analyseSchema(ctx)
  const issues = analysis.issues.filter((i) => kinds.includes(i.kind))
  return gradeIssues(analysis, issues, text)
}

/** Findings at their statements; fail on any error, warn on warnings only. */
export function gradeIssues(analysis: SchemaAnalysis, issues: readonly SchemaIssue[], text: SchemaCheckText): LiveOutcome {
  const evidence = {
    statements: analysis.statements,
    relationsLoaded: analysis.loaded.relations,
    catalogQueries: analysis.queries,
    analysisMs: analysis.durationMs,
    ...(analysis.simulation.opaque.length > 0 ? { opaqueStatements: analysis.simulation.opaque.map((o) => `${o.file.migration.path}:${o.stmt.line}`) } : {}),
  }
  if (issues.length === 0) {
    const note = analysis.simulation.opaque.length > 0 ? ` (not counting what ${analysis.simulation.opaque.length} DO block or procedure call${analysis.simulation.opaque.length === 1 ? '' : 's'} may change)` : ''
    return { status: 'pass', summary: `Checked ${analysis.statements} pending statements against the target: ${text.passed}${note}.`, evidence }
  }
  const findings: (FindingInput & { at?: ReportTarget })[] = issues.map((i) => ({
    at: i.at,
    message: i.message,
    mitigation: i.mitigation,
    severity: i.severity,
    evidence: i.evidence,
    ...(i.tables ? { tables: i.tables } : {}),
  }))
  const errors = issues.filter((i) => i.severity === 'error').length
  const first = issues.find((i) => i.severity === 'error') ?? issues[0]!
  const where = `${first.at.file.migration.path}:${first.at.stmt.line}:${first.at.stmt.col}`
  const summary =
    issues.length === 1
      ? `${where}: ${first.message}`
      : `${issues.length} problems (${errors} that make a statement fail); the first at ${where}: ${first.message}`
  return { status: errors > 0 ? 'fail' : 'warn', summary, mitigation: text.mitigation, evidence: { ...evidence, problems: issues.length }, findings }
}
