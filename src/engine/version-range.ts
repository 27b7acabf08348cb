/**
 * A tiny version comparator for the constraints in config (`requires: { postgis: ">=3.3" }`) and
 * for runtime ranges (Node.js, the pg driver). Versions are dotted numbers with optional
 * suffixes ("3.3.2", "1.0", "3.4.0dev", "v20.19.1"); each part compares by its leading number,
 * missing parts count as 0. A range is space-separated comparators that must all hold
 * (">=3.3 <4"); a bare version means "=".
 */

const OPERATORS = ['>=', '<=', '>', '<', '='] as const
type Operator = (typeof OPERATORS)[number]

export interface Comparator {
  readonly op: Operator
  readonly version: string
}

/** Thrown for a range that is not comparators separated by spaces. */
export class VersionRangeError extends Error {
  constructor(range: string, part: string) {
    super(`"${range}" is not a version range: cannot read "${part}" (use e.g. ">=3.3", ">=3.3 <4", "=1.2.0")`)
    this.name = 'VersionRangeError'
  }
}

/** Numeric parts of a version: "v3.4.0dev" -> [3, 4, 0]. */
function versionParts(version: string): number[] {
  return version
    .trim()
    .replace(/^v/i, '')
    .split(/[.\-+_]/)
    .map((part) => Number.parseInt(part, 10))
    .map((value) => (Number.isNaN(value) ? 0 : value))
}

/** Compares two versions numerically part by part: negative when a < b. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a)
  const pb = versionParts(b)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

/** Parses ">=3.3 <4" into comparators; throws VersionRangeError on anything else. */
export function parseRange(range: string): Comparator[] {
  const parts = range.trim().split(/\s+/).filter(Boolean)
  if (parts.length === 0) throw new VersionRangeError(range, range)
  return parts.map((part) => {
    const op = OPERATORS.find((o) => part.startsWith(o)) ?? '='
    const version = part.slice(op === '=' && !part.startsWith('=') ? 0 : op.length)
    if (!/^v?\d+(\.\d+)*([.\-+_]?[0-9A-Za-z]*)*$/.test(version)) throw new VersionRangeError(range, part)
    return { op, version }
  })
}

/** True when `version` satisfies every comparator of `range`. */
export function satisfies(version: string, range: string): boolean {
  return parseRange(range).every(({ op, version: bound }) => {
    const d = compareVersions(version, bound)
    switch (op) {
      case '>=':
        return d >= 0
      case '<=':
        return d <= 0
      case '>':
        return d > 0
      case '<':
        return d < 0
      case '=':
        return d === 0
    }
  })
}
