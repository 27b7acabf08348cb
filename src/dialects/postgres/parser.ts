/**
 * PostgreSQL parsing through libpg-query (the real PostgreSQL parser compiled to WASM).
 * Each file is parsed once; statements carry byte ranges converted to 1-based positions,
 * and the comments right before each statement (where `-- preflight:` directives live).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { LineIndex } from '../../engine/line-index.js'
import { loadPgQueryWasm, parsePlpgsqlToJson, parseToJson, type PgQueryWasm } from './raw-parse.js'

/** A parsed statement: the node type, its node, its place and the comments before it. */
export interface Statement {
  /** 0-based index of the statement within its file. */
  readonly index: number
  /** Node type, e.g. "IndexStmt", "AlterTableStmt". */
  readonly kind: string
  /** The node itself (the value under `kind`), shaped as in @pgsql/types. */
  readonly node: Record<string, any>
  /** Byte range of the statement text, without leading comments and the trailing semicolon. */
  readonly startByte: number
  readonly endByte: number
  readonly line: number
  readonly col: number
  readonly endLine: number
  readonly endCol: number
  readonly text: string
  /** Comments between the previous statement and this one, in order, with their start line. */
  readonly comments: readonly Comment[]
}

export interface Comment {
  readonly text: string
  readonly line: number
  readonly col: number
}

export interface SyntaxProblem {
  readonly message: string
  readonly line: number
  readonly col: number
}

export interface ParsedSql {
  readonly statements: readonly Statement[]
  /** Set when the parser rejected the text; statements is then empty. */
  readonly syntaxError?: SyntaxProblem
  /** Comments after the last statement (or in a file with no statements). */
  readonly trailingComments: readonly Comment[]
  readonly lines: LineIndex
  /** The parser's PostgreSQL version number, e.g. 180004. */
  readonly parserVersion: number
}

/** libpg-query's parseSync, or a function like it that may also take the SQL's UTF-8 bytes. */
type ParseSync = (sql: string, bytes: Buffer) => { version: number; stmts?: { stmt: Record<string, any>; stmt_location?: number; stmt_len?: number }[] }

/** A loaded parser: the module is instantiated once per process. */
export interface PostgresParser {
  parse(sql: string): ParsedSql
  /** Parses a DO or CREATE FUNCTION statement's PL/pgSQL body (libpg-query's parsePlPgSQLSync); throws on a syntax error. */
  parsePlpgsql?(sql: string): { plpgsql_funcs?: Record<string, any>[] }
}

let loading: Promise<PostgresParser> | undefined
let loaded: PostgresParser | undefined

/** The parser once loadPostgresParser has resolved, for synchronous callers (static rules run after parsing); undefined before. */
export function loadedPostgresParser(): PostgresParser | undefined {
  return loaded
}

/**
 * Loads libpg-query lazily. The dynamic import lets the ncc bundle set `__dirname` first
 * (see src/action/index.ts) and keeps the WASM off paths that do not parse. Calling it early
 * (the CLI does, for lint) overlaps loading the WASM with loading the rules.
 */
export function loadPostgresParser(): Promise<PostgresParser> {
  loading ??= (async () => {
    loaded = createWasmParser(await loadPgQueryWasm())
    return loaded
  })()
  return loading
}

/** The two things the parser parses: SQL (parseSync) and PL/pgSQL bodies (parsePlPgSQLSync). */
export type ParseKind = 'sql' | 'plpgsql'

/** Successful parses as libpg-query's JSON text, by kind and by the text parsed. */
export type ParseResults = Readonly<Record<ParseKind, readonly (readonly [sql: string, json: string])[]>>

/**
 * Parses made ahead on another thread (a parse worker: the PL/pgSQL of DO blocks and the SQL in
 * them), which this thread's parser returns instead of parsing again.
 */
const offered: Record<ParseKind, Map<string, string>> = { sql: new Map(), plpgsql: new Map() }

