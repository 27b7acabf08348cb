/**
 * Parses many files at once. Past a size where it pays (measured: bench/README.md), files go to
 * worker threads, each with its own libpg-query WASM instance; otherwise they are parsed on this
 * thread. Both give the same ParsedSql. A worker runs the parser and places the statements, then
 * sends the tree as JSON bytes; this thread turns them into objects (JSON.parse, as libpg-query
 * itself does) while the workers parse the next files. Objects cannot cross threads any cheaper:
 * structured clone of parse trees costs about as much as parsing their SQL again (bench/README.md).
 */
import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { LineIndex } from '../../engine/line-index.js'
import type { RunLog } from '../../engine/log.js'
import { ParsedStatement, loadPostgresParser, offerParses, type ParseResults, type ParsedSql, type Statement } from './parser.js'
import { PARSE_WORKER, PLACE_FIELDS, type ParseReply, type ParseRequest, type ParsedFileTransfer } from './parse-worker.js'

/** Below this much SQL, starting workers costs more than it saves (bench/README.md). */
export const MIN_POOL_BYTES = 4_000_000

/**
 * SQL per request, and per shard of a lint run: small enough that a shard's trees die in the young
 * generation while its rules run (at 128 KB they were promoted and piled up until a full GC: 385
 * against 275 MiB peak at 4,000 files, bench/README.md), large enough that messages stay few.
 */
const CHUNK_BYTES = 32 * 1024

/** Requests each worker holds: enough that it never waits while this thread is busy with a chunk. */
const IN_FLIGHT = 4

/** More workers than this do not help: this thread still builds the objects of every file. */
const MAX_THREADS = 3

/** The worker entry beside this module; missing in the ncc bundle, which then parses on this thread. */
const WORKER_URL = new URL('./parse-worker.js', import.meta.url)

export interface ParseFilesOptions {
  /** Worker threads; 0 parses on this thread. Default: PREFLIGHT_PARSE_THREADS, else chosen from the SQL size and the CPUs. */
  readonly threads?: number
  /** The worker entry (tests point at the compiled one in lib/). */
  readonly workerUrl?: URL
  /** SQL per request (tests make it small to interleave many requests). */
  readonly chunkBytes?: number
  readonly log?: RunLog
}

/** Parses every file, in workers when it pays; the result is in the order of `sqls`. */
export async function parseFiles(sqls: readonly string[], options: ParseFilesOptions = {}): Promise<ParsedSql[]> {
  const out: ParsedSql[] = []
  for await (const chunk of streamParsedFiles(sqls, options)) out.push(...chunk.parsed)
  return out
}

/** Consecutive parsed files: `parsed[i]` is the file at `start + i`. */
export interface ParsedChunk {
  readonly start: number
  readonly parsed: readonly ParsedSql[]
}

/**
 * Parses the files in consecutive chunks, yielded in order, in workers when it pays: a consumer that
 * drops each chunk before asking for the next holds the trees of only a few chunks at a time, while
 * the workers parse ahead (at most a window of chunks, so memory stays bounded however slow the
 * consumer is).
 */
export async function* streamParsedFiles(sqls: readonly string[], options: ParseFilesOptions = {}): AsyncGenerator<ParsedChunk> {
  const threads = options.threads ?? threadsFromEnv() ?? threadsFor(sqls)
  const workerUrl = options.workerUrl ?? WORKER_URL
  const chunks = chunkFiles(sqls, options.chunkBytes ?? CHUNK_BYTES)
  let done = 0
  if (threads > 0 && sqls.length > 0 && existsSync(fileURLToPath(workerUrl))) {
    const pool = new ChunkPool(sqls, chunks, threads, workerUrl)
    try {
      for (; done < chunks.length; done++) yield { start: chunks[done]![0], parsed: await pool.take(done) }
      options.log?.log('info', `parsed ${sqls.length} files: ${pool.inWorkers} in ${threads} worker thread${threads === 1 ? '' : 's'}, ${sqls.length - pool.inWorkers} on the main thread`)
    } catch (error) {
      // The workers are an optimisation: any failure of theirs falls back to parsing here.
      // An error from a worker thread may come from another realm: read its message without instanceof.
      const message = (error as { message?: unknown } | undefined)?.message
      options.log?.log('warn', `parse workers failed, parsing on the main thread: ${typeof message === 'string' ? message : String(error)}`)
    } finally {
      await pool.stop()
    }
  }
  const parser = await loadPostgresParser()
  for (; done < chunks.length; done++) {
    const [start, end] = chunks[done]!
    yield { start, parsed: sqls.slice(start, end).map((sql) => parser.parse(sql)) }
  }
}

