/**
 * Shared test helpers for destructive rules: with backup evidence a finding stays visible as
 * `info`, carrying the evidence, so it does not fail the run.
 */
import { expect, it } from '@jest/globals'
import type { LiveFacts, StaticRule } from '../../../../src/engine/define.js'
import { runRule } from '../../../support/rule-tester.js'

export interface BackupCase {
  readonly sql: string
  readonly live?: LiveFacts
  /** Expected evidence.backupKind, or 'none' when the finding must stay at the rule's severity. */
  readonly kind: 'directive' | 'copy' | 'pitr' | 'none'
  /** Substring expected in evidence.backup. */
  readonly reference?: string
}

/** Declares one test per case: the last finding's severity and backup evidence. */
export function testBackupCases(rule: StaticRule, cases: readonly BackupCase[]): void {
  for (const c of cases) {
    it(`backup ${c.kind}: ${c.sql.replace(/\s+/g, ' ').slice(0, 80)}`, async () => {
      const findings = await runRule(rule, [c.sql], c.live ? { live: c.live } : {})
      expect(findings.length).toBeGreaterThan(0)
      const last = findings[findings.length - 1]!
      if (c.kind === 'none') {
        expect(last.severity).toBe(rule.severity)
        expect(last.evidence?.backup).toBeUndefined()
        return
      }
      expect(last.severity).toBe('info')
      expect(last.evidence?.backupKind).toBe(c.kind)
      if (c.reference) expect(String(last.evidence?.backup)).toContain(c.reference)
    })
  }
}
