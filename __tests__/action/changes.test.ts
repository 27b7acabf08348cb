/**
 * Sorting a pull request's files into pending and history-editing changes, and turning findings
 * into annotations the Checks API accepts.
 */
import { batches, toAnnotations } from '../../src/action/annotations.js'
import { classifyChanges } from '../../src/action/changed-files.js'
import type { CheckResult } from '../../src/engine/model.js'
import type { Report } from '../../src/engine/report.js'

const REPO = '/ws'

test('keeps the files under the migrations folder, by what happened to them', () => {
  const changes = classifyChanges(
    [
      { path: 'services/shop/db/migrations/000003_a.up.sql', status: 'added' },
      { path: 'services/shop/db/migrations/000002_b.up.sql', status: 'modified' },
      { path: 'services/shop/db/migrations/000004_c.up.sql', status: 'renamed', previousPath: 'services/shop/db/migrations/000001_c.up.sql' },
      { path: 'services/shop/db/migrations/000001_d.up.sql', status: 'removed' },
      { path: 'services/shop/db/migrations/000005_e.up.sql', status: 'copied' },
      { path: 'services/shop/db/migrations-old/000001_x.up.sql', status: 'added' },
      { path: 'services/shop/README.md', status: 'modified' },
      { path: 'services/shop/db/migrations/000006_f.up.sql', status: 'unchanged' },
    ],
    REPO,
    '/ws/services/shop/db/migrations',
    '/ws/services/shop',
  )
  expect(changes.pending).toEqual([
    '/ws/services/shop/db/migrations/000003_a.up.sql',
    '/ws/services/shop/db/migrations/000002_b.up.sql',
    '/ws/services/shop/db/migrations/000004_c.up.sql',
    '/ws/services/shop/db/migrations/000005_e.up.sql',
  ])
  expect(changes.modified).toEqual(['db/migrations/000002_b.up.sql'])
  expect(changes.removed).toEqual(['db/migrations/000001_c.up.sql', 'db/migrations/000001_d.up.sql'])
  expect(changes.count).toBe(6)
})

test('a rename into the folder is pending, a rename out of it is a removal', () => {
  const changes = classifyChanges(
    [
      { path: 'db/migrations/000009_in.up.sql', status: 'renamed', previousPath: 'drafts/in.sql' },
      { path: 'archive/000001_out.up.sql', status: 'renamed', previousPath: 'db/migrations/000001_out.up.sql' },
    ],
    REPO,
    '/ws/db/migrations',
    '/ws',
  )
  expect(changes).toEqual({ pending: ['/ws/db/migrations/000009_in.up.sql'], modified: [], removed: ['db/migrations/000001_out.up.sql'], count: 2 })
})

/** A minimal report holding the given checks. */
function reportOf(checks: CheckResult[]): Report {
  return { checks } as unknown as Report
}

test('findings become annotations: columns only on one line, levels by severity, suppressed ones left out', () => {
  const base = { title: 'Create indexes without blocking writes', category: 'locks', kind: 'static', severity: 'error', summary: '', docs: 'runbook/x.md', durationMs: 0 } as const
  const annotations = toAnnotations(
    reportOf([
      {
        ...base,
        id: 'require-concurrent-index',
        status: 'fail',
        findings: [
          { id: 'require-concurrent-index', severity: 'error', message: 'Blocks writes.', mitigation: 'Use CONCURRENTLY.', docs: 'runbook/x.md', file: 'db/m/3.sql', line: 4, col: 1, endLine: 6, endCol: 2 },
          { id: 'require-concurrent-index', severity: 'error', message: 'Blocks writes.', mitigation: 'Use CONCURRENTLY.', docs: 'runbook/x.md', file: 'db/m/3.sql', line: 2, col: 3, endLine: 2, endCol: 40 },
          { id: 'require-concurrent-index', severity: 'error', message: 'Ignored.', mitigation: '-', docs: 'runbook/x.md', file: 'db/m/3.sql', line: 9, suppressed: { kind: 'comment', reason: 'empty table' } },
          { id: 'require-concurrent-index', severity: 'error', message: 'No file.', mitigation: '-', docs: 'runbook/x.md' },
        ],
      },
      { ...base, id: 'prefer-timestamptz', status: 'warn', findings: [{ id: 'prefer-timestamptz', severity: 'warning', message: 'Use timestamptz.', mitigation: 'Change the type.', docs: 'runbook/y.md', file: 'db/m/3.sql', line: 3, col: 5 }] },
    ]),
    (f) => `services/shop/${f}`,
  )
  expect(annotations.map((a) => [a.path, a.start_line, a.end_line, a.start_column, a.end_column, a.annotation_level])).toEqual([
    ['services/shop/db/m/3.sql', 2, 2, 3, 40, 'failure'],
    ['services/shop/db/m/3.sql', 3, 3, 5, 5, 'warning'],
    ['services/shop/db/m/3.sql', 4, 6, undefined, undefined, 'failure'],
  ])
  expect(annotations[0]).toMatchObject({ title: 'require-concurrent-index: Create indexes without blocking writes', message: 'Blocks writes.\nFix: Use CONCURRENTLY.' })
})

test('batches hold at most 50', () => {
  expect(batches(Array.from({ length: 120 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 20])
  expect(batches([])).toEqual([])
})
