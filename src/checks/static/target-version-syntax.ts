import { CURRENT_GRAMMAR, OLDER_GRAMMARS, loadGrammar, type GrammarError } from '../../dialects/postgres/grammars.js'
import type { Statement } from '../../dialects/postgres/parser.js'
import { defineStaticRule, type StaticContext } from '../../engine/define.js'
import { LineIndex, type Position } from '../../engine/line-index.js'

/**
 * A migration written on a newer PostgreSQL can be a syntax error on the target's older major
 * (a subquery in FROM without an alias before 16, MERGE before 15...). The parser of the target's
 * own major knows every such difference, so each pending statement is parsed with it.
 */
export default defineStaticRule({
  id: 'target-version-syntax',
  title: "Migrations parse on the target's PostgreSQL version",
  category: 'versions',
  severity: 'error',
  async run(ctx) {
    const major = ctx.postgresVersion
    if (ctx.versionSource === 'default') {
      return ctx.skip("The target's PostgreSQL version is unknown: no target is connected and postgresVersion is not set in the config.")
    }
    // The rules' own parser is this major or older and accepted every statement; syntax-error reports the rest.
    if (major >= CURRENT_GRAMMAR) return
    if (!OLDER_GRAMMARS.includes(major)) {
      return ctx.skip(`No PostgreSQL ${major} grammar ships with this tool (it has ${[...OLDER_GRAMMARS, CURRENT_GRAMMAR].join(', ')}), so the migrations were not parsed as PostgreSQL ${major}.`)
    }
    await checkFiles(ctx, major)
  },
})

/** Reports every statement the target major's grammar rejects. */
async function checkFiles(ctx: StaticContext, major: number): Promise<void> {
  const grammar = await loadGrammar(major)
  for (const file of ctx.files) {
    // Most files parse whole: only a rejected file is parsed statement by statement, for exact positions.
    if (file.parsed.statements.length === 0 || !grammar.reject(file.migration.sql)) continue
    for (const stmt of file.parsed.statements) {
      const error = grammar.reject(stmt.text)
      if (!error) continue
      const acceptedFrom = await firstAcceptingMajor(stmt.text, major)
      const at = positionInFile(stmt, error)
      ctx.report(
        { file, line: at.line, col: at.col, endLine: stmt.endLine, endCol: stmt.endCol },
        {
          message: `The target's PostgreSQL ${major} rejects this statement: ${error.message}. ${describeAcceptance(major, acceptedFrom)}, so the migration will fail here when it runs.`,
          mitigation: mitigationFor(stmt, major, acceptedFrom),
          evidence: {
            targetVersion: major,
            versionSource: ctx.versionSource,
            grammar: `PostgreSQL ${Math.floor(grammar.version / 10000)}.${grammar.version % 10000} (libpg-query)`,
            parserMessage: error.message,
            firstAcceptingVersion: acceptedFrom,
          },
        },
      )
    }
  }
}

/** The first newer major whose grammar accepts `sql`, trying the shipped ones in order and loading each only when reached. */
async function firstAcceptingMajor(sql: string, major: number): Promise<number> {
  for (const newer of OLDER_GRAMMARS) {
    if (newer > major && !(await loadGrammar(newer)).reject(sql)) return newer
  }
  return CURRENT_GRAMMAR
}

/** "PostgreSQL 16 is the first version that accepts it", naming the majors just before it that could not be checked. */
function describeAcceptance(major: number, acceptedFrom: number): string {
  const lastRejecting = Math.max(major, ...OLDER_GRAMMARS.filter((m) => m < acceptedFrom))
  const unchecked: number[] = []
  for (let m = lastRejecting + 1; m < acceptedFrom; m++) unchecked.push(m)
  const note = unchecked.length ? ` (PostgreSQL ${unchecked.join(', ')} not checked: no grammar shipped)` : ''
  return `PostgreSQL ${acceptedFrom} is the first version that accepts it${note}`
}

/** What to do: rewrite for the target (with a specific hint where the statement kind has one), or upgrade first. */
function mitigationFor(stmt: Statement, major: number, acceptedFrom: number): string {
  const hint = REWRITE_HINTS[stmt.kind]
  return `${hint ? `${hint} ` : ''}Rewrite the statement in PostgreSQL ${major} syntax (the runbook lists common rewrites, such as aliasing a subquery in FROM), or upgrade the target to PostgreSQL ${acceptedFrom} or later before this migration runs.`
}

/** Rewrites for whole statement kinds that older majors lack. */
const REWRITE_HINTS: Readonly<Record<string, string>> = {
  MergeStmt: 'MERGE exists from PostgreSQL 15 on: use INSERT ... ON CONFLICT ... DO UPDATE, or an UPDATE followed by an INSERT ... WHERE NOT EXISTS.',
}

/** Maps the grammar's error cursor (characters into the statement text) to the file's line and column. */
function positionInFile(stmt: Statement, error: GrammarError): Position {
  const inStatement = new LineIndex(stmt.text).positionOfChar(error.cursor)
  return inStatement.line === 1
    ? { line: stmt.line, col: stmt.col + inStatement.col - 1 }
    : { line: stmt.line + inStatement.line - 1, col: inStatement.col }
}
