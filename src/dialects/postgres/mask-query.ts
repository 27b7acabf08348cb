/**
 * Masks literals in query text taken from pg_stat_activity before it reaches a report: string,
 * numeric, bit/hex and dollar-quoted literals become `?`, comments are dropped, whitespace is
 * collapsed and the text is shortened. Query text can hold passwords, tokens and personal data;
 * the shape of the query is enough to recognise it. Text that pg_stat_activity truncated
 * (track_activity_query_size) may end inside a literal: the rest is masked too.
 */

/** Longest masked query text a report shows. */
export const MASKED_QUERY_LENGTH = 200

import { dollarQuoteTag, skipBlockComment, skipDollarQuoted, skipLineComment, skipQuoted } from './sql-lexing.js'

const IDENT_CHAR = /[A-Za-z0-9_$\u0080-\uffff]/
const STRING_PREFIX = /[EeBbXxNn]/

/** Returns the query with literals replaced by `?`, comments removed, at most `max` characters. */
export function maskQuery(text: string | null | undefined, max = MASKED_QUERY_LENGTH): string {
  if (!text) return ''
  let out = ''
  let i = 0
  const n = text.length
  while (i < n) {
    const c = text[i]!
    const next = text[i + 1]
    if (c === '-' && next === '-') {
      i = skipLineComment(text, i)
      out += ' '
    } else if (c === '/' && next === '*') {
      i = skipBlockComment(text, i)
      out += ' '
    } else if (c === "'") {
      i = skipQuoted(text, i)
      out += '?'
    } else if (STRING_PREFIX.test(c) && next === "'" && !isIdentBefore(text, i)) {
      i = skipQuoted(text, i + 1, c === 'E' || c === 'e')
      out += '?'
    } else if ((c === 'U' || c === 'u') && next === '&' && text[i + 2] === "'" && !isIdentBefore(text, i)) {
      i = skipQuoted(text, i + 2)
      out += '?'
    } else if (c === '"') {
      const end = skipQuoted(text, i)
      out += text.slice(i, end)
      i = end
    } else if (c === '$' && !isIdentBefore(text, i)) {
      const tag = dollarQuoteTag(text, i)
      if (tag === undefined) {
        // A parameter ($1) or a lone dollar: keep it.
        const end = skipWhile(text, i + 1, /[0-9]/)
        out += text.slice(i, end)
        i = end
      } else {
        i = skipDollarQuoted(text, i, tag)
        out += '?'
      }
    } else if ((isDigit(c) || (c === '.' && isDigit(next))) && !isIdentBefore(text, i)) {
      i = skipNumber(text, i)
      out += '?'
    } else if (/\s/.test(c)) {
      i = skipWhile(text, i, /\s/)
      out += ' '
    } else {
      out += c
      i++
    }
  }
  const flat = out.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

/** True when the character before `i` continues an identifier (t1, x$2), so `i` is not a literal start. */
function isIdentBefore(text: string, i: number): boolean {
  return i > 0 && IDENT_CHAR.test(text[i - 1]!)
}

/** True for an ASCII digit. */
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9'
}

/** Index after the run of characters matching `re` from `i`. */
function skipWhile(text: string, i: number, re: RegExp): number {
  let j = i
  while (j < text.length && re.test(text[j]!)) j++
  return j
}






/** Index after a numeric literal: 42, 3.14, .5, 1e-9, 1_000, 0x1F, 0o17, 0b101. */
function skipNumber(text: string, i: number): number {
  const match = /^(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d*([eE][+-]?\d+)?)/.exec(text.slice(i, i + 100))
  const length = match?.[0].length ?? 1
  return i + Math.max(length, 1)
}
