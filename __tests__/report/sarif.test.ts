/**
 * The SARIF 2.1.0 report. No maintained npm package ships the OASIS schema, so the structure that
 * the schema and GitHub code scanning require is asserted directly: version and $schema, one rule
 * per check with results pointing at them by ruleId and ruleIndex, 1-based non-empty regions,
 * relative URIs under %SRCROOT%, levels from the schema's enum, and a category per target.
 */
import type { CheckResult, Finding } from '../../src/engine/model.js'
import { countResults, type Report } from '../../src/engine/report.js'
import { renderSarif } from '../../src/report/sarif.js'
import { renderReport } from '../../src/report/write.js'

/** A finding with defaults. */
function finding(over: Partial<Finding> & Pick<Finding, 'id'>): Finding {
  return { severity: 'error', message: 'CREATE INDEX blocks writes to orders.', mitigation: 'Use CREATE INDEX CONCURRENTLY.', docs: `runbook/${over.id}.md`, ...over }
}

/** A check result with defaults. */
function check(over: Partial<CheckResult> & Pick<CheckResult, 'id' | 'status'>): CheckResult {
  return { title: `Title of ${over.id}`, category: 'locks', kind: 'static', severity: 'error', summary: 'Summary.', docs: `runbook/${over.id}.md`, durationMs: 1, findings: [], ...over }
}

/** A report around the given checks. */
function report(checks: CheckResult[]): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'migrations-preflight', version: '1.2.3' },
    run: {
      command: 'preflight',
      target: 'prod',
      dialect: 'postgres',
      startedAt: '2026-11-25T10:00:00.000Z',
      finishedAt: '2026-11-25T10:00:01.000Z',
      durationMs: 1000,
      user: 'ci',
      host: 'runner',
      configFile: 'migrations.config.yaml',
      configHash: 'abc',
      failOn: 'error',
      server: null,
      postgresVersion: { major: 16, source: 'config' },
    },
    migrations: {
      path: 'db/migrations',
      layout: 'golang-migrate',
      layoutReason: 'configured',
      total: 3,
      applied: 2,
      historyTable: 'public.schema_migrations',
      historyExists: true,
      pending: [{ id: '3', name: 'index_orders', path: 'db/migrations/000003_index_orders.up.sql', runsInTransaction: true }],
      statements: [],
    },
    verdict: checks.some((c) => c.status === 'fail') ? 'failed' : 'passed',
    counts: countResults(checks),
    checks,
  }
}

const FILE = 'db/migrations/000003_index_orders.up.sql'
const sample = report([
  check({
    id: 'require-concurrent-index',
    status: 'fail',
    findings: [
      finding({ id: 'require-concurrent-index', file: FILE, line: 2, col: 1, endLine: 2, endCol: 52, evidence: { rows: 1200000 }, lock: 'SHARE', tables: ['public.orders'] }),
      finding({ id: 'require-concurrent-index', file: FILE, line: 7, col: 1, endLine: 9, endCol: 3, suppressed: { kind: 'comment', reason: 'table is empty' } }),
    ],
  }),
  check({ id: 'long-transactions', kind: 'live', category: 'capacity', status: 'fail', summary: 'A transaction has been open for 2 h.', mitigation: 'End it before migrating.' }),
  check({ id: 'prefer-timestamptz', status: 'warn', severity: 'warning', findings: [finding({ id: 'prefer-timestamptz', severity: 'warning', file: FILE, line: 4, col: 10 })] }),
  check({ id: 'connectivity', kind: 'live', status: 'pass', category: 'connectivity' }),
])

type Sarif = {
  $schema: string
  version: string
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; name: string; shortDescription: { text: string }; helpUri?: string; defaultConfiguration: { level: string } }[] } }
    automationDetails: { id: string }
    invocations: { executionSuccessful: boolean }[]
    results: {
      ruleId: string
      ruleIndex: number
      level: string
      message: { text: string }
      locations?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region?: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[]
      suppressions?: { kind: string; justification: string }[]
    }[]
  }[]
}

