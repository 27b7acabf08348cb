/**
 * The JSON report: the Report object with a fixed key order (as built by the engine),
 * validated against schema/report.schema.json in the tests.
 */
import type { Report } from '../engine/report.js'

/** Renders the report as pretty JSON with a trailing newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`
}

/** How deep jsonChunks cuts: report, checks, a check, its findings (each finding is one piece). */
const CHUNK_DEPTH = 4

/**
 * renderJson's text in pieces, cut between checks, findings and statements, so that a large
 * report (4,000 files: some 40 MB of JSON) is written without ever being one string (issue 4:
 * peak memory). The pieces joined are exactly renderJson's text; a test checks it.
 */
export function* jsonChunks(report: Report): Generator<string> {
  yield* prettyChunks(report, '', CHUNK_DEPTH)
  yield '\n'
}

/**
 * JSON.stringify(value, null, 2) at indentation `indent`, in pieces: plain objects and arrays are
 * opened down to `depth`, anything else is one JSON.stringify. It follows JSON.stringify's rules
 * where they matter at the levels it opens: keys whose value serialises to nothing (undefined, a
 * function) are left out, such array elements become null, empty containers are {} and [].
 */
function* prettyChunks(value: unknown, indent: string, depth: number): Generator<string> {
  if (depth <= 0 || !isPlainContainer(value)) {
    // A nested value is its standalone text with every line indented (strings hold no raw newline).
    yield leafText(value, indent) ?? 'null'
    return
  }
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]'
      return
    }
    if (depth <= BATCH_DEPTH) {
      yield* batchedArrayChunks(value, indent)
      return
    }
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '[' : ','}\n${inner}`
      yield* prettyChunks(value[i], inner, depth - 1)
    }
    yield `\n${indent}]`
    return
  }
  let isOpen = false
  for (const key of Object.keys(value)) {
    const v = value[key]
    const isOpened = depth > 1 && isPlainContainer(v)
    const text = isOpened ? undefined : leafText(v, inner)
    if (!isOpened && text === undefined) continue
    yield `${isOpen ? ',' : '{'}\n${inner}${JSON.stringify(key)}: `
    isOpen = true
    if (isOpened) yield* prettyChunks(v, inner, depth - 1)
    else yield text!
  }
  yield isOpen ? `\n${indent}}` : '{}'
}

/** Arrays met at this depth or deeper (a check's findings, the statements) are cut into runs of elements, not single ones. */
const BATCH_DEPTH = 2

/** Elements per run: pieces of a few hundred KB. */
const BATCH_ELEMENTS = 256

/**
 * A non-empty array's text at `indent`, one piece per run of BATCH_ELEMENTS elements: one
 * JSON.stringify per run instead of one per element (for 32,000 findings it was most of the
 * report's time). The run is stringified nested in as many one-element arrays as `indent` has
 * levels, so that JSON.stringify itself indents it (re-indenting the text copied every piece);
 * the wrappers' brackets and the run's own "[" and final "\n]" are cut off.
 */
function* batchedArrayChunks(value: readonly unknown[], indent: string): Generator<string> {
  const levels = indent.length / 2
  // JSON.stringify(…, null, 2) opens each wrapper k (1-based) with "[\n" and 2k spaces and closes it with "\n", 2(k-1) spaces and "]".
  const opening = 2 * levels + levels * (levels + 1)
  const closing = 2 * levels + levels * (levels - 1)
  const close = `\n${indent}]`
  for (let i = 0; i < value.length; i += BATCH_ELEMENTS) {
    let wrapped: unknown = value.slice(i, i + BATCH_ELEMENTS)
    for (let level = 0; level < levels; level++) wrapped = [wrapped]
    const text = JSON.stringify(wrapped, null, 2)
    yield `${i === 0 ? '[' : ','}${text.slice(opening + 1, text.length - closing - close.length)}`
  }
  yield close
}

/** JSON.stringify(value, null, 2) indented to `indent`; undefined where JSON.stringify gives nothing. */
function leafText(value: unknown, indent: string): string | undefined {
  const text = JSON.stringify(value, null, 2) as string | undefined
  return text === undefined || indent === '' || !text.includes('\n') ? text : text.replaceAll('\n', `\n${indent}`)
}

/** A plain object (no toJSON) or an array: what prettyChunks may open. */
function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}
