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
  readonly #lineStarts: number[]

  constructor(text: string) {
    this.#text = text
    this.#bytes = Buffer.from(text, 'utf8')
    this.#isAscii = this.#bytes.length === text.length
    this.#lineStarts = [0]
    for (let i = 0; i < this.#bytes.length; i++) if (this.#bytes[i] === 0x0a) this.#lineStarts.push(i + 1)
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

  /** The text between two byte offsets. */
  slice(startByte: number, endByte: number): string {
    if (this.#isAscii) return this.#text.slice(startByte, endByte)
    return this.#bytes.subarray(startByte, endByte).toString('utf8')
  }
}

/** Counts Unicode code points in a UTF-8 byte range (continuation bytes do not start a character). */
function countChars(bytes: Buffer): number {
  let n = 0
  for (const b of bytes) if ((b & 0xc0) !== 0x80) n++
  return n
}
