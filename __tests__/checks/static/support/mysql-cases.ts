/**
 * testRule for MySQL rules: every case is parsed as MySQL (node-sql-parser) instead of PostgreSQL.
 */
import { expect, it } from '@jest/globals'
import type { StaticRule } from '../../../../src/engine/define.js'
import { runRule, testRule, type ReportedCase, type SafeCase } from '../../../support/rule-tester.js'

/** Declares jest tests for a MySQL rule's safe and reported cases. */
export function testMysqlRule(rule: StaticRule, cases: { safe: readonly SafeCase[]; reported: readonly ReportedCase[] }): void {
  testRule(rule, {
    safe: cases.safe.map((c) => (typeof c === 'string' ? { sql: c, dialect: 'mysql' as const } : { ...c, dialect: 'mysql' as const })),
    reported: cases.reported.map((c) => ({ ...c, dialect: 'mysql' as const })),
  })
}

/** Declares one test per SQL: with a `-- preflight:backup` directive the finding stays, as a note carrying the reference. */
export function testMysqlBackupDirective(rule: StaticRule, cases: readonly { sql: string; reference: string }[]): void {
  for (const c of cases) {
    it(`backup directive: ${c.sql.replace(/\s+/g, ' ').slice(0, 80)}`, async () => {
      const findings = await runRule(rule, [c.sql], { dialect: 'mysql' })
      expect(findings).toHaveLength(1)
      expect(findings[0]!.severity).toBe('info')
      expect(findings[0]!.evidence?.backupKind).toBe('directive')
      expect(String(findings[0]!.evidence?.backup)).toContain(c.reference)
    })
  }
}

/**
 * Declares one test per SQL: a copy of the data made earlier in the pending set, as the mitigation
 * suggests, keeps the finding as a note carrying where the copy is; a copy that misses rows or
 * columns (`isPartial`) leaves the error.
 */
export function testMysqlBackupCopy(rule: StaticRule, cases: readonly { sql: string; reference?: string; isPartial?: boolean }[]): void {
  for (const c of cases) {
    it(`${c.isPartial ? 'partial copy, still an error' : 'backup copy'}: ${c.sql.replace(/\s+/g, ' ').slice(0, 80)}`, async () => {
      const findings = await runRule(rule, [c.sql], { dialect: 'mysql' })
      expect(findings).toHaveLength(1)
      if (c.isPartial) {
        expect(findings[0]!.severity).toBe('error')
        return
      }
      expect(findings[0]!.severity).toBe('info')
      expect(findings[0]!.evidence?.backupKind).toBe('copy')
      expect(String(findings[0]!.evidence?.backup)).toContain(c.reference ?? '')
    })
  }
}
