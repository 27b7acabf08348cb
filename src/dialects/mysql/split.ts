/**
 * Splits a MySQL migration file into statements the way the mysql client and the server see them,
 * with exact byte ranges: quotes (', ", `), comments (--, #, /* *\/), DELIMITER commands, and
 * BEGIN ... END bodies of routines, triggers and events written without a DELIMITER change (the
 * server parses those as one statement when a tool such as golang-migrate sends the whole file).
 * https://dev.mysql.com/doc/refman/8.4/en/comments.html, https://dev.mysql.com/doc/refman/8.4/en/stored-programs-defining.html
 */
import type { LineIndex } from '../../engine/line-index.js'
import type { Comment } from '../postgres/parser.js'

/** One statement's place: its text bytes (no leading comments, no delimiter) and the comments before it. */
export interface StatementPiece {
  readonly startByte: number
  readonly endByte: number
  readonly comments: readonly Comment[]
  /** The delimiter that ended the statement, or "" at the end of the file. */
  readonly delimiter: string
}

export interface SplitResult {
  readonly pieces: readonly StatementPiece[]
  readonly trailingComments: readonly Comment[]
}

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b])
const QUOTE = new Set([0x27 /* ' */, 0x22 /* " */, 0x60 /* ` */])

/** Statements whose body may hold ";" inside BEGIN ... END. */
const COMPOUND_HEAD = /^(create\s+(or\s+replace\s+)?(definer\s*=\s*\S+\s+)?(aggregate\s+)?(procedure|function|trigger|event)\b|alter\s+(definer\s*=\s*\S+\s+)?event\b|begin\s+not\s+atomic\b)/i

/** Words after END that close IF, LOOP, WHILE or REPEAT, which open no depth of their own here. */
const END_SUFFIXES = new Set(['IF', 'LOOP', 'WHILE', 'REPEAT'])

/** Splits `lines` (the indexed file) into statement pieces. */
export function splitMysql(lines: LineIndex): SplitResult {
  const bytes = lines.bytes
  const pieces: StatementPiece[] = []
  let delimiter: Buffer = Buffer.from(';')
  let i = 0
  for (;;) {
    const trivia = skipTrivia(bytes, i, lines, delimiter)
    delimiter = trivia.delimiter
    i = trivia.end
    if (i >= bytes.length) return { pieces, trailingComments: trivia.comments }
    const start = i
    const end = findStatementEnd(bytes, start, delimiter, lines)
    const piece = { startByte: start, endByte: end.textEnd, comments: trivia.comments, delimiter: end.delimiterFound ? delimiter.toString('utf8') : '' }
    pieces.push(...(isSemicolon(delimiter) ? [piece] : splitOnSemicolons(bytes, piece, lines)))
    i = end.next
  }
}

/**
 * Splits what the client sends under a DELIMITER other than ";" the way the server reads it: the
 * mysql client enables multi-statement queries, so "DROP TRIGGER IF EXISTS t; CREATE TRIGGER t ...
 * BEGIN ...; END//" is two statements, and a routine body's ";" stays inside its BEGIN ... END.
 */
function splitOnSemicolons(bytes: Buffer, piece: StatementPiece, lines: LineIndex): StatementPiece[] {
  const semicolon = Buffer.from(';')
  const parts: StatementPiece[] = []
  let comments = piece.comments
  let i = piece.startByte
  while (i < piece.endByte) {
    const trivia = skipTrivia(bytes, i, lines, semicolon, piece.endByte)
    if (trivia.end >= piece.endByte) break
    const end = findStatementEnd(bytes, trivia.end, semicolon, lines, piece.endByte)
    const isLast = !end.delimiterFound || skipTrivia(bytes, end.next, lines, semicolon, piece.endByte).end >= piece.endByte
    parts.push({ startByte: trivia.end, endByte: end.textEnd, comments: [...comments, ...trivia.comments], delimiter: isLast ? piece.delimiter : ';' })
    comments = []
    i = end.next
  }
  return parts.length > 0 ? parts : [piece]
}

/** True for the default delimiter ";". */
function isSemicolon(delimiter: Buffer): boolean {
  return delimiter.length === 1 && delimiter[0] === 0x3b
}

