/**
 * libpg-query's parser without its JSON.parse: the parse workers call the C entry point
 * (`wasm_parse_query_raw`) themselves, read only each statement's location and length from the
 * JSON bytes, and hand the bytes to the main thread, which parses them once (parse-pool.ts).
 * Struct layouts are libpg_query's PgQueryParseResult { parse_tree, stderr_buffer, error } and
 * PgQueryError { message, funcname, filename, lineno, cursorpos }, as libpg-query's own parseSync
 * reads them (wasm/index.cjs); a test checks the result against parseSync.
 */

import { useBaselineWasmCompiler } from './wasm-compiler.js'

/** What the Emscripten module of libpg-query exposes. */
interface PgQueryWasm {
  HEAPU8: Uint8Array
  _malloc(size: number): number
  _free(ptr: number): void
  _wasm_parse_query_raw(queryPtr: number): number
  _wasm_free_parse_result(resultPtr: number): void
  getValue(ptr: number, type: 'i32'): number
  UTF8ToString(ptr: number): string
}

/** A parsed file: the tree as JSON, and each statement's place in the SQL. */
export interface RawTree {
  readonly version: number
  /** stmt_location and stmt_len (bytes of the SQL, 0 when absent) of each statement in turn. */
  readonly ranges: Int32Array
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

/** Instantiates libpg-query's WASM module (one instance per call, so one per worker). */
export async function loadRawParser(): Promise<RawParser> {
  useBaselineWasmCompiler()
  const factory = (await import('libpg-query/wasm/libpg-query.js')).default
  const wasm = (await factory()) as PgQueryWasm
  if (typeof wasm._wasm_parse_query_raw !== 'function' || !(wasm.HEAPU8 instanceof Uint8Array)) {
    throw new Error('This libpg-query build does not expose wasm_parse_query_raw and HEAPU8.')
  }
  return { parse: (sql) => parseRaw(wasm, sql) }
}

/** Copies the SQL into WASM memory, parses it and cuts the JSON tree into statements. */
function parseRaw(wasm: PgQueryWasm, sql: Uint8Array): RawTree | RawError {
  // libpg-query's parseSync refuses empty input before parsing; keep its message.
  if (sql.length === 0) return { message: 'Query cannot be empty', cursor: 0 }
  const queryPtr = wasm._malloc(sql.length + 1)
  let resultPtr = 0
  try {
    wasm.HEAPU8.set(sql, queryPtr)
    wasm.HEAPU8[queryPtr + sql.length] = 0
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
    return cutTree(wasm.HEAPU8, treePtr)
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
const KNOWN_KEYS = ['version', 'stmts', 'stmt_location', 'stmt_len'].map((name) => ({ name, bytes: new TextEncoder().encode(name) }))

/**
 * Reads `{"version":N,"stmts":[{"stmt":{...},"stmt_location":N,"stmt_len":N},...]}` at `start`
 * without building objects: the statement wrappers are read, each node is skipped over. Keys may
 * come in any order; unknown keys are skipped. The JSON is copied out of WASM memory.
 */
export function cutTree(heap: Uint8Array, start: number): RawTree {
  const reader = new JsonReader(heap, start)
  let version = 0
  const ranges: number[] = []
  if (reader.enter(OPEN_BRACE, CLOSE_BRACE)) {
    do {
      const key = reader.key()
      if (key === 'version') version = reader.readInt()
      else if (key === 'stmts') readStatementRanges(reader, ranges)
      else reader.skipValue()
    } while (reader.hasMore(CLOSE_BRACE))
  }
  return { version, ranges: Int32Array.from(ranges), json: heap.slice(start, reader.at) }
}

/** Reads the `stmts` array: each element's stmt_location and stmt_len, 0 when absent. */
function readStatementRanges(reader: JsonReader, ranges: number[]): void {
  if (!reader.enter(OPEN_BRACKET, CLOSE_BRACKET)) return
  do {
    let location = 0
    let length = 0
    if (reader.enter(OPEN_BRACE, CLOSE_BRACE)) {
      do {
        const key = reader.key()
        if (key === 'stmt_location') location = reader.readInt()
        else if (key === 'stmt_len') length = reader.readInt()
        else reader.skipValue()
      } while (reader.hasMore(CLOSE_BRACE))
    }
    ranges.push(location, length)
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