/** Replaces the parses on offer (those of the files about to be analysed; older ones go, so that unused ones do not pile up). */
export function offerParses(results: readonly ParseResults[]): void {
  offered.sql.clear()
  offered.plpgsql.clear()
  for (const r of results) {
    for (const [sql, json] of r.sql) offered.sql.set(sql, json)
    for (const [sql, json] of r.plpgsql) offered.plpgsql.set(sql, json)
  }
}

/** The offered parse of `sql` (kept until the next offer: files repeat the same statements in their DO blocks). */
function takeOffered(kind: ParseKind, sql: string): string | undefined {
  return offered[kind].get(sql)
}

/**
 * A PostgresParser over libpg-query's WASM module, giving what parseSync and parsePlPgSQLSync
 * give: their JSON text, parsed with JSON.parse. The file's UTF-8 bytes, which the LineIndex
 * holds anyway, are what the parser reads. `record` sees the JSON text of every successful parse
 * (a parse worker passes what it parsed on to the main thread).
 */
export function createWasmParser(wasm: PgQueryWasm, record?: (kind: ParseKind, sql: string, json: string) => void): PostgresParser {
  const parseSync: ParseSync = (sql, bytes) => {
    const json = takeOffered('sql', sql) ?? parseToJson(wasm, bytes)
    if (typeof json !== 'string') throw new ParserError(json.message, json.cursor)
    record?.('sql', sql, json)
    return JSON.parse(json) as ReturnType<ParseSync>
  }
  return {
    parse: (sql) => parseWith(parseSync, sql),
    parsePlpgsql: (sql) => {
      const json = takeOffered('plpgsql', sql) ?? parsePlpgsqlToJson(wasm, Buffer.from(sql, 'utf8'))
      record?.('plpgsql', sql, json)
      return JSON.parse(json) as { plpgsql_funcs?: Record<string, any>[] }
    },
  }
}

/** A syntax error, shaped as libpg-query's SqlError (message and 0-based character cursor in sqlDetails). */
class ParserError extends Error {
  readonly sqlDetails: { readonly message: string; readonly cursorPosition: number }

  constructor(message: string, cursorPosition: number) {
    super(message)
    this.sqlDetails = { message, cursorPosition }
  }
}

/** Wraps a `parseSync` function (of any libpg-query major) into a PostgresParser. */
export function createParser(parseSync: ParseSync): PostgresParser {
  return { parse: (sql) => parseWith(parseSync, sql) }
}

/** Parses SQL text into statements with positions; a syntax error becomes a SyntaxProblem. */
export function parseWith(parseSync: ParseSync, sql: string): ParsedSql {
  const lines = new LineIndex(sql)
  let result: ReturnType<ParseSync>
  try {
    result = parseSync(sql, lines.bytes)
  } catch (error) {
    const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails
    const message = details?.message ?? (error instanceof Error ? error.message : String(error))
    return { statements: [], syntaxError: syntaxProblemAt(lines, message, details?.cursorPosition ?? 0), trailingComments: [], lines, parserVersion: 0 }
  }
  const stmts = result.stmts ?? []
  const { places, trailingComments } = placeStatements(lines, stmts.map((raw) => ({ location: raw.stmt_location ?? 0, length: raw.stmt_len ?? 0 })))
  const statements = stmts.map((raw, index): Statement => {
    const kind = Object.keys(raw.stmt)[0] ?? 'Unknown'
    return new ParsedStatement(index, kind, raw.stmt[kind] ?? {}, places[index]!, lines)
  })
  return { statements, trailingComments, lines, parserVersion: result.version }
}

/**
 * A parsed statement whose text is cut from the file when first read. Most statements' text is
 * never read (a rule reads the node), and on a file with non-ASCII text every copy was a new
 * string: about a tenth of the heap of a 4,000-file lint, for nothing (issue 4).
 */
export class ParsedStatement implements Statement {
  readonly index: number
  readonly kind: string
  readonly node: Record<string, any>
  readonly startByte: number
  readonly endByte: number
  readonly line: number
  readonly col: number
  readonly endLine: number
  readonly endCol: number
  readonly comments: readonly Comment[]
  readonly #lines: LineIndex
  #text: string | undefined