/** Skips whitespace, comments, stray delimiters and DELIMITER commands; returns where SQL starts. */
function skipTrivia(bytes: Buffer, from: number, lines: LineIndex, current: Buffer, limit = bytes.length): { end: number; comments: Comment[]; delimiter: Buffer } {
  const comments: Comment[] = []
  let delimiter: Buffer = current
  let i = from
  while (i < limit) {
    const b = bytes[i]!
    if (SPACE.has(b)) {
      i++
    } else if (i === 0 && b === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      // A UTF-8 byte order mark, as editors on Windows write: not SQL.
      i += 3
    } else if (isLineComment(bytes, i)) {
      const end = lineEnd(bytes, i)
      comments.push({ text: lines.slice(i, end), ...lines.position(i) })
      i = end
    } else if (isBlockComment(bytes, i)) {
      const end = blockCommentEnd(bytes, i)
      comments.push({ text: lines.slice(i, end), ...lines.position(i) })
      i = end
    } else if (startsWith(bytes, i, delimiter)) {
      i += delimiter.length
    } else {
      // Inside a piece already cut at a custom delimiter, the text is SQL: no client commands.
      const command = limit === bytes.length ? delimiterCommand(bytes, i) : undefined
      if (!command) break
      delimiter = command.delimiter
      i = command.end
    }
  }
  return { end: Math.min(i, limit), comments, delimiter }
}

/**
 * The mysql client's `DELIMITER x` command, recognised only at the start of a line: it ends at
 * the line's end and the first word after it becomes the delimiter.
 */
function delimiterCommand(bytes: Buffer, at: number): { delimiter: Buffer; end: number } | undefined {
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1
  for (let j = lineStart; j < at; j++) if (!SPACE.has(bytes[j]!)) return undefined
  const end = lineEnd(bytes, at)
  const match = /^delimiter[ \t]+(\S+)/i.exec(bytes.subarray(at, end).toString('utf8'))
  return match ? { delimiter: Buffer.from(match[1]!, 'utf8'), end } : undefined
}

/**
 * Scans one statement from `start`: where its text ends (after its last token, so comments before
 * the end of the file stay trailing comments) and where scanning resumes.
 */
function findStatementEnd(bytes: Buffer, start: number, delimiter: Buffer, lines: LineIndex, limit = bytes.length): { textEnd: number; next: number; delimiterFound: boolean } {
  // Only with ";" as delimiter can a routine body's ";" be mistaken for the end.
  const isCompound = isSemicolon(delimiter) && COMPOUND_HEAD.test(headText(bytes, start, lines))
  let depth = 0
  let lastToken = start
  let i = start
  while (i < limit) {
    const b = bytes[i]!
    if (SPACE.has(b)) {
      i++
      continue
    }
    if (isLineComment(bytes, i)) {
      i = lineEnd(bytes, i)
      continue
    }
    if (isBlockComment(bytes, i)) {
      i = blockCommentEnd(bytes, i)
      continue
    }
    if (depth === 0 && startsWith(bytes, i, delimiter)) return { textEnd: lastToken, next: i + delimiter.length, delimiterFound: true }
    if (QUOTE.has(b)) {
      i = quotedEnd(bytes, i)
    } else if (b === 0x2f && bytes[i + 1] === 0x2a) {
      // /*! and /*+ are executed: part of the statement.
      i = blockCommentEnd(bytes, i)
    } else if (isCompound && isWordStart(bytes, i)) {
      const word = readWord(bytes, i)
      depth = Math.max(0, depth + depthChange(word.text, bytes, word.end))
      i = word.end
    } else {
      i++
    }
    lastToken = i
  }
  return { textEnd: lastToken, next: lastToken, delimiterFound: false }
}

/** BEGIN and CASE open a block; END closes one unless it is END IF/LOOP/WHILE/REPEAT. */
function depthChange(word: string, bytes: Buffer, after: number): number {
  const upper = word.toUpperCase()
  if (upper === 'BEGIN' || upper === 'CASE') return 1
  if (upper !== 'END') return 0
  const next = nextWord(bytes, after)
  return next !== undefined && END_SUFFIXES.has(next.toUpperCase()) ? 0 : -1
}

