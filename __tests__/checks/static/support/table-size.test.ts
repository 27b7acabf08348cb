import { describe, expect, it } from '@jest/globals'
import { gradeBySize } from '../../../../src/checks/static/support/table-size.js'
import type { LiveFacts } from '../../../../src/engine/define.js'

/** A static context with only live facts. */
function ctx(live: LiveFacts): { live: LiveFacts } {
  return { live }
}

const sizes = new Map([
  ['public.tiny', { rows: 50, bytes: 16384 }],
  ['public.mid', { rows: 20_000, bytes: 4 * 1024 ** 2 }],
  ['public.huge', { rows: 50_000_000, bytes: 12 * 1024 ** 3 }],
  ['app.wide', { rows: 10, bytes: 2 * 1024 ** 3 }],
])

describe('gradeBySize', () => {
  it('grades a 50-row table info and a 50-million-row table error, with the numbers', () => {
    const facts = { tableSizes: sizes, thresholds: { largeTableRows: 100_000, largeTableBytes: 1024 ** 3 } }
    expect(gradeBySize(ctx(facts), 'tiny')).toMatchObject({ severity: 'info', size: 'small' })
    expect(gradeBySize(ctx(facts), 'public.mid')).toMatchObject({ severity: 'warning', size: 'medium' })
    const huge = gradeBySize(ctx(facts), 'huge')
    expect(huge).toMatchObject({ severity: 'error', size: 'large', description: 'public.huge has about 50,000,000 rows (12.0 GB)' })
    expect(huge.evidence).toMatchObject({ table: 'public.huge', estimatedRows: 50_000_000, totalBytes: 12 * 1024 ** 3, largeTableRows: 100_000 })
    // Few rows but many bytes (wide rows, TOAST) is large too.
    expect(gradeBySize(ctx(facts), 'app.wide').severity).toBe('error')
  })

  it('uses the target thresholds carried in the facts', () => {
    const strict = { tableSizes: sizes, thresholds: { largeTableRows: 40, largeTableBytes: 1024 ** 4 } }
    expect(gradeBySize(ctx(strict), 'tiny').severity).toBe('error')
  })

  it('keeps the rule severity without a target, and says a new table is not there yet', () => {
    expect(gradeBySize(ctx({}), 'tiny', 'error')).toMatchObject({ severity: 'error', size: 'unknown' })
    expect(gradeBySize(ctx({ tableSizes: sizes }), 'brand_new')).toMatchObject({ severity: 'info', size: 'new' })
  })
})
