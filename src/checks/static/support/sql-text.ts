/**
 * Pieces of a statement's own text, for mitigations that show the user's SQL back (a DEFAULT
 * expression) without a deparser. Parser locations are byte offsets into the whole file.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import type { StatementRef } from '../../../engine/define.js'

/** Statement text from byte offset `from` (file-relative) to `to` (exclusive) or the statement end. */
export function textBetween(ref: StatementRef, from: number, to?: number): string {
  const bytes = ref.file.parsed.lines.bytes
  const start = Math.max(from, ref.stmt.startByte)
  const end = Math.min(to ?? ref.stmt.endByte, ref.stmt.endByte)
  return end > start ? bytes.subarray(start, end).toString('utf8') : ''
}

/**
 * The expression of a column's DEFAULT constraint as written, e.g. `(random() * 10)::int`:
 * from after the DEFAULT keyword to the next constraint of the column, or to the first comma or
 * closing parenthesis at nesting level zero.
 */
export function defaultExpressionText(ref: StatementRef, constraints: readonly any[], index: number): string | undefined {
  const at = constraints[index]?.Constraint?.location
  if (typeof at !== 'number' || at < 0) return undefined
  const next = constraints.slice(index + 1).map((c) => c?.Constraint?.location).find((l): l is number => typeof l === 'number' && l > at)
  const raw = textBetween(ref, at, next)
  const body = raw.replace(/^default\b/i, '')
  return topLevelPrefix(body).trim() || undefined
}

/** The text up to the first top-level `,` or unmatched `)`, skipping quotes, dollar quotes and comments. */
export function topLevelPrefix(text: string): string {
  let depth = 0
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (ch === "'" || ch === '"') {
      i = skipQuoted(text, i, ch)
      continue
    }
    if (ch === '$') {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i))
      if (tag) {
        const close = text.indexOf(tag[0], i + tag[0].length)
        i = close === -1 ? text.length : close + tag[0].length
        continue
      }
    }
    if (ch === '-' && text[i + 1] === '-') {
      const nl = text.indexOf('\n', i)
      i = nl === -1 ? text.length : nl
      continue
    }
    if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2)
      i = close === -1 ? text.length : close + 2
      continue
    }
    if (ch === '(') depth++
    else if (ch === ')') {
      if (depth === 0) return text.slice(0, i)
      depth--
    } else if (ch === ',' && depth === 0) return text.slice(0, i)
    i++
  }
  return text
}

/** Index just past a quoted literal or identifier starting at `i`; doubled quotes stay inside. */
function skipQuoted(text: string, i: number, quote: string): number {
  let j = i + 1
  while (j < text.length) {
    if (text[j] === quote) {
      if (text[j + 1] === quote) j += 2
      else return j + 1
    } else j++
  }
  return text.length
}