/**
 * The statement's first words with comments blanked, for recognising compound statements; the SQL
 * in executable comments stays (mysqldump writes triggers as /*!50003 CREATE*\/ /*!50003 TRIGGER ...).
 */
function headText(bytes: Buffer, start: number, lines: LineIndex): string {
  const end = Math.min(bytes.length, start + 400)
  return lines
    .slice(start, end)
    .replace(/\/\*(?![!+]|M!)[\s\S]*?\*\/|(--[ \t]|#)[^\n]*/g, ' ')
    .replace(/\/\*M?!\d*|\*\//g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The word after `from`, skipping whitespace and comments. */
function nextWord(bytes: Buffer, from: number): string | undefined {
  let i = from
  while (i < bytes.length) {
    if (SPACE.has(bytes[i]!)) i++
    else if (isLineComment(bytes, i)) i = lineEnd(bytes, i)
    else if (bytes[i] === 0x2f && bytes[i + 1] === 0x2a) i = blockCommentEnd(bytes, i)
    else break
  }
  return isWordStart(bytes, i) ? readWord(bytes, i).text : undefined
}

/** True at the first character of a word that is not part of a qualified name (t.end). */
function isWordStart(bytes: Buffer, i: number): boolean {
  const b = bytes[i]
  if (b === undefined || !isWordByte(b)) return false
  const prev = bytes[i - 1]
  return prev === undefined || (!isWordByte(prev) && prev !== 0x2e /* . */)
}

/** Reads a run of word characters. */
function readWord(bytes: Buffer, at: number): { text: string; end: number } {
  let end = at
  while (end < bytes.length && isWordByte(bytes[end]!)) end++
  return { text: bytes.subarray(at, end).toString('latin1'), end }
}

/** Letters, digits, "_", "$" and any non-ASCII byte (identifiers may hold them). */
function isWordByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || b === 0x5f || b === 0x24 || b >= 0x80
}

/** "-- " needs whitespace (or the end) after the dashes in MySQL; "#" always starts a comment. */
function isLineComment(bytes: Buffer, i: number): boolean {
  if (bytes[i] === 0x23) return true
  if (bytes[i] !== 0x2d || bytes[i + 1] !== 0x2d) return false
  const after = bytes[i + 2]
  return after === undefined || SPACE.has(after)
}

/** A block comment, but not /*!, MariaDB's /*M! or /*+, which the server executes (version comments, optimizer hints). */
function isBlockComment(bytes: Buffer, i: number): boolean {
  if (bytes[i] !== 0x2f || bytes[i + 1] !== 0x2a) return false
  const next = bytes[i + 2]
  return next !== 0x21 && next !== 0x2b && !(next === 0x4d && bytes[i + 3] === 0x21)
}

/** End of a line comment: the newline (excluded) or the end of the file. */
function lineEnd(bytes: Buffer, i: number): number {
  const nl = bytes.indexOf(0x0a, i)
  return nl === -1 ? bytes.length : nl
}

/** End of a block comment (after "*\/"); block comments do not nest in MySQL. */
function blockCommentEnd(bytes: Buffer, i: number): number {
  const close = bytes.indexOf('*/', i + 2, 'latin1')
  return close === -1 ? bytes.length : close + 2
}

/**
 * End of a quoted string or identifier (after the closing quote). A doubled quote stays inside;
 * a backslash escapes the next byte in strings (not in backtick identifiers), as with the default sql_mode.
 */
function quotedEnd(bytes: Buffer, at: number): number {
  const quote = bytes[at]!
  let i = at + 1
  while (i < bytes.length) {
    const b = bytes[i]!
    if (b === 0x5c && quote !== 0x60) {
      i += 2
    } else if (b === quote) {
      if (bytes[i + 1] === quote) i += 2
      else return i + 1
    } else {
      i++
    }
  }
  return bytes.length
}

/** True when `needle` occurs in `bytes` at `at`. */
function startsWith(bytes: Buffer, at: number, needle: Buffer): boolean {
  if (at + needle.length > bytes.length) return false
  for (let k = 0; k < needle.length; k++) if (bytes[at + k] !== needle[k]) return false
  return true
}
