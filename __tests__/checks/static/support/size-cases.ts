/**
 * Shared test helpers for blocking rules graded by table size (support/table-size.ts): with a
 * target, a large table is an error, a medium one a warning, a small one or one the target does
 * not have yet is info (the rule passes), and without a target the rule keeps its own severity.
 */
import { describe, expect, it } from '@jest/globals'
import type { LiveFacts, StaticRule } from '../../../../src/engine/define.js'
import type { Finding } from '../../../../src/engine/model.js'
import { statusOf } from '../../../../src/engine/static-runner.js'
import { runRule, type RuleCaseOptions } from '../../../support/rule-tester.js'

export interface SizeCase extends RuleCaseOptions {
  /** SQL with at least one finding of the rule. */
  readonly sql: string
  /** The tableSizes key the finding is graded by: "public.orders", or "index:public.orders_idx". */
  readonly table: string
}

const THRESHOLDS = { largeTableRows: 100_000, largeTableBytes: 1024 ** 3 }

const SIZES = {
  large: { rows: 50_000_000, bytes: 12 * 1024 ** 3, severity: 'error', status: 'fail', text: 'about 50,000,000 rows (12.0 GB)' },
  medium: { rows: 20_000, bytes: 4 * 1024 ** 2, severity: 'warning', status: 'warn', text: 'about 20,000 rows (4.0 MB)' },
  small: { rows: 50, bytes: 16_384, severity: 'info', status: 'pass', text: 'about 50 rows (16.0 kB)' },
} as const

/** Live facts holding `table` with the given size, or (without a size) a target without it. */
function facts(c: SizeCase, size?: { rows: number; bytes: number }): LiveFacts {
  return { thresholds: THRESHOLDS, tableSizes: new Map(size ? [[c.table, size]] : [['public.unrelated', SIZES.large]]) }
}

/** Live facts with the given tables and sizes, and the default thresholds. */
export function sizedTarget(sizes: Readonly<Record<string, 'large' | 'medium' | 'small'>>): LiveFacts {
  return { thresholds: THRESHOLDS, tableSizes: new Map(Object.entries(sizes).map(([table, size]) => [table, SIZES[size]])) }
}

/** The unsuppressed findings of the case's own file. */
async function findingsOf(rule: StaticRule, c: SizeCase, live: LiveFacts | undefined): Promise<Finding[]> {
  const findings = await runRule(rule, [...(c.before ?? []), c.sql], { ...c, live: { ...c.live, ...live } })
  const active = findings.filter((f) => !f.suppressed && f.file === `m${(c.before?.length ?? 0) + 1}.sql`)
  expect(active.length).toBeGreaterThan(0)
  return active
}

/** Declares the size-grading tests of one case. */
export function testSizeGrading(rule: StaticRule, c: SizeCase): void {
  describe(`graded by the size of ${c.table}: ${c.sql.replace(/\s+/g, ' ').slice(0, 70)}`, () => {
    for (const [name, size] of Object.entries(SIZES)) {
      it(`${name} table -> ${size.severity}, with the size in message and evidence`, async () => {
        const findings = await findingsOf(rule, c, facts(c, size))
        expect(findings.map((f) => f.severity)).toEqual(findings.map(() => size.severity))
        expect(statusOf(findings)).toBe(size.status)
        for (const f of findings) {
          expect(f.message).toContain(size.text)
          expect(f.evidence).toMatchObject({ sizeGrade: name, gradedTable: c.table, thresholds: THRESHOLDS })
          expect(f.evidence?.sizes).toContainEqual({ table: c.table, estimatedRows: size.rows, totalBytes: size.bytes, totalSize: expect.any(String) })
        }
      })
    }

    it('table not on the target yet -> info, and the run passes', async () => {
      const findings = await findingsOf(rule, c, facts(c))
      expect(findings.map((f) => f.severity)).toEqual(findings.map(() => 'info'))
      expect(statusOf(findings)).toBe('pass')
      for (const f of findings) {
        expect(f.message).toContain('does not exist on the target yet')
        expect(f.evidence).toMatchObject({ sizeGrade: 'new', thresholds: THRESHOLDS })
      }
    })

    it(`no target -> the rule's own severity (${rule.severity}), nothing about sizes`, async () => {
      const findings = await findingsOf(rule, c, undefined)
      expect(findings.map((f) => f.severity)).toEqual(findings.map(() => rule.severity))
      for (const f of findings) {
        expect(f.message).not.toMatch(/about [\d,]+ rows/)
        expect(f.evidence?.sizeGrade).toBeUndefined()
        expect(f.evidence?.sizes).toBeUndefined()
      }
    })
  })
}
