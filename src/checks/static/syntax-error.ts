import { defineStaticRule } from '../../engine/define.js'

/** A migration the PostgreSQL parser rejects will fail when it runs, after earlier files succeeded. */
export default defineStaticRule({
  id: 'syntax-error',
  title: 'Migrations parse as PostgreSQL',
  severity: 'error',
  run(ctx) {
    for (const file of ctx.files) {
      const problem = file.parsed.syntaxError
      if (!problem) continue
      ctx.report(
        { file, line: problem.line, col: problem.col },
        {
          message: `PostgreSQL rejects this migration: ${problem.message}.`,
          mitigation: 'Fix the SQL at this position; run it on a scratch database to confirm it parses.',
          evidence: { parser: `libpg-query (PostgreSQL ${Math.floor(file.parsed.parserVersion / 10000) || 'current'} grammar)` },
        },
      )
    }
  },
})
