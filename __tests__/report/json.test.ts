/**
 * The JSON report is written in pieces (jsonChunks) so that a large one is never one string
 * (issue 4: peak memory); joined, the pieces must be exactly renderJson's text.
 */
import { describe, expect, it } from '@jest/globals'
import type { Report } from '../../src/engine/report.js'
import { jsonChunks, renderJson } from '../../src/report/json.js'

/** A report shaped like the engine's, with values JSON.stringify treats specially. */
function sampleReport(): Report {
  const finding = (line: number): Record<string, unknown> => ({
    id: 'require-lock-timeout',
    severity: 'error',
    message: `ALTER TABLE waits for "an ACCESS EXCLUSIVE" lock\non line ${line} — naïve 🚀`,
    file: 'db/001.sql',
    line,
    col: 1,
    evidence: { tables: ['public.t'], sizes: [], nested: { deep: [1, { x: null }] } },
    mitigation: 'Set lock_timeout.',
    docs: 'runbook/require-lock-timeout.md',
    skipped: undefined,
  })
  return {
    schemaVersion: 1,
    tool: { name: 'migrations-preflight', version: '0.1.0' },
    run: { command: 'lint', target: null, startedAt: new Date(0), empty: {}, list: [] },
    migrations: { statements: [{ file: 'db/001.sql', line: 1, tables: [], lock: undefined }], pending: [] },
    verdict: 'failed',
    counts: { fail: 1 },
    checks: [
      { id: 'a', findings: [finding(1), finding(2)], summary: 'x', fn: () => 1, sym: Symbol('s'), evidence: { a: [undefined, () => 1, Symbol('s'), 2] } },
      { id: 'b', findings: [], durationMs: 0 },
    ],
  } as unknown as Report
}

describe('jsonChunks', () => {
  it('joins to exactly the text of renderJson', () => {
    const report = sampleReport()
    const chunks = [...jsonChunks(report)]
    expect(chunks.length).toBeGreaterThan(10)
    expect(chunks.join('')).toBe(renderJson(report))
  })

  it('gives the same text when findings and statements run to several batches', () => {
    const report = sampleReport() as unknown as { checks: { findings: unknown[] }[]; migrations: { statements: unknown[] } }
    const many = report.checks[0]!.findings[0]
    report.checks[0]!.findings = Array.from({ length: 700 }, (_, i) => (i % 97 === 0 ? undefined : { ...(many as object), line: i }))
    report.migrations.statements = Array.from({ length: 513 }, (_, i) => ({ file: 'db/001.sql', line: i, tables: [{ table: 'public.t', lock: 'SHARE' }] }))
    const chunks = [...jsonChunks(report as unknown as Report)]
    expect(chunks.join('')).toBe(renderJson(report as unknown as Report))
    // Runs of elements, not one piece per element.
    expect(chunks.length).toBeLessThan(200)
  })

  it('gives the same text for an empty report', () => {
    const report = { checks: [], migrations: {} } as unknown as Report
    expect([...jsonChunks(report)].join('')).toBe(renderJson(report))
  })
})
