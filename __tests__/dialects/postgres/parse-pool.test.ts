import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { MIN_POOL_BYTES, parseFiles, streamParsedFiles, threadsFor } from '../../../src/dialects/postgres/parse-pool.js'
import { loadPostgresParser, offerParses, type ParsedSql } from '../../../src/dialects/postgres/parser.js'
import { parseForTransfer, workerParsers } from '../../../src/dialects/postgres/parse-worker.js'
import { cutTree, loadPgQueryWasm } from '../../../src/dialects/postgres/raw-parse.js'

// Workers run compiled JavaScript: the tests use the worker in lib/ (jest's global setup needs lib/ built too).
const WORKER_URL = new URL('../../../lib/src/dialects/postgres/parse-worker.js', import.meta.url)

/** Files that exercise positions: multi-byte text before and inside statements, comments, errors, edge files. */
const CORPUS: readonly string[] = [
  "-- préambule: naïve café\nCREATE TABLE t (id bigint, nom text DEFAULT 'Zürich');\n/* bloc /* imbriqué */ 日本語 */\nCREATE INDEX t_nom ON t (nom);\n",
  "INSERT INTO t (nom) VALUES ('🚀 launch'), ('Ελληνικά');\n-- preflight:ignore require-concurrent-index emoji 🚀 ok\nCREATE INDEX i ON t (nom)",
  "DO $$\nBEGIN\n  RAISE NOTICE 'データ %', 1;\nEND\n$$;\r\nALTER TABLE t ADD COLUMN c int;\r\n-- trailing 末尾\r\n",
  "SELECT 'é' AS x;\nSELEC 'ü' FROM;\n",
  '',
  '-- only a comment: ça va\n',
  '   \n\t\n',
  'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $f$ SELECT 1 $f$;;; ;\nBEGIN; COMMIT;\nCHECKPOINT;',
  "COMMENT ON TABLE t IS E'quote \\' and backslash \\\\ and \"double\" 🎉';\nVACUUM (FULL) t;",
]

/** A plain copy of a parse result: nodes read, LineIndex reduced to its bytes and line starts. */
function plain(parsed: ParsedSql): unknown {
  return {
    statements: parsed.statements.map((s) => ({ ...s, node: s.node, text: s.text })),
    syntaxError: parsed.syntaxError,
    trailingComments: parsed.trailingComments,
    parserVersion: parsed.parserVersion,
    bytes: parsed.lines.bytes.toString('hex'),
    lineStarts: Array.from(parsed.lines.lineStarts),
  }
}