  constructor(index: number, kind: string, node: Record<string, any>, place: StatementPlace, lines: LineIndex) {
    this.index = index
    this.kind = kind
    this.node = node
    this.startByte = place.startByte
    this.endByte = place.endByte
    this.line = place.line
    this.col = place.col
    this.endLine = place.endLine
    this.endCol = place.endCol
    this.comments = place.comments
    this.#lines = lines
    this.#text = undefined
  }

  /** The statement's SQL, without leading comments and the trailing semicolon. */
  get text(): string {
    this.#text ??= this.#lines.slice(this.startByte, this.endByte)
    return this.#text
  }
}

/** The syntax problem at a 0-based character offset (PostgreSQL error cursors count characters, not bytes). */
export function syntaxProblemAt(lines: LineIndex, message: string, cursor: number): SyntaxProblem {
  const pos = lines.positionOfChar(cursor)
  return { message, line: pos.line, col: pos.col }
}

/** Where a statement sits in its file: a Statement without its index, kind, node and text. */
export interface StatementPlace {
  readonly startByte: number
  readonly endByte: number
  readonly line: number
  readonly col: number
  readonly endLine: number
  readonly endCol: number
  readonly comments: readonly Comment[]
}

/**
 * Places statements from the parser's byte ranges (stmt_location, stmt_len): leading whitespace and
 * comments are skipped (the comments are kept), trailing semicolons trimmed. Shared with the parse workers.
 */
export function placeStatements(lines: LineIndex, ranges: readonly { location: number; length: number }[]): { places: StatementPlace[]; trailingComments: Comment[] } {
  const bytes = lines.bytes
  const places: StatementPlace[] = []
  let cursor = 0
  for (const { location, length } of ranges) {
    const rawEnd = length > 0 ? location + length : bytes.length
    const { start, comments } = skipTrivia(bytes, Math.min(cursor, location), rawEnd, lines)
    const end = trimEnd(bytes, start, rawEnd)
    const startPos = lines.position(start)
    const endPos = lines.position(end)
    places.push({ startByte: start, endByte: end, line: startPos.line, col: startPos.col, endLine: endPos.line, endCol: endPos.col, comments })
    cursor = rawEnd
  }
  return { places, trailingComments: skipTrivia(bytes, cursor, bytes.length, lines).comments }
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b, 0x3b /* ; between statements */])

/** Skips whitespace, semicolons and comments from `from`; returns where SQL starts and the comments seen. */
function skipTrivia(bytes: Buffer, from: number, limit: number, lines: LineIndex): { start: number; comments: Comment[] } {
  const comments: Comment[] = []
  let i = from
  while (i < limit) {
    const b = bytes[i]!
    if (SPACE.has(b)) {
      i++
    } else if (b === 0x2d && bytes[i + 1] === 0x2d) {
      const nl = bytes.indexOf(0x0a, i)
      const end = nl === -1 || nl > limit ? limit : nl
      comments.push({ text: lines.slice(i, end), ...lines.position(i) })
      i = end
    } else if (b === 0x2f && bytes[i + 1] === 0x2a) {
      // Block comments nest in PostgreSQL.
      let depth = 1
      let j = i + 2
      while (j < limit && depth > 0) {
        if (bytes[j] === 0x2f && bytes[j + 1] === 0x2a) {
          depth++
          j += 2
        } else if (bytes[j] === 0x2a && bytes[j + 1] === 0x2f) {
          depth--
          j += 2
        } else j++
      }
      comments.push({ text: lines.slice(i, j), ...lines.position(i) })
      i = j
    } else break
  }
  return { start: i, comments }
}

/** Moves the end back over whitespace and semicolons. */
function trimEnd(bytes: Buffer, start: number, end: number): number {
  let e = end
  while (e > start && SPACE.has(bytes[e - 1]!)) e--
  return e
}
