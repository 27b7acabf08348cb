/**
 * Comments inside one MySQL statement, rewritten without moving any character: executable comments
 * (`/*!40101 SET NAMES utf8 *\/`, MariaDB's `/*M!100100 ... *\/`) lose their markers so the SQL in
 * them is read as the server reads it, and ordinary comments can be blanked for keyword tests.
 * Every server this tool supports (MySQL 8.0+, MariaDB 10.6+) is newer than the versions such
 * comments name in practice (mysqldump writes 40101, 50503...), so their content runs.
 * https://dev.mysql.com/doc/refman/8.4/en/comments.html
 */

/** What to rewrite: `blank` also replaces ordinary comments with spaces. */
export interface CommentRewrite {
  readonly blank?: boolean
}

/** Returns `text` with executable-comment markers (and, with `blank`, ordinary comments) replaced by spaces. */
export function rewriteComments(text: string, options: CommentRewrite = {}): string {
  // Most statements have no comment at all: skip the scan.
  if (!text.includes('/*') && !(options.blank && (text.includes('#') || text.includes('--')))) return text
  let out = ''
  let i = 0
  let isInExecutable = false
  while (i < text.length) {
    const c = text[i]!
    if (c === "'" || c === '"' || c === '`') {
      const end = quotedEnd(text, i)
      out += text.slice(i, end)
      i = end
    } else if (isInExecutable && text.startsWith('*/', i)) {
      out += '  '
      i += 2
      isInExecutable = false
    } else if (text.startsWith('/*', i)) {
      const marker = /^\/\*M?!\d{0,6}/.exec(text.slice(i, i + 10))
      if (marker && !isInExecutable) {
        out += ' '.repeat(marker[0].length)
        i += marker[0].length
        isInExecutable = true
        continue
      }
      const close = text.indexOf('*/', i + 2)
      const end = close === -1 ? text.length : close + 2
      // Optimizer hints (/*+ ... */) are part of the statement, like executable comments.
      out += options.blank && text[i + 2] !== '+' ? blankOut(text.slice(i, end)) : text.slice(i, end)
      i = end
    } else if (c === '#' || (c === '-' && text[i + 1] === '-' && (i + 2 >= text.length || /\s/.test(text[i + 2]!)))) {
      const newline = text.indexOf('\n', i)
      const end = newline === -1 ? text.length : newline
      out += options.blank ? blankOut(text.slice(i, end)) : text.slice(i, end)
      i = end
    } else {
      out += c
      i++
    }
  }
  return out
}

/** Spaces in place of every character but line breaks, so lines and columns stay put. */
function blankOut(s: string): string {
  return s.replace(/[^\n]/g, ' ')
}

/** End (after the closing quote) of the quoted string or identifier at `at`: doubled quotes and backslash escapes stay inside. */
export function quotedEnd(text: string, at: number): number {
  const quote = text[at]!
  let i = at + 1
  while (i < text.length) {
    const c = text[i]!
    if (c === '\\' && quote !== '`') i += 2
    else if (c === quote && text[i + 1] === quote) i += 2
    else if (c === quote) return i + 1
    else i++
  }
  return text.length
}
