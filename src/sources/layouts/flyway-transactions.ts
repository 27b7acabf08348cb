/**
 * Whether Flyway runs a PostgreSQL migration in a transaction, decided from its statements as
 * Flyway itself decides: its PostgreSQLParser marks a statement that cannot run in a transaction
 * block by its first keywords (detectCanExecuteInTransaction: CREATE/DROP [UNIQUE] INDEX
 * CONCURRENTLY, REINDEX SCHEMA/DATABASE/SYSTEM, VACUUM, DISCARD ALL, CREATE/DROP
 * DATABASE/TABLESPACE/SUBSCRIPTION, ALTER SYSTEM). A migration of only such statements runs
 * without a transaction; one that mixes them with others is refused before it runs ("Detected both
 * transactional and non-transactional statements within the same migration") unless `mixed` is
 * set, and then runs without one. ALTER TYPE ... ADD VALUE, which Flyway also marks on servers
 * before 12, is not: the server version is unknown when the files are listed.
 * https://documentation.red-gate.com/fd/mixed-277579320.html
 */
import { dollarQuoteTag, isEscapeString, skipBlockComment, skipDollarQuoted, skipLineComment, skipQuoted } from '../../dialects/postgres/sql-lexing.js'

/** How Flyway runs one migration's statements. */
export type FlywayStatements =
  | { readonly kind: 'transactional' }
  | { readonly kind: 'non-transactional'; readonly first: string }
  | { readonly kind: 'mixed'; readonly nonTransactional: string; readonly line: number }

// Flyway matches these against the statement's first keywords, upper-cased, one space apart.
const NON_TRANSACTIONAL = [
  /^(CREATE|DROP)( UNIQUE)? INDEX CONCURRENTLY\b/,
  /^REINDEX( VERBOSE)? (SCHEMA|DATABASE|SYSTEM)\b/,
  /^VACUUM\b/,
  /^DISCARD ALL\b/,
  /^(CREATE|DROP) (DATABASE|TABLESPACE|SUBSCRIPTION)\b/,
  /^ALTER SYSTEM\b/,
]

/** Classifies a migration's statements as Flyway does. */
export function flywayStatements(sql: string): FlywayStatements {
  let first: { text: string; line: number } | undefined
  let hasTransactional = false
  for (const statement of statementHeads(sql)) {
    const pattern = NON_TRANSACTIONAL.find((p) => p.test(statement.head))
    if (pattern) first ??= { text: pattern.exec(statement.head)![0], line: statement.line }
    else hasTransactional = true
  }
  if (!first) return { kind: 'transactional' }
  return hasTransactional ? { kind: 'mixed', nonTransactional: first.text, line: first.line } : { kind: 'non-transactional', first: first.text }
}

/** How many words of a statement the patterns need. */
const HEAD_WORDS = 5

/**
 * The first words of each statement (upper case, one space apart) and the line it starts on.
 * Comments, string literals, quoted identifiers and dollar-quoted bodies are skipped, so a `;`
 * inside them does not end a statement.
 */
export function* statementHeads(sql: string): Generator<{ head: string; line: number }> {
  let words: string[] = []
  let line = 1
  let startLine = 0
  let hasContent = false
  const end = function* (): Generator<{ head: string; line: number }> {
    if (hasContent) yield { head: words.join(' '), line: startLine }
    words = []
    hasContent = false
  }
  const begin = (): void => {
    if (!hasContent) startLine = line
    hasContent = true
  }
  // Moves past a token that may span lines, counting them.
  const skipTo = (from: number, to: number): number => {
    for (let k = from; k < to; k++) if (sql[k] === '\n') line++
    return to
  }
  let i = 0
  while (i < sql.length) {
    const c = sql[i]!
    const tag = c === '$' ? dollarQuoteTag(sql, i) : undefined
    if (c === '\n') {
      line++
      i++
    } else if (c === '-' && sql[i + 1] === '-') {
      i = skipLineComment(sql, i)
    } else if (c === '/' && sql[i + 1] === '*') {
      i = skipTo(i, skipBlockComment(sql, i))
    } else if (c === ';') {
      yield* end()
      i++
    } else if (c === "'" || c === '"') {
      begin()
      i = skipTo(i, skipQuoted(sql, i, c === "'" && isEscapeString(sql, i)))
      words.push('?')
    } else if (tag !== undefined) {
      begin()
      i = skipTo(i, skipDollarQuoted(sql, i, tag))
      words.push('?')
    } else if (/\s/.test(c)) {
      i++
    } else {
      begin()
      const word = /^[A-Za-z_][A-Za-z0-9_$]*|^./.exec(sql.slice(i, i + 64))![0]
      if (words.length < HEAD_WORDS) words.push(word.toUpperCase())
      i += word.length
    }
  }
  yield* end()
}
