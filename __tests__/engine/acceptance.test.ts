import { describe, expect, it } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  DEFAULT_ACCEPTABLE,
  acceptancePolicy,
  appendAuditLog,
  applyAcceptances,
  auditEntry,
  findCandidates,
  type Acceptance,
} from '../../src/engine/acceptance.js'
import { checkCatalog, type CatalogEntry } from '../../src/engine/catalog.js'
import type { CheckResult, Finding } from '../../src/engine/model.js'
import { countResults, verdictOf, type FailOn, type Report } from '../../src/engine/report.js'

const CATALOG: CatalogEntry[] = [
  { id: 'connectivity', kind: 'live', category: 'connectivity', severity: 'error', title: 'Connect' },
  { id: 'migration-history', kind: 'live', category: 'migration-state', severity: 'error', title: 'History' },
  { id: 'no-drop-table', kind: 'static', category: 'static-analysis', severity: 'error', title: 'Drop table' },
  { id: 'server-version', kind: 'live', category: 'versions', severity: 'error', title: 'Version' },
]

/** A finding of `id` in a migration file. */
function finding(id: string, line: number, extra: Partial<Finding> = {}): Finding {
  return { id, severity: 'error', message: `problem at ${line}`, file: 'm/001.sql', line, col: 1, endLine: line, endCol: 10, mitigation: 'fix it', docs: `runbook/${id}.md`, ...extra }
}

/** A check result; findings decide nothing here, status is given. */
function check(id: string, category: CheckResult['category'], status: CheckResult['status'], findings: Finding[] = []): CheckResult {
  return { id, title: id, category, kind: 'static', severity: 'error', status, summary: `${id} ${status}`, docs: `runbook/${id}.md`, durationMs: 1, findings }
}

/** A report around the given checks. */
function report(checks: CheckResult[], failOn: FailOn = 'error'): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'migrations-preflight', version: '9.9.9' },
    run: {
      command: 'preflight',
      target: 'prod',
      dialect: 'postgres',
      startedAt: '2026-11-25T10:00:00.000Z',
      finishedAt: '2026-11-25T10:00:01.000Z',
      durationMs: 1000,
      user: 'deploy',
      host: 'bastion-1',
      configFile: 'migrations.config.yaml',
      configHash: 'a'.repeat(64),
      failOn,
      server: null,
      postgresVersion: { major: 16, source: 'target' },
    },
    migrations: { path: 'm', layout: null, layoutReason: null, total: 1, applied: 0, historyTable: null, historyExists: null, pending: [], statements: [] },
    verdict: verdictOf(checks, failOn),
    counts: countResults(checks),
    checks,
  }
}

describe('acceptance policy', () => {
  it('never lets connectivity or migration-state be accepted, whatever the config says', () => {
    const policy = acceptancePolicy(['connectivity', 'migration-history', 'no-drop-table', 'no-such-id'], CATALOG)
    expect([...policy.ids]).toEqual(['no-drop-table'])
    expect(policy.ignored).toEqual([
      { id: 'connectivity', why: 'connectivity failures can never be accepted' },
      { id: 'migration-history', why: 'migration-state failures can never be accepted' },
      { id: 'no-such-id', why: 'no rule or check has this id' },
    ])
  })

  it('defaults to the destructive static rules, each an existing rule module', () => {
    expect(acceptancePolicy(undefined, CATALOG).ids).toEqual(new Set(['no-drop-table']))
    const registered = new Map(checkCatalog().map((e) => [e.id, e]))
    for (const id of DEFAULT_ACCEPTABLE) {
      expect(existsSync(join('src/checks/static', `${id}.ts`))).toBe(true)
      const entry = registered.get(id)
      if (entry) expect(entry).toMatchObject({ kind: 'static', category: 'static-analysis' })
    }
    // The documented default is the real one.
    const page = readFileSync('runbook/preparing-a-deployment.md', 'utf8')
    for (const id of DEFAULT_ACCEPTABLE) expect(page).toContain(`\`${id}\``)
  })
})

