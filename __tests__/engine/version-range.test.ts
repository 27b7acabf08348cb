import { describe, expect, it } from '@jest/globals'
import { compareVersions, parseRange, satisfies, VersionRangeError } from '../../src/engine/version-range.js'

describe('version ranges', () => {
  it('compares dotted versions numerically', () => {
    expect(compareVersions('3.3.2', '3.3')).toBeGreaterThan(0)
    expect(compareVersions('3.3', '3.3.0')).toBe(0)
    expect(compareVersions('15.4', '15.10')).toBeLessThan(0)
    expect(compareVersions('v20.19.1', '20.19')).toBeGreaterThan(0)
    expect(compareVersions('3.4.0dev', '3.4.0')).toBe(0)
  })

  it.each([
    ['3.3.2', '>=3.3', true],
    ['3.2.9', '>=3.3', false],
    ['3.3.2', '>=3.3 <4', true],
    ['4.0', '>=3.3 <4', false],
    ['1.0', '=1.0', true],
    ['1.0.1', '1.0', false],
    ['2.5', '>2.5', false],
    ['2.5', '<=2.5', true],
    ['20.19.0', '>=20.19', true],
    ['20.18.3', '>=20.19', false],
  ])('%s satisfies %s: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected)
  })

  it('rejects what is not a range', () => {
    expect(() => parseRange('')).toThrow(VersionRangeError)
    expect(() => parseRange('>= 3.3')).toThrow(VersionRangeError)
    expect(() => parseRange('~3.3')).toThrow(/not a version range/)
  })
})