test('is a SARIF 2.1.0 log with one run, one rule per check and results pointing at them', () => {
  const log = JSON.parse(renderSarif(sample)) as Sarif
  expect(log.version).toBe('2.1.0')
  expect(log.$schema).toMatch(/sarif-2\.1\.0/)
  expect(log.runs).toHaveLength(1)
  const run = log.runs[0]!
  expect(run.tool.driver).toMatchObject({ name: 'migrations-preflight', version: '1.2.3' })
  expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['connectivity', 'long-transactions', 'prefer-timestamptz', 'require-concurrent-index'])
  for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId)
  for (const rule of run.tool.driver.rules) {
    expect(rule.name).toMatch(/^[A-Z][A-Za-z0-9]*$/)
    expect(rule.shortDescription.text).toBe(`Title of ${rule.id}`)
    expect(['none', 'note', 'warning', 'error']).toContain(rule.defaultConfiguration.level)
  }
  expect(run.automationDetails.id).toBe('migrations-preflight/prod/')
  expect(run.invocations).toEqual([expect.objectContaining({ executionSuccessful: true })])
})

test('each finding is a result at its file and region, with its level and suppression', () => {
  const run = (JSON.parse(renderSarif(sample)) as Sarif).runs[0]!
  const findings = run.results.filter((r) => r.ruleId !== 'long-transactions')
  expect(findings.map((r) => [r.ruleId, r.level, r.locations?.[0]?.physicalLocation.region?.startLine])).toEqual([
    ['prefer-timestamptz', 'warning', 4],
    ['require-concurrent-index', 'error', 2],
    ['require-concurrent-index', 'error', 7],
  ])
  const first = findings[1]!
  expect(first.locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: FILE, uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 52 } })
  expect(first.message.text).toBe('CREATE INDEX blocks writes to orders. Fix: Use CREATE INDEX CONCURRENTLY.')
  expect(findings[2]!.suppressions).toEqual([{ kind: 'inSource', justification: 'table is empty' }])
  // A region is never empty: an end column at the start column moves one past it.
  expect(findings[0]!.locations![0]!.physicalLocation.region).toEqual({ startLine: 4, startColumn: 10, endLine: 4, endColumn: 11 })
})

test('a failed check without findings is one result, placed on the first pending migration', () => {
  const run = (JSON.parse(renderSarif(sample)) as Sarif).runs[0]!
  const live = run.results.filter((r) => r.ruleId === 'long-transactions')
  expect(live).toHaveLength(1)
  expect(live[0]).toMatchObject({ level: 'error', message: { text: 'A transaction has been open for 2 h. End it before migrating.' } })
  expect(live[0]!.locations![0]!.physicalLocation.artifactLocation.uri).toBe(FILE)
  expect(run.results.some((r) => r.ruleId === 'connectivity')).toBe(false)
})

test('paths map to the repository and runbook links become absolute helpUris', () => {
  const run = (JSON.parse(renderSarif(sample, { toRepoPath: (f) => `services/shop/${f}`, runbookBase: 'https://github.com/acme/preflight/blob/v1/runbook/' })) as Sarif).runs[0]!
  expect(run.results[0]!.locations![0]!.physicalLocation.artifactLocation.uri).toBe(`services/shop/${FILE}`)
  expect(run.tool.driver.rules[0]!.helpUri).toBe('https://github.com/acme/preflight/blob/v1/runbook/connectivity.md')
  // Without a base there is no relative helpUri (the schema wants an absolute URI).
  const plain = (JSON.parse(renderSarif(sample)) as Sarif).runs[0]!
  expect(plain.tool.driver.rules.every((r) => r.helpUri === undefined)).toBe(true)
})

test('is deterministic and registered as a report format', () => {
  expect(renderSarif(sample)).toBe(renderSarif(sample))
  expect(renderReport(sample, 'sarif')).toBe(renderSarif(sample))
  expect(renderSarif(sample).endsWith('}\n')).toBe(true)
})
