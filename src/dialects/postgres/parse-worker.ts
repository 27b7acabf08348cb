/**
 * A parse worker (worker_threads): its own libpg-query WASM instance parses the files it is sent and
 * returns, per file, the tree's JSON and the statements' places as transferable arrays (parse-pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { parseDoBlocks } from '../../checks/static/support/executed-sql.js'
import { LineIndex } from '../../engine/line-index.js'
import { createWasmParser, placeStatements, syntaxProblemAt, type Comment, type ParseKind, type ParseResults, type PostgresParser, type SyntaxProblem } from './parser.js'
import { loadPgQueryWasm, rawParserOver, type RawParser } from './raw-parse.js'

/** The workerData that marks a thread as a parse worker (the pool imports this module too). */
export const PARSE_WORKER = 'migrations-preflight:parse-worker'

/** Numbers kept per statement in ParsedFileTransfer.places. */
export const PLACE_FIELDS = 6

/** A chunk of files to parse. */
export interface ParseRequest {
  readonly id: number
  readonly sqls: readonly string[]
}

/** The parsed chunk, or why it could not be parsed. */
export type ParseReply = { readonly id: number; readonly files: readonly ParsedFileTransfer[] } | { readonly id: number; readonly error: string }

/** One parsed file, in arrays that move between threads without copying. */
export interface ParsedFileTransfer {
  /** The file as UTF-8, and where its lines start: the main thread's LineIndex reuses both. */
  readonly sqlBytes: Uint8Array
  readonly lineStarts: Int32Array
  readonly syntaxError?: SyntaxProblem
  readonly parserVersion: number
  /** Per statement: startByte, endByte, line, col, endLine, endCol. */
  readonly places: Int32Array
  readonly comments: readonly (readonly Comment[])[]
  readonly trailingComments: readonly Comment[]
  /** libpg-query's parse result as UTF-8 JSON: {"version":N,"stmts":[{"stmt":{"Kind":{...}},...}]}. */
  readonly json: Uint8Array
  /** What expanding the file's DO blocks parses (executed-sql.ts), parsed here: the main thread's parser takes it from there. */
  readonly doBlockParses?: ParseResults
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/** A DoStmt's `stmt` value as libpg-query writes it (no spaces). */
const DO_STMT = encoder.encode('{"DoStmt":')

/** The worker's parsers: the raw one for files, and a full one for DO blocks that records what it parses. */
export interface WorkerParsers {
  readonly raw: RawParser
  readonly full: PostgresParser
  /** What `full` parsed since the last call, emptied. */
  takeRecorded(): ParseResults
}

/** Both parsers over one WASM instance. */
export function workerParsers(wasm: Awaited<ReturnType<typeof loadPgQueryWasm>>): WorkerParsers {
  let recorded: Record<ParseKind, [string, string][]> = { sql: [], plpgsql: [] }
  const full = createWasmParser(wasm, (kind, sql, json) => void recorded[kind].push([sql, json]))
  return {
    raw: rawParserOver(wasm),
    full,
    takeRecorded() {
      const out = recorded
      recorded = { sql: [], plpgsql: [] }
      return out
    },
  }
}

/** Parses one file into its transferable form. */
export function parseForTransfer(parsers: WorkerParsers, sql: string): ParsedFileTransfer {
  const parser = parsers.raw
  const sqlBytes = encoder.encode(sql)
  const lines = new LineIndex(sql, { bytes: Buffer.from(sqlBytes.buffer, sqlBytes.byteOffset, sqlBytes.byteLength) })
  const lineStarts = Int32Array.from(lines.lineStarts)
  const tree = parser.parse(sqlBytes)
  if ('message' in tree) {
    const none = { places: new Int32Array(0), comments: [], trailingComments: [], json: new Uint8Array(0) }
    return { sqlBytes, lineStarts, syntaxError: syntaxProblemAt(lines, tree.message, tree.cursor), parserVersion: 0, ...none }
  }
  const ranges = Array.from({ length: tree.ranges.length / 2 }, (_, i) => ({ location: tree.ranges[2 * i]!, length: tree.ranges[2 * i + 1]! }))
  const { places, trailingComments } = placeStatements(lines, ranges)
  const numbers = new Int32Array(places.length * PLACE_FIELDS)
  for (const [i, p] of places.entries()) numbers.set([p.startByte, p.endByte, p.line, p.col, p.endLine, p.endCol], i * PLACE_FIELDS)
  const doBlockParses = parseDoBlocksAhead(parsers, tree.json, tree.nodeRanges, (i) => lines.slice(places[i]!.startByte, places[i]!.endByte))
  return {
    sqlBytes,
    lineStarts,
    parserVersion: tree.version,
    places: numbers,
    comments: places.map((p) => p.comments),
    trailingComments,
    json: tree.json,
    ...(doBlockParses ? { doBlockParses } : {}),
  }
}

/**
 * Parses ahead what the main thread's expansion of the file's DO blocks would parse (their
 * PL/pgSQL and the SQL inside: most of the main thread's own parsing in a lint run), using this
 * thread's idle time; undefined for a file without DO blocks.
 */
function parseDoBlocksAhead(parsers: WorkerParsers, json: Uint8Array, nodeRanges: Int32Array, textOf: (statement: number) => string): ParseResults | undefined {
  const blocks: { node: Record<string, unknown>; text: string }[] = []
  for (let i = 0; i < nodeRanges.length / 2; i++) {
    const start = nodeRanges[2 * i]!
    if (!startsWith(json, start, DO_STMT)) continue
    const node = (JSON.parse(decoder.decode(json.subarray(start, nodeRanges[2 * i + 1]))) as { DoStmt: Record<string, unknown> }).DoStmt
    blocks.push({ node, text: textOf(i) })
  }
  if (blocks.length === 0) return undefined
  try {
    parseDoBlocks(parsers.full, blocks)
  } catch {
    // Only a head start: the main thread parses whatever it is not given.
  }
  return parsers.takeRecorded()
}

/** Whether `bytes` holds `prefix` at `at`. */
function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > bytes.length) return false
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false
  return true
}

/** The buffers of a reply, moved rather than copied. */
function transfersOf(files: readonly ParsedFileTransfer[]): ArrayBuffer[] {
  return files.flatMap((f) => [f.sqlBytes.buffer, f.lineStarts.buffer, f.places.buffer, f.json.buffer] as ArrayBuffer[])
}

/** Serves parse requests until the pool terminates the thread. */
function serve(port: NonNullable<typeof parentPort>): void {
  const ready = loadPgQueryWasm().then(workerParsers)
  port.on('message', (request: ParseRequest) => {
    ready
      .then((parsers) => {
        const files = request.sqls.map((sql) => parseForTransfer(parsers, sql))
        port.postMessage({ id: request.id, files } satisfies ParseReply, transfersOf(files))
      })
      .catch((error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies ParseReply))
  })
}

if (parentPort && workerData === PARSE_WORKER) serve(parentPort)