describe('parse pool', () => {
  it('returns the same statements, nodes, positions and errors from workers as on the main thread', async () => {
    // Several copies, so that every worker gets several chunks and replies arrive interleaved.
    const files = Array.from({ length: 40 }, (_, i) => CORPUS[i % CORPUS.length]! + (i % 3 === 0 ? `\n-- copie ${i} é\n` : ''))
    const messages: string[] = []
    const log = { path: undefined, log: (_level: string, message: string) => void messages.push(message) }
    const inThread = await parseFiles(files, { threads: 0 })
    // Tiny chunks: replies from both workers interleave with the chunks this thread parses itself.
    const pooled = await parseFiles(files, { threads: 2, workerUrl: WORKER_URL, chunkBytes: 300, log })
    const [, inWorkers = '0'] = /parsed 40 files: (\d+) in 2 worker threads, \d+ on the main thread/.exec(messages.join('\n')) ?? []
    expect(Number(inWorkers)).toBeGreaterThan(0)
    expect(pooled.map(plain)).toEqual(inThread.map(plain))
    expect(pooled[3]!.syntaxError).toEqual({ message: 'syntax error at or near "SELEC"', line: 2, col: 1 })
    expect(pooled[1]!.statements[1]).toMatchObject({ kind: 'IndexStmt', line: 3, col: 1, endLine: 3, endCol: 26 })
    expect(pooled[1]!.lines.position(pooled[1]!.statements[0]!.endByte)).toEqual({ line: 1, col: 54 })
  })

  it('streams consecutive chunks in order to a slow consumer, and stops its workers when the consumer stops early', async () => {
    const files = Array.from({ length: 60 }, (_, i) => `${CORPUS[i % CORPUS.length]!}\n-- fichier ${i}\n`)
    const inThread = (await parseFiles(files, { threads: 0 })).map(plain)
    const seen: unknown[] = []
    let expectedStart = 0
    for await (const chunk of streamParsedFiles(files, { threads: 1, workerUrl: WORKER_URL, chunkBytes: 200 })) {
      expect(chunk.start).toBe(expectedStart)
      expectedStart += chunk.parsed.length
      seen.push(...chunk.parsed.map(plain))
      // A consumer slower than the worker: the worker must wait for it (a bounded window), not fail.
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    expect(seen).toEqual(inThread)
    let taken = 0
    for await (const chunk of streamParsedFiles(files, { threads: 1, workerUrl: WORKER_URL, chunkBytes: 200 })) {
      taken += chunk.parsed.length
      if (taken > 5) break
    }
    expect(taken).toBeGreaterThan(5)
  })

  it('parses on the main thread when the worker entry is missing (the ncc bundle)', async () => {
    const missing = new URL('./no-such-dir/parse-worker.js', WORKER_URL)
    const [parsed] = await parseFiles([CORPUS[0]!], { threads: 2, workerUrl: missing })
    expect(parsed!.statements.map((s) => s.kind)).toEqual(['CreateStmt', 'IndexStmt'])
    expect(parsed!.statements[1]!.comments[0]).toEqual({ text: '/* bloc /* imbriqué */ 日本語 */', line: 3, col: 1 })
  })

  it('falls back to the main thread when a worker fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parse-pool-'))
    const broken = join(dir, 'broken-worker.mjs')
    writeFileSync(broken, "throw new Error('this worker cannot start')\n")
    const messages: string[] = []
    const log = { path: undefined, log: (_level: string, message: string) => void messages.push(message) }
    const files = [CORPUS[0]!, CORPUS[3]!]
    const parsed = await parseFiles(files, { threads: 1, workerUrl: pathToFileURL(broken), chunkBytes: 1, log })
    expect(parsed.map(plain)).toEqual((await parseFiles(files, { threads: 0 })).map(plain))
    expect(messages.join('\n')).toMatch(/parse workers failed, parsing on the main thread: this worker cannot start/)
  })

  it('parses ahead, in the worker, what expanding DO blocks parses, and the main thread parser uses it instead of parsing', async () => {
    const parsers = workerParsers(await loadPgQueryWasm())
    const sql = "CREATE TABLE t (id int);\nDO $$\nBEGIN\n  CREATE INDEX i ON t (id);\n  EXECUTE 'DROP TABLE ' || 'u';\nEND\n$$;\nDO LANGUAGE plpgsql $b$ BEGIN PERFORM 1; END $b$;\n"
    const file = parseForTransfer(parsers, sql)
    expect(file.doBlockParses?.plpgsql.map(([text]) => text)).toEqual([
      "DO $$\nBEGIN\n  CREATE INDEX i ON t (id);\n  EXECUTE 'DROP TABLE ' || 'u';\nEND\n$$",
      'DO LANGUAGE plpgsql $b$ BEGIN PERFORM 1; END $b$',
    ])
    expect(file.doBlockParses?.sql.map(([text]) => text)).toEqual(['CREATE INDEX i ON t (id)', "SELECT 'DROP TABLE ' || 'u'", 'DROP TABLE u', 'SELECT 1'])
    expect(parseForTransfer(parsers, 'CREATE TABLE t (id int);').doBlockParses).toBeUndefined()

    // The main thread's parser returns an offered parse for its text: here deliberately another statement's.
    const parser = await loadPostgresParser()
    const [[, dropJson]] = file.doBlockParses!.sql.filter(([text]) => text === 'DROP TABLE u') as [[string, string]]
    offerParses([{ sql: [['SELECT 42', dropJson]], plpgsql: [] }])
    expect(parser.parse('SELECT 42').statements.map((s) => s.kind)).toEqual(['DropStmt'])
    expect(parser.parse('SELECT 42').statements.map((s) => s.kind)).toEqual(['DropStmt'])
    offerParses([])
    expect(parser.parse('SELECT 42').statements.map((s) => s.kind)).toEqual(['SelectStmt'])
  })

  it('parses on the main thread below the size where workers pay', () => {
    expect(threadsFor(['SELECT 1;'])).toBe(0)
    expect(threadsFor([' '.repeat(MIN_POOL_BYTES - 1)])).toBe(0)
  })

  it('reads statement places from the tree whatever the key order and spacing', () => {
    const json = '{ "stmts" : [ { "stmt_len":8, "stmt" : { "SelectStmt" : {"a":"}]\\"{", "stmt_len": 1} } }, {"x":[1,{}],"stmt":{},"stmt_location":9} ], "version": 180004 }'
    const bytes = new TextEncoder().encode(`padding${json}\0`)
    const tree = cutTree(bytes, 'padding'.length)
    expect(tree.version).toBe(180004)
    expect(Array.from(tree.ranges)).toEqual([0, 8, 9, 0])
    const nodeText = (i: number): string => Buffer.from(tree.json.subarray(tree.nodeRanges[2 * i], tree.nodeRanges[2 * i + 1])).toString('utf8')
    expect([nodeText(0), nodeText(1)]).toEqual(['{ "SelectStmt" : {"a":"}]\\"{", "stmt_len": 1} }', '{}'])
    expect(Buffer.from(tree.json).toString('utf8')).toBe(json)
    expect(() => cutTree(new TextEncoder().encode('{"stmts":[{"stmt":{"A":{"b":"unterminated}]}\0'), 0)).toThrow(/Unexpected libpg-query JSON/)
  })
})
