import { describe, expect, it } from '@jest/globals'
import { gradeBySize, gradeLargest, sizeEvidence, withSize } from '../../../../src/checks/static/support/table-size.js'
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
    expect(huge.evidence).toEqual({ sizeGrade: 'large', gradedTable: 'public.huge', thresholds: { largeTableRows: 100_000, largeTableBytes: 1024 ** 3 } })
    expect(sizeEvidence(ctx(facts), 'huge')).toEqual({ table: 'public.huge', estimatedRows: 50_000_000, totalBytes: 12 * 1024 ** 3, totalSize: '12.0 GB' })
    // Few rows but many bytes (wide rows, TOAST) is large too.
    expect(gradeBySize(ctx(facts), 'app.wide').severity).toBe('error')
  })

  it('grades a never-analysed table by its bytes and says its row count is unknown', () => {
    const facts = { tableSizes: new Map([['public.loaded', { rows: 0, bytes: 3 * 1024 ** 3, isRowsKnown: false }]]) }
    expect(gradeBySize(ctx(facts), 'loaded')).toMatchObject({ severity: 'error', size: 'large', description: 'public.loaded has an unknown number of rows (never analysed; 3.0 GB)' })
    expect(withSize('public.loaded', gradeBySize(ctx(facts), 'loaded'))).toBe('public.loaded (an unknown number of rows (never analysed; 3.0 GB))')
    expect(sizeEvidence(ctx(facts), 'loaded')).toEqual({ table: 'public.loaded', estimatedRows: null, rowsUnknown: 'never vacuumed or analysed', totalBytes: 3 * 1024 ** 3, totalSize: '3.0 GB' })
  })

  it('uses the target thresholds carried in the facts', () => {
    const strict = { tableSizes: sizes, thresholds: { largeTableRows: 40, largeTableBytes: 1024 ** 4 } }
    expect(gradeBySize(ctx(strict), 'tiny').severity).toBe('error')
  })

  it('keeps the rule severity without a target, and says a new table is not there yet', () => {
    expect(gradeBySize(ctx({}), 'tiny', 'error')).toMatchObject({ severity: 'error', size: 'unknown', evidence: {}, description: '' })
    expect(sizeEvidence(ctx({}), 'tiny')).toBeUndefined()
    expect(gradeBySize(ctx({ tableSizes: sizes }), 'brand_new')).toMatchObject({ severity: 'info', size: 'new', description: 'public.brand_new does not exist on the target yet' })
    expect(sizeEvidence(ctx({ tableSizes: sizes }), 'brand_new')).toEqual({ table: 'public.brand_new', size: 'not on the target yet' })
  })

  it('grades several tables by the largest, and no table as unknown', () => {
    const facts = { tableSizes: sizes }
    expect(gradeLargest(ctx(facts), ['tiny', 'huge', 'mid'], 'error')).toMatchObject({ severity: 'error', table: 'public.huge' })
    expect(gradeLargest(ctx(facts), ['brand_new', 'tiny'], 'error')).toMatchObject({ severity: 'info', size: 'small', table: 'public.tiny' })
    // Both large: the one with more bytes.
    expect(gradeLargest(ctx(facts), ['app.wide', 'huge'], 'error').table).toBe('public.huge')
    expect(gradeLargest(ctx(facts), [], 'error')).toMatchObject({ severity: 'error', size: 'unknown' })
  })

  it('describes an index key as its table, and quotes names as the messages do', () => {
    const facts = { tableSizes: new Map([['index:public.orders_pkey', { rows: 50, bytes: 16384 }], ['Sales.Orders', { rows: 50, bytes: 16384 }]]) }
    expect(gradeBySize(ctx(facts), 'index:public.orders_pkey').description).toBe('the table of index public.orders_pkey has about 50 rows (16.0 kB)')
    expect(gradeBySize(ctx(facts), 'index:public.gone_idx').description).toBe('index public.gone_idx does not exist on the target yet')
    const quoted = gradeBySize(ctx(facts), 'Sales.Orders')
    expect(withSize('"Sales"."Orders"', quoted)).toBe('"Sales"."Orders" (about 50 rows (16.0 kB))')
    expect(withSize('it', quoted)).toBe('it ("Sales"."Orders" has about 50 rows (16.0 kB))')
    expect(withSize('public.t', gradeBySize(ctx({}), 't'))).toBe('public.t')
  })
})
