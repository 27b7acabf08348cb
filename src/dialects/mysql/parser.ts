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
import { readAlterText } from './alter-text.js'
import { rewriteComments } from './comments.js'
import { readKeywordStatement } from './keyword-statements.js'
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
  const statements: Statement[] = pieces.map((piece, index): Statement => {
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
  describeDynamicSql(statements)
  return { statements, trailingComments, lines, parserVersion: 0 }
}

/**
 * The AST of one statement from the first grammar that accepts it; else the statement read from its
 * keywords; else an unparsed node. Executable comments (/*!40101 ... *\/) are read as SQL first, as
 * the server reads them; the text as written is the fallback.
 */
function astOf(grammars: Readonly<Record<MysqlGrammar, SqlParser>>, text: string): { kind: string; node: Record<string, any> } {
  const executable = rewriteComments(text)
  let reason = ''
  for (const candidate of executable === text ? [text] : [executable, text]) {
    for (const grammar of MYSQL_GRAMMARS) {
      try {
        const ast = grammars[grammar].astify(candidate.trimStart(), { database: grammar })
        const list = Array.isArray(ast) ? ast : [ast]
        const node = list[0] as Record<string, any> | undefined
        if (list.length === 1 && node && typeof node.type === 'string') return { kind: node.type, node }
        reason ||= list.length === 0 ? noStatementReason(text) : `the parser read ${list.length} statements here`
      } catch (error) {
        // The MySQL grammar's complaint: the more complete grammar stops nearer the real gap.
        reason ||= describeParseError(error, candidate.trimStart())
      }
    }
  }
  const guarded = withoutIndexGuard(grammars, executable)
  if (guarded) return guarded
  const blanked = rewriteComments(text, { blank: true })
  const known = readKeywordStatement(blanked) ?? readAlterText(blanked)
  if (known) return known
  return { kind: UNPARSED, node: { keywords: leadingKeywords(executable), reason: routineReason(blanked) ?? reason } satisfies UnparsedNode }
}

/** MariaDB's `CREATE INDEX IF NOT EXISTS` and `DROP INDEX IF EXISTS` (10.1.4+), which node-sql-parser's grammars lack. */
const INDEX_GUARD = /^(\s*(?:CREATE\s+(?:(?:UNIQUE|FULLTEXT|SPATIAL)\s+)?INDEX|DROP\s+INDEX))\s+IF\s+(NOT\s+)?EXISTS\b/i

/**
 * Parses a CREATE / DROP INDEX with MariaDB's IF [NOT] EXISTS as the same statement without it,
 * then marks the node the way node-sql-parser marks the guard on tables (`if_not_exists`, and
 * `prefix: 'if exists'` on a DROP), so the rules read it like any other index statement.
 */
function withoutIndexGuard(grammars: Readonly<Record<MysqlGrammar, SqlParser>>, text: string): { kind: string; node: Record<string, any> } | undefined {
  const guard = INDEX_GUARD.exec(text)
  if (!guard) return undefined
  const unguarded = text.slice(0, guard.index) + guard[1] + text.slice(guard.index + guard[0].length)
  for (const grammar of [...MYSQL_GRAMMARS].reverse()) {
    try {
      const ast = grammars[grammar].astify(unguarded.trimStart(), { database: grammar })
      const list = Array.isArray(ast) ? ast : [ast]
      const node = list[0] as Record<string, any> | undefined
      if (list.length !== 1 || !node || (node.type !== 'create' && node.type !== 'drop')) continue
      return { kind: node.type, node: guard[2] ? { ...node, if_not_exists: 'IF NOT EXISTS' } : { ...node, prefix: 'if exists' } }
    } catch {
      // The statement has another gap: it stays unparsed, with the reason the full text gave.
    }
  }
  return undefined
}

/** Why a text that holds no statement for node-sql-parser was kept: usually "--" without a space, which MySQL does not read as a comment. */
function noStatementReason(text: string): string {
  if (/^--[^\s]/.test(text.trimStart())) return '"--" without a space after it does not start a comment in MySQL, so the server reads the line as SQL (write "-- " for a comment)'
  return 'the parser read no statement here'
}

/** Why a stored routine, trigger or event was not analysed: node-sql-parser does not read compound bodies. */
function routineReason(text: string): string | undefined {
  const match = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:AGGREGATE\s+)?(PROCEDURE|FUNCTION|TRIGGER|EVENT)\b/i.exec(text)
  if (!match) return undefined
  const what = match[1]!.toLowerCase()
  const when = what === 'trigger' ? 'on every row change it fires for' : what === 'event' ? 'when the event is scheduled' : 'when it is called'
  return `node-sql-parser does not read the body of a stored ${what}, so the statements in it (which run ${when}) were not checked`
}