/**
 * How many workers the input is worth: none below MIN_POOL_BYTES, else one per CPU but this
 * thread's (it parses too, and builds the objects of every file), at most MAX_THREADS.
 */
export function threadsFor(sqls: readonly string[]): number {
  let bytes = 0
  for (const sql of sqls) bytes += sql.length
  if (bytes < MIN_POOL_BYTES) return 0
  return Math.min(availableParallelism() - 1, MAX_THREADS, Math.ceil(bytes / CHUNK_BYTES))
}

/** PREFLIGHT_PARSE_THREADS, for benchmarks and for machines where the default is wrong; undefined when unset or not a number. */
function threadsFromEnv(): number | undefined {
  const value = Number.parseInt(process.env.PREFLIGHT_PARSE_THREADS ?? '', 10)
  return Number.isNaN(value) || value < 0 ? undefined : value
}

/** Splits the files into runs of about `chunkBytes`, as [start, end) index pairs. */
function chunkFiles(sqls: readonly string[], chunkBytes: number): [number, number][] {
  const chunks: [number, number][] = []
  let start = 0
  let bytes = 0
  for (const [i, sql] of sqls.entries()) {
    bytes += sql.length
    if (bytes >= chunkBytes) {
      chunks.push([start, i + 1])
      start = i + 1
      bytes = 0
    }
  }
  if (start < sqls.length) chunks.push([start, sqls.length])
  return chunks
}

/**
 * Chunks parsed by workers and by this thread at once. Workers keep IN_FLIGHT chunks queued, in
 * order, within a window of chunks ahead of the consumer; while the consumer waits for a chunk a
 * worker has, this thread parses the next unassigned one itself, so both cores stay busy whatever
 * the balance between parsing and building objects turns out to be.
 */
class ChunkPool {
  readonly #sqls: readonly string[]
  readonly #chunks: readonly [number, number][]
  readonly #workers: Worker[]
  /** Replies not yet taken, by chunk: a worker's transfer form (turned into objects when taken) or this thread's result. */
  readonly #ready = new Map<number, readonly ParsedFileTransfer[] | ParsedSql[]>()
  readonly #window: number
  #next = 0
  #taken = 0
  #failure: Error | undefined
  #wake: (() => void) | undefined
  inWorkers = 0

