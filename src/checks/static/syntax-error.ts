import { defineStaticRule } from '../../engine/define.js'
import { placeholderNear, type PlaceholderUse } from '../../sources/placeholders.js'

/** A migration the PostgreSQL parser rejects will fail when it runs, after earlier files succeeded. */
export default defineStaticRule({
  id: 'syntax-error',
  title: 'Migrations parse as PostgreSQL',
  severity: 'error',
  run(ctx) {
    for (const file of ctx.files) {
      const problem = file.parsed.syntaxError
      if (!problem) continue
      // A file written for a tool that fills in placeholders first is not wrong: it needs their values.
      const placeholder = placeholderNear(file.parsed.lines.lineText(problem.line), problem.col - 1)
      ctx.report(
        { file, line: problem.line, col: problem.col },
        {
          message: placeholder
            ? `PostgreSQL rejects this migration as written: ${problem.message}, at the placeholder ${placeholder.text}, which the migration tool replaces before running the file.`
            : `PostgreSQL rejects this migration: ${problem.message}.`,
          mitigation: placeholder ? placeholderFix(placeholder) : 'Fix the SQL at this position; run it on a scratch database to confirm it parses.',
          evidence: {
            parser: `libpg-query (PostgreSQL ${Math.floor(file.parsed.parserVersion / 10000) || 'current'} grammar)`,
            ...(placeholder ? { placeholder: placeholder.name } : {}),
          },
        },
      )
    }
  },
})

/** How to let the file be analysed as its tool will run it. */
function placeholderFix(placeholder: PlaceholderUse): string {
  return (
    `Give the placeholder the value the tool uses, in migrations.config.yaml: migrations: { placeholders: { ${JSON.stringify(placeholder.name)}: "..." } }. ` +
    'The file is then analysed with the value in place.'
  )
}
