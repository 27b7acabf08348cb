/**
 * `-- preflight:` directives written in SQL comments:
 *   -- preflight:ignore <rule-id>[,<rule-id>...] <reason>       before a statement
 *   -- preflight:ignore-file <rule-id>[,<rule-id>...] <reason>  at the top of a file
 *   -- preflight:backup <reference>                              before a destructive statement
 * Directives are read only from comments the parser put between statements, so text inside
 * string literals or dollar-quoted bodies can never be mistaken for one.
 */
import type { Comment, ParsedSql } from '../dialects/postgres/parser.js'

export const DIRECTIVE_KINDS = ['ignore', 'ignore-file', 'backup'] as const
export type DirectiveKind = (typeof DIRECTIVE_KINDS)[number]

export interface Directive {
  readonly kind: DirectiveKind | 'unknown'
  /** Rule ids for ignore directives. */
  readonly ruleIds: readonly string[]
  /** The reason (ignore) or the backup reference (backup); empty when missing. */
  readonly reason: string
  readonly line: number
  readonly col: number
  readonly raw: string
  /** Index of the statement the directive precedes; undefined after the last statement. */
  readonly statementIndex: number | undefined
}

const DIRECTIVE = /preflight:([a-z-]+)(?:[ \t]+(.*))?$/

/** Extracts every directive from a parsed file, in order. */
export function parseDirectives(parsed: ParsedSql): Directive[] {
  const out: Directive[] = []
  for (const stmt of parsed.statements) {
    for (const comment of stmt.comments) out.push(...directivesIn(comment, stmt.index))
  }
  for (const comment of parsed.trailingComments) out.push(...directivesIn(comment, undefined))
  return out
}

/** Finds directives in one comment (a block comment may hold several lines). */
function directivesIn(comment: Comment, statementIndex: number | undefined): Directive[] {
  const out: Directive[] = []
  // Every directive line holds "preflight:"; most comments do not, and need no splitting.
  if (!comment.text.includes('preflight:')) return out
  const lines = comment.text.replace(/\*\/$/, '').split('\n')
  for (const [offset, text] of lines.entries()) {
    // MySQL files may also write directives in # comments.
    const body = text.replace(/^\s*(--+|#+|\/\*+|\*)?\s*/, '').trimEnd()
    const match = DIRECTIVE.exec(body)
    if (!match || !body.startsWith('preflight:')) continue
    const kindText = match[1]!
    const rest = (match[2] ?? '').trim()
    const kind = (DIRECTIVE_KINDS as readonly string[]).includes(kindText) ? (kindText as DirectiveKind) : 'unknown'
    // Column of "preflight:" in the file: the comment's own column on its first line.
    const col = text.indexOf('preflight:') + (offset === 0 ? comment.col : 1)
    if (kind === 'ignore' || kind === 'ignore-file') {
      const [ids = '', ...reason] = rest.split(/\s+/)
      out.push({ kind, ruleIds: ids.split(',').filter(Boolean), reason: reason.join(' ').trim(), line: comment.line + offset, col, raw: body, statementIndex })
    } else {
      out.push({ kind, ruleIds: [], reason: rest, line: comment.line + offset, col, raw: body, statementIndex })
    }
  }
  return out
}
