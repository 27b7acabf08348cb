/**
 * libpg-query's parser, called at its C entry points (`wasm_parse_query_raw`, `wasm_parse_plpgsql`)
 * as its own parseSync and parsePlPgSQLSync do (wasm/index.cjs), with the SQL's UTF-8 bytes
 * copied in natively. The main thread (parser.ts) reads the JSON text and parses it as parseSync
 * does, without loading libpg-query's index module and the @pgsql/types enums it re-exports
 * (lint start-up, issue 4). The parse workers read only each statement's location and length
 * from the JSON bytes and hand the bytes to the main thread, which parses them once (parse-pool.ts).
 * Struct layouts are libpg_query's PgQueryParseResult { parse_tree, stderr_buffer, error } and
 * PgQueryError { message, funcname, filename, lineno, cursorpos }; tests check the results
 * against parseSync and parsePlPgSQLSync.
 */

import { useBaselineWasmCompiler } from './wasm-compiler.js'

/** What the Emscripten module of libpg-query exposes. */
export interface PgQueryWasm {
  HEAPU8: Uint8Array
  _malloc(size: number): number
  _free(ptr: number): void
  _wasm_parse_query_raw(queryPtr: number): number
  _wasm_free_parse_result(resultPtr: number): void
  _wasm_parse_plpgsql(queryPtr: number): number
  _wasm_free_string(ptr: number): void
  getValue(ptr: number, type: 'i32'): number
  UTF8ToString(ptr: number): string
}

/** A parsed file: the tree as JSON, and each statement's place in the SQL. */
export interface RawTree {
  readonly version: number
  /** stmt_location and stmt_len (bytes of the SQL, 0 when absent) of each statement in turn. */
  readonly ranges: Int32Array
  /** Where each statement's `stmt` value ({"Kind":{...}}) starts and ends in `json`, in turn. */
  readonly nodeRanges: Int32Array
  readonly json: Uint8Array
}

/** The parser's error: its message and 0-based character offset, as libpg-query's SqlError gives them. */
export interface RawError {
  readonly message: string
  readonly cursor: number
}

export interface RawParser {
  /** Parses UTF-8 SQL; a syntax error is returned, not thrown. */
  parse(sql: Uint8Array): RawTree | RawError
}

/** Instantiates libpg-query's WASM module (one instance per call: one on the main thread, one per worker). */
export async function loadPgQueryWasm(): Promise<PgQueryWasm> {
  useBaselineWasmCompiler()
  const factory = (await import('libpg-query/wasm/libpg-query.js')).default
  const wasm = (await factory()) as PgQueryWasm
  if (typeof wasm._wasm_parse_query_raw !== 'function' || typeof wasm._wasm_parse_plpgsql !== 'function' || !(wasm.HEAPU8 instanceof Uint8Array)) {
    throw new Error('This libpg-query build does not expose wasm_parse_query_raw, wasm_parse_plpgsql and HEAPU8.')
  }
  return wasm
}

/** A parser for the workers over a WASM instance: the tree stays JSON bytes, cut into statements. */
export function rawParserOver(wasm: PgQueryWasm): RawParser {
  return { parse: (sql) => parseRaw(wasm, sql, (heap, treePtr) => cutTree(heap, treePtr)) }
}

/** libpg-query's JSON text of the parse tree of UTF-8 SQL, as parseSync reads it before its JSON.parse; a syntax error is returned. */
export function parseToJson(wasm: PgQueryWasm, sql: Uint8Array): string | RawError {
  return parseRaw(wasm, sql, (heap, treePtr) => utf8Text(heap, treePtr))
}

/**
 * The JSON text of a PL/pgSQL function or DO body, as libpg-query's parsePlPgSQLSync reads it
 * before its JSON.parse; throws the parser's message, as parsePlPgSQLSync does.
 */
export function parsePlpgsqlToJson(wasm: PgQueryWasm, sql: Uint8Array): string {
  const queryPtr = copyIn(wasm, sql)
  let resultPtr = 0
  try {
    resultPtr = wasm._wasm_parse_plpgsql(queryPtr)
    const text = utf8Text(wasm.HEAPU8, resultPtr)
    // Success is always a JSON object; anything else is an error message.
    if (!text.startsWith('{')) throw new Error(text)
    return text
  } finally {
    wasm._free(queryPtr)
    if (resultPtr) wasm._wasm_free_string(resultPtr)
  }
}

/** Copies the SQL into WASM memory, NUL-terminated; the caller frees the pointer. */
function copyIn(wasm: PgQueryWasm, sql: Uint8Array): number {
  const queryPtr = wasm._malloc(sql.length + 1)
  wasm.HEAPU8.set(sql, queryPtr)
  wasm.HEAPU8[queryPtr + sql.length] = 0
  return queryPtr
}