describe('accepting failures', () => {
  const drop = check('no-drop-table', 'static-analysis', 'fail', [
    finding('no-drop-table', 3, { tables: ['users'] }),
    finding('no-drop-table', 1, { severity: 'warning' }),
    finding('no-drop-table', 9, { tables: ['audit.events'], suppressed: { kind: 'comment', reason: 'copied above' } }),
  ])
  const version = { ...check('server-version', 'versions', 'fail'), kind: 'live' as const, mitigation: 'upgrade', evidence: { major: 12 } }
  const connect = check('connectivity', 'connectivity', 'fail')
  const base = report([connect, drop, version])
  const policy = acceptancePolicy(['no-drop-table', 'server-version', 'connectivity'], CATALOG)

  it('offers each failing finding with its table, and a failed check without findings by its id', () => {
    expect(findCandidates(base, policy)).toEqual([
      { checkId: 'no-drop-table', title: 'no-drop-table', findingIndex: 0, message: 'problem at 3', at: 'm/001.sql:3', confirmWith: 'users' },
      { checkId: 'server-version', title: 'server-version', findingIndex: undefined, message: 'server-version fail', at: undefined, confirmWith: 'server-version' },
    ])
  })

  it('offers warnings too when warnings fail the run', () => {
    const warned = report([check('no-drop-table', 'static-analysis', 'warn', [finding('no-drop-table', 1, { severity: 'warning' })])], 'warning')
    expect(findCandidates(warned, policy).map((c) => c.findingIndex)).toEqual([0])
    expect(findCandidates({ ...warned, run: { ...warned.run, failOn: 'error' } }, policy)).toEqual([])
  })

  it('marks accepted findings as suppressed by the operator and recomputes statuses, counts and verdict', () => {
    const acceptances: Acceptance[] = findCandidates(base, policy).map((candidate) => ({ candidate, operator: 'alice', reason: 'snapshot snap-42', mode: 'interactive' }))
    const after = applyAcceptances(base, acceptances)
    const byId = new Map(after.checks.map((c) => [c.id, c]))
    expect(byId.get('no-drop-table')!.status).toBe('warn')
    expect(byId.get('no-drop-table')!.findings.find((f) => f.line === 3)!.suppressed).toEqual({ kind: 'accepted', reason: 'snapshot snap-42', by: 'alice' })
    expect(byId.get('server-version')).toMatchObject({ status: 'pass', summary: 'Accepted by alice: server-version fail' })
    expect(byId.get('server-version')!.findings).toEqual([
      { id: 'server-version', severity: 'error', message: 'server-version fail', evidence: { major: 12 }, mitigation: 'upgrade', docs: 'runbook/server-version.md', suppressed: { kind: 'accepted', reason: 'snapshot snap-42', by: 'alice' } },
    ])
    // Connectivity still fails, so the run still fails; without it the verdict passes.
    expect(after.verdict).toBe('failed')
    expect(after.counts).toMatchObject({ fail: 1, warn: 1, pass: 1, suppressed: 3, findings: 1 })
    const withoutConnect = applyAcceptances(report([drop, version]), acceptances)
    expect(withoutConnect.verdict).toBe('passed')
  })

  it('keeps a check failing while some of its failing findings are not accepted', () => {
    const two = report([check('no-drop-table', 'static-analysis', 'fail', [finding('no-drop-table', 1, { tables: ['a'] }), finding('no-drop-table', 2, { tables: ['b'] })])])
    const [first] = findCandidates(two, policy)
    const after = applyAcceptances(two, [{ candidate: first!, operator: 'bob', reason: 'r', mode: 'assume-yes' }])
    expect(after.checks[0]).toMatchObject({ status: 'fail', summary: 'no-drop-table fail (1 accepted by bob)' })
    expect(after.verdict).toBe('failed')
  })

  it('appends one JSON line per acceptance to the audit log, never rewriting it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-'))
    const path = join(dir, 'logs', 'audit.log')
    const [candidate] = findCandidates(base, policy)
    const acceptance: Acceptance = { candidate: candidate!, operator: 'alice', reason: 'snapshot snap-42', mode: 'assume-yes' }
    const time = new Date('2026-11-25T10:00:02.000Z')
    appendAuditLog(path, [auditEntry(base, acceptance, time)])
    appendAuditLog(path, [auditEntry(base, acceptance, time)])
    const lines = readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toEqual({
      time: '2026-11-25T10:00:02.000Z',
      operator: 'alice',
      user: 'deploy',
      host: 'bastion-1',
      target: 'prod',
      checkId: 'no-drop-table',
      finding: 'problem at 3',
      at: 'm/001.sql:3',
      reason: 'snapshot snap-42',
      mode: 'assume-yes',
      toolVersion: '9.9.9',
      configHash: 'a'.repeat(64),
    })
  })
})