  constructor(sqls: readonly string[], chunks: readonly [number, number][], threads: number, workerUrl: URL) {
    this.#sqls = sqls
    this.#chunks = chunks
    this.#window = threads * IN_FLIGHT + 2
    this.#workers = Array.from({ length: Math.min(threads, chunks.length) }, () => new Worker(workerUrl, { workerData: PARSE_WORKER }))
    for (const worker of this.#workers) {
      worker.on('message', (reply: ParseReply) => {
        if ('error' in reply) return this.#fail(new Error(reply.error))
        this.#ready.set(reply.id, reply.files)
        this.inWorkers += reply.files.length
        this.#send(worker)
        this.#wake?.()
      })
      worker.on('error', (error) => this.#fail(error))
      worker.on('exit', (code) => this.#fail(new Error(`a parse worker exited with code ${code}`)))
      for (let i = 0; i < IN_FLIGHT; i++) this.#send(worker)
    }
  }

  /** The parsed files of chunk `id`; chunks are taken in order. */
  async take(id: number): Promise<ParsedSql[]> {
    const parser = await loadPostgresParser()
    for (;;) {
      if (this.#failure) throw this.#failure
      const ready = this.#ready.get(id)
      if (ready) {
        this.#ready.delete(id)
        this.#taken = id + 1
        for (const worker of this.#workers) this.#send(worker)
        const [start] = this.#chunks[id]!
        // The DO-block parses a worker made are for this chunk's analysis, which comes next.
        offerParses(ready.flatMap((file): ParseResults[] => ('doBlockParses' in file && file.doBlockParses ? [file.doBlockParses] : [])))
        return ready.map((file, i) => ('statements' in file ? file : toParsedSql(this.#sqls[start + i]!, file)))
      }
      if (this.#next < this.#chunks.length && this.#next < this.#taken + this.#window) {
        const own = this.#next++
        const [start, end] = this.#chunks[own]!
        this.#ready.set(own, this.#sqls.slice(start, end).map((sql) => parser.parse(sql)))
        // Let waiting replies in before taking another chunk.
        await new Promise((resolve) => setImmediate(resolve))
      } else {
        await new Promise<void>((resolve) => (this.#wake = resolve))
      }
    }
  }

  /** Terminates the workers; their listeners go first, so that no reply lands after the run. */
  async stop(): Promise<void> {
    for (const worker of this.#workers) worker.removeAllListeners()
    this.#wake?.()
    await stopWorkers(this.#workers)
  }

  /** Queues the next chunk on the worker, unless that would run past the window. */
  #send(worker: Worker): void {
    if (this.#next >= this.#chunks.length || this.#next >= this.#taken + this.#window) return
    const [start, end] = this.#chunks[this.#next]!
    worker.postMessage({ id: this.#next++, sqls: this.#sqls.slice(start, end) } satisfies ParseRequest)
  }

  #fail(error: Error): void {
    this.#failure ??= error
    this.#wake?.()
  }
}

/** How long to wait for workers to stop; one still compiling its WASM stops only when that finishes. */
const STOP_WAIT_MS = 1000

/**
 * Terminates the workers and waits until they are gone (their message ports closed), for at most
 * STOP_WAIT_MS: a worker left terminating keeps the process, or a test runner's worker, alive.
 * One that takes longer is unref'd so that it cannot hold up the exit.
 */
async function stopWorkers(workers: readonly Worker[]): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const stopped = Promise.all(workers.map((w) => w.terminate().catch(() => undefined)))
  const isStopped = await Promise.race([stopped.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), STOP_WAIT_MS)))])
  clearTimeout(timer)
  if (!isStopped) for (const worker of workers) worker.unref()
}

/** Rebuilds a worker's file as the ParsedSql parseWith would have returned. */
function toParsedSql(sql: string, file: ParsedFileTransfer): ParsedSql {
  const bytes = Buffer.from(file.sqlBytes.buffer, file.sqlBytes.byteOffset, file.sqlBytes.byteLength)
  const lines = new LineIndex(sql, { bytes, lineStarts: file.lineStarts })
  if (file.syntaxError) return { statements: [], syntaxError: file.syntaxError, trailingComments: [], lines, parserVersion: 0 }
  // One JSON.parse per file, as libpg-query's parseSync does: the nodes are the objects it would return.
  const json = Buffer.from(file.json.buffer, file.json.byteOffset, file.json.byteLength)
  const tree = JSON.parse(json.toString('utf8')) as { stmts?: { stmt: Record<string, Statement['node']> }[] }
  const statements = (tree.stmts ?? []).map((raw, index): Statement => {
    const kind = Object.keys(raw.stmt)[0] ?? 'Unknown'
    const at = index * PLACE_FIELDS
    const place = {
      startByte: file.places[at]!,
      endByte: file.places[at + 1]!,
      line: file.places[at + 2]!,
      col: file.places[at + 3]!,
      endLine: file.places[at + 4]!,
      endCol: file.places[at + 5]!,
      comments: file.comments[index]!,
    }
    return new ParsedStatement(index, kind, raw.stmt[kind] ?? {}, place, lines)
  })
  return { statements, trailingComments: file.trailingComments, lines, parserVersion: file.parserVersion }
}
