/**
 * Converts byte offsets (what the PostgreSQL parser reports) into 1-based line and column,
 * once per file, correctly for multi-byte text (squawk's LineIndex).
 */

export interface Position {
  readonly line: number
  readonly col: number
}

export class LineIndex {
  readonly #text: string
  readonly #bytes: Buffer
  readonly #isAscii: boolean
  /** Byte offset at which each line starts. */
  readonly #lineStarts: ArrayLike<number>

  /** Indexes `text`; `parts` (its UTF-8 bytes and line starts, from a parse worker) spare the main thread the work. */
  constructor(text: string, parts?: { readonly bytes: Buffer; readonly lineStarts?: ArrayLike<number> }) {
    this.#text = text
    this.#bytes = parts?.bytes ?? Buffer.from(text, 'utf8')
    this.#isAscii = this.#bytes.length === text.length
    this.#lineStarts = parts?.lineStarts ?? findLineStarts(this.#bytes)
  }

  /** Byte offset at which each line starts (for handing the index to another thread). */
  get lineStarts(): ArrayLike<number> {
    return this.#lineStarts
  }

  /** The file as UTF-8 bytes. */
  get bytes(): Buffer {
    return this.#bytes
  }

  /** Total length in bytes. */
  get byteLength(): number {
    return this.#bytes.length
  }

  /** Position of a 0-based byte offset; the column counts characters, not bytes. */
  position(byteOffset: number): Position {
    const offset = Math.max(0, Math.min(byteOffset, this.#bytes.length))
    let lo = 0
    let hi = this.#lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.#lineStarts[mid]! <= offset) lo = mid
      else hi = mid - 1
    }
    const lineStart = this.#lineStarts[lo]!
    const col = this.#isAscii ? offset - lineStart : countChars(this.#bytes.subarray(lineStart, offset))
    return { line: lo + 1, col: col + 1 }
  }

  /** Position of a 0-based character offset (PostgreSQL error cursors count characters, not bytes). */
  positionOfChar(charOffset: number): Position {
    if (this.#isAscii) return this.position(charOffset)
    let bytes = 0
    let chars = 0
    for (const ch of this.#text) {
      if (chars >= charOffset) break
      bytes += Buffer.byteLength(ch)
      chars++
    }
    return this.position(bytes)
  }

  /** The text of a 1-based line, without its line break; "" past the end. */
  lineText(line: number): string {
    const start = this.#lineStarts[line - 1]
    if (start === undefined) return ''
    const end = this.#lineStarts[line] ?? this.#bytes.length
    return this.slice(start, end).replace(/\r?\n$/, '')
  }

  /** The text between two byte offsets. */
  slice(startByte: number, endByte: number): string {
    if (this.#isAscii) return this.#text.slice(startByte, endByte)
    return this.#bytes.subarray(startByte, endByte).toString('utf8')
  }
}

/** Byte offsets of line starts: 0 and each byte after a newline (indexOf is native, unlike a byte loop). */
function findLineStarts(bytes: Buffer): number[] {
  const starts = [0]
  for (let nl = bytes.indexOf(0x0a); nl !== -1; nl = bytes.indexOf(0x0a, nl + 1)) starts.push(nl + 1)
  return starts
}

/** Counts Unicode code points in a UTF-8 byte range (continuation bytes do not start a character). */
function countChars(bytes: Buffer): number {
  let n = 0
  for (const b of bytes) if ((b & 0xc0) !== 0x80) n++
  return n
}
