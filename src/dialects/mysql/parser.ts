/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser ASTs are untyped JSON, as Statement.node is typed */
/**
 * MySQL and MariaDB parsing: the file is split into statements with our own splitter (exact byte
 * ranges, comments kept for directives), then each statement is parsed with node-sql-parser into
 * the same Statement shape as PostgreSQL's (kind = the AST's `type`: "create", "alter", "drop"...).
 *
 * node-sql-parser does not know every statement MySQL accepts (procedures, some ALTER TABLE
 * forms...). A statement it cannot parse is kept as kind "unparsed" and reported as not analysed;
 * it is never called a syntax error, because the grammar, not the SQL, may be what is missing.
 */
import { LineIndex } from '../../engine/line-index.js'
import type { ParsedSql, Statement } from '../postgres/parser.js'
import { splitMysql } from './split.js'

/**
 * node-sql-parser's grammars, in the order they are tried: its MySQL grammar knows more of what both
 * servers accept (ADD FOREIGN KEY, UPDATE ... LIMIT), its MariaDB grammar MariaDB's own forms
 * (ADD COLUMN IF NOT EXISTS). The AST shapes are the same.
 */
export const MYSQL_GRAMMARS = ['MySQL', 'MariaDB'] as const
export type MysqlGrammar = (typeof MYSQL_GRAMMARS)[number]

/** The kind of a statement neither grammar could parse. */
export const UNPARSED = 'unparsed'

/** The node of an unparsed statement: its leading keywords and the parser's complaint. */
export interface UnparsedNode {
  /** First two keywords, upper case, e.g. "ALTER TABLE", "CREATE PROCEDURE". */
  readonly keywords: string
  readonly reason: string
}

interface SqlParser {
  astify(sql: string, opt?: { database?: string }): unknown
}

/** A loaded parser: both grammars are instantiated once per process. */
export interface MysqlParser {
  parse(sql: string): ParsedSql
}

let loading: Promise<MysqlParser> | undefined

/** Loads node-sql-parser's MySQL and MariaDB grammars lazily (about 0.3 MB each, instead of the 2.5 MB all-dialect build). */
export function loadMysqlParser(): Promise<MysqlParser> {
  loading ??= (async () => {
    const [mysqlBuild, mariadbBuild] = await Promise.all([import('node-sql-parser/build/mysql.js'), import('node-sql-parser/build/mariadb.js')])
    const grammars: Record<MysqlGrammar, SqlParser> = {
      MySQL: new mysqlBuild.default.Parser(),
      MariaDB: new mariadbBuild.default.Parser(),
    }
    return { parse: (sql) => parseMysqlWith(grammars, sql) }
  })()
  return loading
}

/** Splits and parses one file; statements the grammars reject become "unparsed" statements. */
export function parseMysqlWith(grammars: Readonly<Record<MysqlGrammar, SqlParser>>, sql: string): ParsedSql {
  const lines = new LineIndex(sql)
  const { pieces, trailingComments } = splitMysql(lines)
  const statements = pieces.map((piece, index): Statement => {
    const text = lines.slice(piece.startByte, piece.endByte)
    const start = lines.position(piece.startByte)
    const end = lines.position(piece.endByte)
    const { kind, node } = astOf(grammars, text)
    return {
      index,
      kind,
      node,
      startByte: piece.startByte,
      endByte: piece.endByte,
      line: start.line,
      col: start.col,
      endLine: end.line,
      endCol: end.col,
      text,
      comments: piece.comments,
    }
  })
  return { statements, trailingComments, lines, parserVersion: 0 }
}

/** The AST of one statement from the first grammar that accepts it, or an unparsed node. */
function astOf(grammars: Readonly<Record<MysqlGrammar, SqlParser>>, text: string): { kind: string; node: Record<string, any> } {
  let reason = ''
  for (const grammar of MYSQL_GRAMMARS) {
    try {
      const ast = grammars[grammar].astify(text, { database: grammar })
      const list = Array.isArray(ast) ? ast : [ast]
      const node = list[0] as Record<string, any> | undefined
      if (list.length === 1 && node && typeof node.type === 'string') return { kind: node.type, node }
      reason ||= `the parser read ${list.length} statements here`
    } catch (error) {
      // The MySQL grammar's complaint: the more complete grammar stops nearer the real gap.
      reason ||= describeParseError(error, text)
    }
  }
  return { kind: UNPARSED, node: { keywords: leadingKeywords(text), reason } satisfies UnparsedNode }
}

/** The first two keywords of a statement, upper case, comments skipped. */
export function leadingKeywords(text: string): string {
  const words = text
    .replace(/\/\*(?![!+])[\s\S]*?\*\/|(--[ \t]|#)[^\n]*/g, ' ')
    .trim()
    .split(/[^A-Za-z_]+/)
    .filter(Boolean)
  return words.slice(0, 2).join(' ').toUpperCase()
}

/** Where node-sql-parser stopped, quoted from the statement (its message lists every token it expected). */
function describeParseError(error: unknown, text: string): string {
  const offset = (error as { location?: { start?: { offset?: number } } }).location?.start?.offset
  if (typeof offset !== 'number') return `node-sql-parser failed: ${String((error as Error)?.message ?? error).split('\n')[0]!.slice(0, 120)}`
  const near = text.slice(offset, offset + 40).replace(/\s+/g, ' ')
  return `node-sql-parser does not know the syntax at "${near}${text.length > offset + 40 ? '...' : ''}"`
}
