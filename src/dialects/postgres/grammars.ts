/**
 * The grammars of older PostgreSQL majors: the libpg-query release of each major, installed under
 * an npm alias (`libpg-query-15` is `libpg-query@15`), loaded lazily, one WASM instance per major.
 * The rules keep parsing with the current libpg-query (parser.ts); these only answer "does this
 * major's parser accept this text?" for the target-version-syntax rule.
 *
 * We call each release's Emscripten factory ourselves instead of its index module, so that we
 * choose where its `libpg-query.wasm` is read from: every release ships a file of that same name,
 * and in the ncc bundle they would all be looked up in `dist/` (see locateWasm).
 */
import { existsSync } from 'node:fs'

/** The major of the grammar in parser.ts: the statements the rules see already parse on it. */
export const CURRENT_GRAMMAR = 18

/** Older majors whose grammar ships with the tool, oldest first. */
export const OLDER_GRAMMARS: readonly number[] = [13, 14, 15, 16, 17]

/**
 * Each major's Emscripten factory, imported only when first asked for. Literal specifiers, so
 * the bundler sees every release. libpg-query@14.4.3 depends on @pgsql/types@^14.1.2, which was
 * never published; package.json overrides it with 13.11.2 (types only, unused at run time).
 */
const FACTORIES: Readonly<Record<number, () => Promise<{ default: EmscriptenFactory }>>> = {
  13: () => import('libpg-query-13/wasm/libpg-query.js'),
  14: () => import('libpg-query-14/wasm/libpg-query.js'),
  15: () => import('libpg-query-15/wasm/libpg-query.js'),
  16: () => import('libpg-query-16/wasm/libpg-query.js'),
  17: () => import('libpg-query-17/wasm/libpg-query.js'),
}

/** Why a grammar rejected a text. */
export interface GrammarError {
  readonly message: string
  /** 0-based character (not byte) offset of the error in the text, 0 when the parser gives none. */
  readonly cursor: number
}

/** One major's parser, reduced to accept or reject. */
export interface Grammar {
  readonly major: number
  /** The parser's server_version_num, e.g. 150001. */
  readonly version: number
  /** The parser's error for `sql`, or undefined when this major's grammar accepts it. */
  reject(sql: string): GrammarError | undefined
}

/** What the Emscripten module of a libpg-query release exposes (the same in 13 to 18). */
interface PgQueryWasm {
  _malloc(size: number): number
  _free(ptr: number): void
  _wasm_parse_query_raw(queryPtr: number): number
  _wasm_free_parse_result(resultPtr: number): void
  getValue(ptr: number, type: 'i32'): number
  UTF8ToString(ptr: number): string
  stringToUTF8(text: string, ptr: number, maxBytes: number): void
  lengthBytesUTF8(text: string): number
}

/** The factory's module argument is Emscripten's `Module` object: locateFile is the one hook used. */
type EmscriptenFactory = (moduleArg: { locateFile(path: string, scriptDirectory: string): string }) => Promise<unknown>

// One WASM instance per major for the whole process, as parser.ts keeps one for the current grammar.
const loading = new Map<number, Promise<Grammar>>()

/** Loads the grammar of a shipped major once per process; rejects for a major that is not shipped. */
export function loadGrammar(major: number): Promise<Grammar> {
  let grammar = loading.get(major)
  if (!grammar) {
    grammar = instantiate(major)
    loading.set(major, grammar)
  }
  return grammar
}

/** Instantiates a major's WASM module and checks it really is that major. */
async function instantiate(major: number): Promise<Grammar> {
  const factory = FACTORIES[major]
  if (!factory) throw new Error(`No PostgreSQL ${major} grammar is shipped (shipped: ${OLDER_GRAMMARS.join(', ')}, ${CURRENT_GRAMMAR}).`)
  let wasmFile = ''
  let wasm: PgQueryWasm
  try {
    wasm = (await (await factory()).default({
      locateFile(path, scriptDirectory) {
        wasmFile = locateWasm(major, path, scriptDirectory)
        return wasmFile
      },
    })) as PgQueryWasm
  } catch (error) {
    // Emscripten's own message (a LinkError, ENOENT) does not say which grammar or file it was.
    throw new Error(`Could not load the PostgreSQL ${major} grammar from ${wasmFile || 'its package'}: ${error instanceof Error ? error.message : String(error)}`)
  }
  const reject = (sql: string): GrammarError | undefined => parseRaw(wasm, sql, false).error
  const version = (JSON.parse(parseRaw(wasm, 'SELECT 1', true).tree ?? '{}') as { version?: number }).version ?? 0
  // A wrong file (another major's wasm under the expected name) would silently check the wrong grammar.
  if (Math.floor(version / 10000) !== major) {
    throw new Error(`The PostgreSQL ${major} grammar read from ${wasmFile} reports version ${version}.`)
  }
  return { major, version, reject }
}

/**
 * Where a major's wasm file is. Installed, the release's own folder holds `libpg-query.wasm`.
 * In the ncc bundle every release sees `dist/` (the global `__dirname`), where the build copies
 * each one as `libpg-query-<major>.wasm`, so the current parser's `libpg-query.wasm` stays apart.
 */
export function locateWasm(major: number, path: string, scriptDirectory: string): string {
  const bundled = `${scriptDirectory}${wasmFileName(major)}`
  return existsSync(bundled) ? bundled : `${scriptDirectory}${path}`
}

/** The file name a major's wasm has in the bundle. */
export function wasmFileName(major: number): string {
  return `libpg-query-${major}.wasm`
}

/**
 * Parses with the raw C entry point and reads only what is asked: the error, and the JSON tree
 * only when wanted (checking syntax needs no tree). Struct layouts are libpg_query's PgQueryParseResult { parse_tree, stderr_buffer,
 * error } and PgQueryError { message, funcname, filename, lineno, cursorpos, context }.
 */
function parseRaw(wasm: PgQueryWasm, sql: string, isTreeWanted: boolean): { error?: GrammarError; tree?: string } {
  const size = wasm.lengthBytesUTF8(sql) + 1
  const queryPtr = wasm._malloc(size)
  let resultPtr = 0
  try {
    wasm.stringToUTF8(sql, queryPtr, size)
    resultPtr = wasm._wasm_parse_query_raw(queryPtr)
    if (!resultPtr) throw new Error('libpg-query could not allocate its parse result.')
    const errorPtr = wasm.getValue(resultPtr + 8, 'i32')
    if (errorPtr) {
      const messagePtr = wasm.getValue(errorPtr, 'i32')
      // cursorpos is 1-based and counts characters; 0 means "no position".
      const cursorpos = wasm.getValue(errorPtr + 16, 'i32')
      return { error: { message: messagePtr ? wasm.UTF8ToString(messagePtr) : 'unknown parser error', cursor: Math.max(0, cursorpos - 1) } }
    }
    const treePtr = isTreeWanted ? wasm.getValue(resultPtr, 'i32') : 0
    return treePtr ? { tree: wasm.UTF8ToString(treePtr) } : {}
  } finally {
    wasm._free(queryPtr)
    if (resultPtr) wasm._wasm_free_parse_result(resultPtr)
  }
}
