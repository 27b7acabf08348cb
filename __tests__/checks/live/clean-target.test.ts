/**
 * A clean target with safe pending migrations passes every schema, capacity, migration-state and
 * window check, through the real engine (config, layout, history, live facts, registry).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { parseConfigText } from '../../../src/config/load.js'
import { runPreflight } from '../../../src/engine/run.js'
import { silentLog } from '../../../src/engine/log.js'
import { Redactor } from '../../../src/engine/redact.js'
import { flywayChecksum } from '../../../src/sources/layouts/flyway.js'
import { makeProject, type TempProject } from '../../sources/helpers.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

/** The checks of PostgreSQL live checks part 2. */
const PART_TWO = [
  'column-limit',
  'connection-headroom',
  'dirty-migrations',
  'disk-space',
  'edited-applied-migrations',
  'foreign-key-target',
  'invalid-index',
  'maintenance-window',
  'missing-migration-files',
  'out-of-order-migrations',
  'point-in-time-recovery',
  'schema-compatibility',
  'schema-drift',
  'sequence-exhaustion',
  'type-change-cast',
  'xid-wraparound',
]

const V1 = 'CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL);\n'
const V2 = 'CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint NOT NULL REFERENCES users (id), total numeric(12,2));\n'
const V3 = [
  'ALTER TABLE users ADD COLUMN display_name text;',
  'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_idx ON orders (user_id);',
  'ALTER TABLE orders ALTER COLUMN total TYPE numeric(14,2);',
  'CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id bigint NOT NULL REFERENCES orders (id));',
  '',
].join('\n')

describe('a clean target with safe pending migrations', () => {
  let db: TestDatabase
  let project: TempProject
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(V1 + V2)
    await db.exec(`CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL,
                     type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL,
                     installed_on timestamp NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL)`)
    await db.exec(
      `INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
       VALUES (1, '1', 'users', 'SQL', 'V1__users.sql', $1, 'ci', 1, true), (2, '2', 'orders', 'SQL', 'V2__orders.sql', $2, 'ci', 1, true)`,
      [Number(flywayChecksum(V1)), Number(flywayChecksum(V2))],
    )
    project = await makeProject({ 'sql/V1__users.sql': V1, 'sql/V2__orders.sql': V2, 'sql/V3__profile.sql': V3 })
  })
  afterAll(async () => {
    await project.remove()
    await db.drop()
  })

  /** Runs preflight with the part-two checks at a Tuesday 02:00 UTC, inside the window. */
  async function preflight(extraTarget = ''): Promise<Awaited<ReturnType<typeof runPreflight>>> {
    const config = [
      'migrations:',
      '  path: sql',
      'targets:',
      '  prod:',
      `    url: ${db.url}`,
      '    capacity:',
      '      quotaBytes: 100000000000',
      '    maintenanceWindows:',
      '      - { days: [mon, tue, wed, thu, fri], start: "01:00", end: "05:00", timezone: UTC }',
      '    enforceWindow: true',
      extraTarget,
    ].join('\n')
    const file = project.at('migrations.config.yaml')
    writeFileSync(file, config)
    return runPreflight({
      command: 'preflight',
      loaded: parseConfigText(config, file),
      targetName: 'prod',
      only: PART_TWO,
      failOn: 'warning',
      now: new Date('2026-11-24T02:00:00Z'),
      log: silentLog,
      redactor: new Redactor(),
      toolVersion: 'test',
    })
  }

  it('passes every check (point-in-time recovery only warns: the test server does not archive WAL)', async () => {
    const { snapshotCommand } = await import('../../../src/cli/commands/snapshot.js')
    const cwd = process.cwd()
    process.chdir(project.root)
    try {
      const quiet = { stdout: { write: () => true } as unknown as NodeJS.WritableStream, stderr: process.stderr }
      writeFileSync(project.at('migrations.config.yaml'), `migrations:\n  path: sql\ntargets:\n  prod:\n    url: ${db.url}\n`)
      expect(await snapshotCommand({ target: 'prod', out: 'schema/prod.json', logDir: project.at('logs') }, quiet)).toBe(0)
    } finally {
      process.chdir(cwd)
    }
    const report = await preflight('    schemaSnapshot: schema/prod.json')
    expect(report.migrations.pending.map((p) => p.id)).toEqual(['3'])
    const statuses = Object.fromEntries(report.checks.map((c) => [c.id, c.status]))
    const notPassed = report.checks.filter((c) => c.status !== 'pass' && c.id !== 'point-in-time-recovery').map((c) => `${c.id}: ${c.status}: ${c.summary}`)
    expect(notPassed).toEqual([])
    expect(Object.keys(statuses).sort()).toEqual(PART_TWO)
    expect(statuses['point-in-time-recovery']).toBe('warn')
    expect(report.checks.find((c) => c.id === 'edited-applied-migrations')!.summary).toMatch(/2 applied migrations match/)
  })
})
