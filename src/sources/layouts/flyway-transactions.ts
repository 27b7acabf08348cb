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
  let i = 0
  while (i < sql.length) {
    const c = sql[i]!
    if (c === '\n') {
      line++
      i++
    } else if (c === '-' && sql[i + 1] === '-') {
      while (i < sql.length && sql[i] !== '\n') i++
    } else if (c === '/' && sql[i + 1] === '*') {
      i = skipBlockComment(sql, i, () => line++)
    } else if (c === ';') {
      yield* end()
      i++
    } else if (c === "'" || c === '"') {
      begin()
      const isEscape = c === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/[A-Za-z0-9_$]/.test(sql[i - 2] ?? '')
      i = skipQuoted(sql, i, c, isEscape, () => line++)
      words.push('?')
    } else if (c === '$' && /[A-Za-z_$]/.test(sql[i + 1] ?? '') && dollarTag(sql, i) !== undefined) {
      begin()
      const tag = dollarTag(sql, i)!
      const close = sql.indexOf(tag, i + tag.length)
      const stop = close === -1 ? sql.length : close + tag.length
      for (let k = i; k < stop; k++) if (sql[k] === '\n') line++
      i = stop
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

/** The `$tag$` opening a dollar-quoted string at `i`, or undefined. */
function dollarTag(sql: string, i: number): string | undefined {
  const match = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 66))
  return match?.[0]
}

/** The offset after a (nested) block comment starting at `i`. */
function skipBlockComment(sql: string, i: number, onNewline: () => void): number {
  let depth = 0
  while (i < sql.length) {
    if (sql[i] === '/' && sql[i + 1] === '*') {
      depth++
      i += 2
    } else if (sql[i] === '*' && sql[i + 1] === '/') {
      depth--
      i += 2
      if (depth === 0) return i
    } else {
      if (sql[i] === '\n') onNewline()
      i++
    }
  }
  return i
}

/** The offset after a quoted string or identifier starting at `i` (a doubled quote stays inside; backslashes escape in E'...'). */
function skipQuoted(sql: string, i: number, quote: string, isEscape: boolean, onNewline: () => void): number {
  i++
  while (i < sql.length) {
    const c = sql[i]!
    if (c === '\n') onNewline()
    if (isEscape && c === '\\') {
      i += 2
    } else if (c === quote && sql[i + 1] === quote) {
      i += 2
    } else if (c === quote) {
      return i + 1
    } else {
      i++
    }
  }
  return i
}
