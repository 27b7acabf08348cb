/**
 * The pieces of PostgreSQL's lexical structure that scanners of SQL text share: comments (block
 * comments nest), quoted literals and identifiers (a doubled quote stays inside; E'' strings also
 * take backslash escapes) and dollar-quoted strings. Each returns the index just after the token
 * that starts at `i`, or the end of the text when it never closes.
 * https://www.postgresql.org/docs/current/sql-syntax-lexical.html
 */

/** Index after a `--` comment (at its newline, which it leaves). */
export function skipLineComment(text: string, i: number): number {
  const nl = text.indexOf('\n', i)
  return nl === -1 ? text.length : nl
}

/** Index after a block comment starting at `i`; they nest in PostgreSQL. */
export function skipBlockComment(text: string, i: number): number {
  let depth = 0
  let j = i
  while (j < text.length) {
    if (text[j] === '/' && text[j + 1] === '*') {
      depth++
      j += 2
    } else if (text[j] === '*' && text[j + 1] === '/') {
      depth--
      j += 2
      if (depth === 0) return j
    } else j++
  }
  return text.length
}

/** Index after the quoted literal or identifier whose quote (`'` or `"`) is at `i`. */
export function skipQuoted(text: string, i: number, hasBackslashEscapes = false): number {
  const quote = text[i]
  let j = i + 1
  while (j < text.length) {
    const c = text[j]
    if (hasBackslashEscapes && c === '\\') {
      j += 2
    } else if (c === quote) {
      if (text[j + 1] === quote) j += 2
      else return j + 1
    } else j++
  }
  return text.length
}

/** Whether the `'` at `i` opens an E'' string (backslash escapes): an E right before it that is not the end of a name. */
export function isEscapeString(text: string, i: number): boolean {
  return /[eE]/.test(text[i - 1] ?? '') && !/[A-Za-z0-9_$\u0080-\uffff]/.test(text[i - 2] ?? '')
}

/** The `$tag$` opening a dollar-quoted string at `i`, or undefined when `$` starts a parameter ($1) or nothing. */
export function dollarQuoteTag(text: string, i: number): string | undefined {
  const match = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i, i + 66))
  return match ? match[0] : undefined
}

/** Index after the dollar-quoted string opened by `tag` at `i`. */
export function skipDollarQuoted(text: string, i: number, tag: string): number {
  const close = text.indexOf(tag, i + tag.length)
  return close === -1 ? text.length : close + tag.length
}