/** The NUL-terminated UTF-8 string at `ptr`, decoded natively ("" for a null pointer, as UTF8ToString). */
function utf8Text(heap: Uint8Array, ptr: number): string {
  if (!ptr) return ''
  const end = heap.indexOf(0, ptr)
  return Buffer.from(heap.buffer, heap.byteOffset + ptr, (end === -1 ? heap.length : end) - ptr).toString('utf8')
}

/** Copies the SQL into WASM memory, parses it and reads the tree with `read`. */
function parseRaw<T>(wasm: PgQueryWasm, sql: Uint8Array, read: (heap: Uint8Array, treePtr: number) => T): T | RawError {
  // libpg-query's parseSync refuses empty input before parsing; keep its message.
  if (sql.length === 0) return { message: 'Query cannot be empty', cursor: 0 }
  const queryPtr = copyIn(wasm, sql)
  let resultPtr = 0
  try {
    resultPtr = wasm._wasm_parse_query_raw(queryPtr)
    if (!resultPtr) throw new Error('libpg-query could not allocate its parse result.')
    const errorPtr = wasm.getValue(resultPtr + 8, 'i32')
    if (errorPtr) {
      const messagePtr = wasm.getValue(errorPtr, 'i32')
      const cursorpos = wasm.getValue(errorPtr + 16, 'i32')
      return { message: messagePtr ? wasm.UTF8ToString(messagePtr) : 'Unknown error', cursor: cursorpos > 0 ? cursorpos - 1 : 0 }
    }
    const treePtr = wasm.getValue(resultPtr, 'i32')
    if (!treePtr) throw new Error('No parse tree generated')
    // Read HEAPU8 again: parsing may have grown the memory, which replaces the view.
    return read(wasm.HEAPU8, treePtr)
  } finally {
    wasm._free(queryPtr)
    if (resultPtr) wasm._wasm_free_parse_result(resultPtr)
  }
}

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d
const OPEN_BRACKET = 0x5b
const CLOSE_BRACKET = 0x5d

/** Byte classes for skipping values: one table lookup per byte instead of several comparisons. */
const PLAIN = 0
const STRING = 1
const OPEN = 2
const CLOSE = 3
const END = 4
const BYTE_CLASS = new Uint8Array(256)
BYTE_CLASS[QUOTE] = STRING
BYTE_CLASS[OPEN_BRACE] = OPEN
BYTE_CLASS[OPEN_BRACKET] = OPEN
BYTE_CLASS[CLOSE_BRACE] = CLOSE
BYTE_CLASS[CLOSE_BRACKET] = CLOSE
BYTE_CLASS[0] = END

/** The keys the reader acts on; any other key reads as "". */
const KNOWN_KEYS = ['version', 'stmts', 'stmt', 'stmt_location', 'stmt_len'].map((name) => ({ name, bytes: new TextEncoder().encode(name) }))

/**
 * Reads `{"version":N,"stmts":[{"stmt":{...},"stmt_location":N,"stmt_len":N},...]}` at `start`
 * without building objects: the statement wrappers are read, each node is skipped over. Keys may
 * come in any order; unknown keys are skipped. The JSON is copied out of WASM memory.
 */
export function cutTree(heap: Uint8Array, start: number): RawTree {
  const reader = new JsonReader(heap, start)
  let version = 0
  const ranges: number[] = []
  const nodeRanges: number[] = []
  if (reader.enter(OPEN_BRACE, CLOSE_BRACE)) {
    do {
      const key = reader.key()
      if (key === 'version') version = reader.readInt()
      else if (key === 'stmts') readStatementRanges(reader, ranges, nodeRanges, start)
      else reader.skipValue()
    } while (reader.hasMore(CLOSE_BRACE))
  }
  return { version, ranges: Int32Array.from(ranges), nodeRanges: Int32Array.from(nodeRanges), json: heap.slice(start, reader.at) }
}

/** Reads the `stmts` array: each element's stmt_location and stmt_len (0 when absent), and where its `stmt` value lies (from `origin`). */
function readStatementRanges(reader: JsonReader, ranges: number[], nodeRanges: number[], origin: number): void {
  if (!reader.enter(OPEN_BRACKET, CLOSE_BRACKET)) return
  do {
    let location = 0
    let length = 0
    let nodeStart = 0
    let nodeEnd = 0
    if (reader.enter(OPEN_BRACE, CLOSE_BRACE)) {
      do {
        const key = reader.key()
        if (key === 'stmt_location') location = reader.readInt()
        else if (key === 'stmt_len') length = reader.readInt()
        else if (key === 'stmt') {
          nodeStart = reader.valueStart() - origin
          reader.skipValue()
          nodeEnd = reader.at - origin
        } else reader.skipValue()
      } while (reader.hasMore(CLOSE_BRACE))
    }
    ranges.push(location, length)
    nodeRanges.push(nodeStart, nodeEnd)
  } while (reader.hasMore(CLOSE_BRACKET))
}

