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
      const mysql = placeholder ? undefined : mysqlSign(file.migration.sql, problem.message)
      ctx.report(
        { file, line: problem.line, col: problem.col },
        {
          message: placeholder
            ? `PostgreSQL rejects this migration as written: ${problem.message}, at the placeholder ${placeholder.text}, which the migration tool replaces before running the file.`
            : mysql
              ? `PostgreSQL rejects this migration: ${problem.message}. It looks written for MySQL or MariaDB (${mysql}).`
              : `PostgreSQL rejects this migration: ${problem.message}.`,
          mitigation: placeholder
            ? placeholderFix(placeholder)
            : mysql
              ? 'If these migrations are for MySQL or MariaDB, set dialect: mysql in migrations.config.yaml (or on the target) so they are read as MySQL; otherwise fix the SQL at this position.'
              : 'Fix the SQL at this position; run it on a scratch database to confirm it parses.',
          evidence: {
            parser: `libpg-query (PostgreSQL ${Math.floor(file.parsed.parserVersion / 10000) || 'current'} grammar)`,
            ...(placeholder ? { placeholder: placeholder.name } : {}),
            ...(mysql ? { looksLike: `MySQL: ${mysql}` } : {}),
          },
        },
      )
    }
  },
})

// Syntax only MySQL and MariaDB accept, as migrations write it.
const MYSQL_SIGNS: readonly (readonly [RegExp, string])[] = [
  [/`[^`\n]+`/, 'backquoted names'],
  [/\bENGINE\s*=\s*\w+/i, 'ENGINE='],
  [/\bAUTO_INCREMENT\b/i, 'AUTO_INCREMENT'],
  [/\b(?:INT|BIGINT|SMALLINT|TINYINT|DECIMAL)(?:\(\d+(?:,\s*\d+)?\))?\s+UNSIGNED\b/i, 'UNSIGNED'],
  [/\bMODIFY\s+(?:COLUMN\s+)?[`\w]/i, 'MODIFY COLUMN'],
  [/\bDEFAULT\s+CHARSET\s*=/i, 'DEFAULT CHARSET='],
  [/\bADD\s+(?:COLUMN\s+)?[`"\w]+\s[^;]*?\s(?:AFTER\s+[`"\w]+|FIRST)\s*(?:[,;]|$)/im, 'ADD COLUMN ... AFTER'],
]

/** What makes a file PostgreSQL rejects look like MySQL (outside its strings and comments), or undefined. */
function mysqlSign(sql: string, message: string): string | undefined {
  if (/at or near "`/.test(message)) return 'backquoted names'
  const code = sql.replace(/'(?:[^']|'')*'|\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|--[^\n]*|\/\*[\s\S]*?\*\//g, ' ')
  return MYSQL_SIGNS.find(([pattern]) => pattern.test(code))?.[1]
}

/** How to let the file be analysed as its tool will run it. */
function placeholderFix(placeholder: PlaceholderUse): string {
  return (
    `Give the placeholder the value the tool uses, in migrations.config.yaml: migrations: { placeholders: { ${JSON.stringify(placeholder.name)}: "..." } }. ` +
    'The file is then analysed with the value in place.'
  )
}