/**
 * Gives each unparsed EXECUTE the SQL it may run: the PREPARE before it names a user variable, and
 * the SET of that variable before it holds the candidate statements as string literals (the
 * `SET @s = IF(<exists>, 'SELECT 1', 'ALTER TABLE ...')` idiom).
 */
function describeDynamicSql(statements: Statement[]): void {
  for (const [index, stmt] of statements.entries()) {
    if (stmt.kind !== UNPARSED || !/^EXECUTE\b/i.test(rewriteComments(stmt.text, { blank: true }).trim())) continue
    const name = /^\s*EXECUTE\s+`?([A-Za-z0-9_$]+)/i.exec(rewriteComments(stmt.text, { blank: true }))?.[1]?.toLowerCase()
    const earlier = statements.slice(0, index).reverse()
    const prepare = earlier.find((s) => s.kind === 'prepare' && String(s.node.name).toLowerCase() === name)
    const source = prepare ? String(prepare.node.from) : undefined
    const variable = source?.startsWith('@') ? source.slice(1).toLowerCase() : undefined
    const set = variable ? earlier.find((s) => s.index < prepare!.index && s.kind === 'set' && assignsVariable(s, variable)) : undefined
    const candidates = set ? stringLiterals(set.text) : source && !variable ? stringLiterals(source) : []
    const what = candidates.length > 0 ? `: ${candidates.map((c) => `'${c.length > 90 ? `${c.slice(0, 90)}...` : c}'`).join(' or ')}` : ''
    const where = set ? ` (${source} is set at line ${set.line})` : prepare ? '' : ' (no PREPARE of it in this file)'
    statements[index] = { ...stmt, node: { keywords: 'EXECUTE', reason: `it runs SQL prepared at run time${where}${what}` } satisfies UnparsedNode }
  }
}

/** True when a SET statement assigns the user variable @`name`. */
function assignsVariable(stmt: Statement, name: string): boolean {
  const expr: any[] = Array.isArray(stmt.node.expr) ? stmt.node.expr : []
  return expr.some((e) => e?.left?.prefix === '@' && String(e.left.name).toLowerCase() === name)
}

/** The string literals of a statement that read like SQL (a word, then a space), unescaped, at most four. */
function stringLiterals(text: string): string[] {
  const literals: string[] = []
  for (const match of text.matchAll(/'((?:[^'\\]|\\[\s\S]|'')*)'|"((?:[^"\\]|\\[\s\S]|"")*)"/g)) {
    const raw = match[1] ?? match[2] ?? ''
    const value = raw.replace(/\\([\s\S])/g, '$1').replace(/''/g, "'").replace(/""/g, '"').replace(/\s+/g, ' ').trim()
    if (/^[A-Za-z]+\s/.test(value)) literals.push(value)
  }
  return literals.slice(0, 4)
}

/** The first two keywords of a statement, upper case, comments skipped. */
export function leadingKeywords(text: string): string {
  const words = text
    .replace(/\/\*(?![!+]|M!)[\s\S]*?\*\/|(--[ \t]|#)[^\n]*/g, ' ')
    // CREATE DEFINER=`root`@`localhost` TRIGGER: the object type is the keyword that matters.
    .replace(/\sDEFINER\s*=\s*\S+/i, ' ')
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
  if (near.trim() === '') return 'node-sql-parser reached the end of the statement before it was complete (an unclosed quote, parenthesis or block?)'
  return `node-sql-parser does not know the syntax at "${near}${text.length > offset + 40 ? '...' : ''}"`
}