/** A forward-only reader over JSON bytes that can skip whole values. */
class JsonReader {
  readonly #bytes: Uint8Array
  #at: number

  constructor(bytes: Uint8Array, at: number) {
    this.#bytes = bytes
    this.#at = at
  }

  /** The offset just after what was read. */
  get at(): number {
    return this.#at
  }

  /** The offset where the next value starts (whitespace skipped). */
  valueStart(): number {
    return this.#skipSpace()
  }

  /** Consumes the opening byte of an object or array; false (and the closing byte consumed) when it is empty. */
  enter(open: number, close: number): boolean {
    this.#expect(open)
    if (this.#bytes[this.#skipSpace()] !== close) return true
    this.#at++
    return false
  }

  /** Consumes a comma (more follows: true) or the closing byte of the object or array being read (false). */
  hasMore(close: number): boolean {
    const byte = this.#bytes[this.#skipSpace()]
    this.#at++
    if (byte === COMMA) return true
    if (byte !== close) this.#fail(`"," or "${String.fromCharCode(close)}"`)
    return false
  }

  /** Reads a key and its colon; returns it when it is one of KNOWN_KEYS, else "". */
  key(): string {
    this.#expect(QUOTE)
    const b = this.#bytes
    const start = this.#at
    let i = start
    while (b[i] !== QUOTE) {
      // libpg_query's keys are plain names: no escapes.
      if (b[i] === BACKSLASH || b[i] === 0 || i >= b.length) this.#fail('a plain key')
      i++
    }
    this.#at = i + 1
    this.#expect(COLON)
    return knownKey(b, start, i)
  }

  /** Reads an integer. */
  readInt(): number {
    const b = this.#bytes
    let i = this.#skipSpace()
    const isNegative = b[i] === 0x2d
    if (isNegative) i++
    let n = 0
    const first = i
    while (b[i]! >= 0x30 && b[i]! <= 0x39) n = n * 10 + (b[i++]! - 0x30)
    if (i === first) this.#fail('a number')
    this.#at = i
    return isNegative ? -n : n
  }

  /** Skips one value of any kind: objects and arrays by depth, strings with their escapes. */
  skipValue(): void {
    const b = this.#bytes
    let i = this.#skipSpace()
    const kind = BYTE_CLASS[b[i]!]
    if (kind === OPEN) {
      let depth = 0
      for (;;) {
        const c = BYTE_CLASS[b[i++]!]
        if (c === PLAIN) continue
        if (c === STRING) i = this.#skipString(i)
        else if (c === OPEN) depth++
        else if (c === CLOSE) {
          if (--depth === 0) break
        } else this.#fail('the end of a value')
      }
    } else if (kind === STRING) {
      i = this.#skipString(i + 1)
    } else {
      while (i < b.length && b[i] !== COMMA && b[i] !== CLOSE_BRACE && b[i] !== CLOSE_BRACKET && b[i] !== 0) i++
    }
    this.#at = i
  }

  /** Returns the offset after the closing quote of a string whose body starts at `i`. */
  #skipString(i: number): number {
    const b = this.#bytes
    for (;;) {
      const x = b[i++]
      if (x === QUOTE) return i
      if (x === BACKSLASH) i++
      else if (x === 0 || x === undefined) this.#fail('the end of a string')
    }
  }

  /** Skips whitespace; returns the offset of the next byte. */
  #skipSpace(): number {
    const b = this.#bytes
    let i = this.#at
    while (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09) i++
    this.#at = i
    return i
  }

  /** Consumes the next non-space byte, which must be `byte`. */
  #expect(byte: number): void {
    if (this.#bytes[this.#skipSpace()] !== byte) this.#fail(`"${String.fromCharCode(byte)}"`)
    this.#at++
  }

  /** Stops reading: the tree is not shaped as expected. */
  #fail(expected: string): never {
    throw new Error(`Unexpected libpg-query JSON: expected ${expected} at byte ${this.#at}.`)
  }
}

/** The KNOWN_KEYS name spelled by bytes [start, end), or "". */
function knownKey(b: Uint8Array, start: number, end: number): string {
  for (const { name, bytes } of KNOWN_KEYS) {
    if (bytes.length !== end - start) continue
    let i = 0
    while (i < bytes.length && bytes[i] === b[start + i]) i++
    if (i === bytes.length) return name
  }
  return ''
}
