/**
 * A parse worker (worker_threads): its own libpg-query WASM instance parses the files it is sent and
 * returns, per file, the tree's JSON and the statements' places as transferable arrays (parse-pool.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { LineIndex } from '../../engine/line-index.js'
import { placeStatements, syntaxProblemAt, type Comment, type SyntaxProblem } from './parser.js'
import { loadRawParser, type RawParser } from './raw-parse.js'

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
}

const encoder = new TextEncoder()

/** Parses one file into its transferable form. */
export function parseForTransfer(parser: RawParser, sql: string): ParsedFileTransfer {
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
  return {
    sqlBytes,
    lineStarts,
    parserVersion: tree.version,
    places: numbers,
    comments: places.map((p) => p.comments),
    trailingComments,
    json: tree.json,
  }
}

/** The buffers of a reply, moved rather than copied. */
function transfersOf(files: readonly ParsedFileTransfer[]): ArrayBuffer[] {
  return files.flatMap((f) => [f.sqlBytes.buffer, f.lineStarts.buffer, f.places.buffer, f.json.buffer] as ArrayBuffer[])
}

/** Serves parse requests until the pool terminates the thread. */
function serve(port: NonNullable<typeof parentPort>): void {
  const ready = loadRawParser()
  port.on('message', (request: ParseRequest) => {
    ready
      .then((parser) => {
        const files = request.sqls.map((sql) => parseForTransfer(parser, sql))
        port.postMessage({ id: request.id, files } satisfies ParseReply, transfersOf(files))
      })
      .catch((error: unknown) => port.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies ParseReply))
  })
}

if (parentPort && workerData === PARSE_WORKER) serve(parentPort)
