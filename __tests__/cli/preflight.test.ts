import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { readAll, runCli, tempDir } from '../support/cli.js'
import { findFreePort } from '../../src/testing/embedded-postgres.js'

const EXAMPLE = resolve('examples/golang-migrate')

/** Copies the example project to a temp folder so reports and logs land there. */
function copyExample(): string {
  const dir = tempDir()
  cpSync(EXAMPLE, dir, { recursive: true })
  return dir
}

/** Applies the first `upTo` example migrations and golang-migrate's history row. */
async function applyExample(db: TestDatabase, upTo: number): Promise<void> {
  const migrations = join(EXAMPLE, 'db/migrations')
  for (const file of readdirSync(migrations).filter((f) => f.endsWith('.up.sql')).sort()) {
    if (Number.parseInt(file, 10) > upTo) break
    await db.exec(readFileSync(join(migrations, file), 'utf8'))
  }
  await db.exec('CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL)')
  await db.exec('INSERT INTO schema_migrations VALUES ($1, false)', [upTo])
}

/** Validates a JSON report against the repository's JSON Schema. */
function validateReport(report: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  ;(addFormats as unknown as (a: Ajv2020) => void)(ajv)
  const validate = ajv.compile(JSON.parse(readFileSync('schema/report.schema.json', 'utf8')))
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

describe('migrations preflight (CLI, end to end)', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
    await applyExample(db, 3)
  })
  afterAll(async () => db.drop())

  it('checks only the pending migrations, fails on the unsafe one, and writes valid reports and a log', async () => {
    const dir = copyExample()
    const result = await runCli(['preflight', '--target', 'demo', '--format', 'txt,json,md'], { cwd: dir, env: { DEMO_DATABASE_URL: db.url } })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/connectivity/)
    const reports = readAll(join(dir, 'reports'))
    const txtName = Object.keys(reports).find((n) => n.endsWith('.txt'))!
    const jsonName = Object.keys(reports).find((n) => n.endsWith('.json'))!
    expect(txtName).toMatch(/^migrations-preflight-demo-\d{4}-\d\d-\d\dT[\d-]+Z\.txt$/)
    const txt = reports[txtName]!
    expect(txt.split('\n')[0]).toMatch(/FAILED$/)
    expect(txt).toContain('db/migrations/000005_index_orders_by_user.up.sql:3:1')
    // Applied migrations are not analysed.
    expect(txt).not.toContain('000001_create_users.up.sql:')
    const report = JSON.parse(reports[jsonName]!)
    expect(validateReport(report)).toEqual([])
    expect(report.migrations.pending.map((m: { id: string }) => m.id)).toEqual(['4', '5', '6'])
    expect(report.migrations.statements).toContainEqual(
      expect.objectContaining({ file: 'db/migrations/000005_index_orders_by_user.up.sql', tables: [{ table: 'public.orders', lock: 'SHARE' }] }),
    )
    const logs = readdirSync(join(dir, 'logs'))
    expect(logs).toHaveLength(1)
    expect(logs[0]).toMatch(/^migrations-preflight-.*\.log$/)
    const log = readFileSync(join(dir, 'logs', logs[0]!), 'utf8')
    expect(log).toMatch(/config .*migrations\.config\.yaml/)
    expect(log).toMatch(/golang-migrate/)
    expect(log).toMatch(/DEBUG query \d+ ms/)
    const password = new URL(db.url).password
    if (password) for (const text of [result.stdout, log, ...Object.values(reports)]) expect(text).not.toContain(password)
  })

  it('--json prints only the JSON report on stdout', async () => {
    const dir = copyExample()
    const result = await runCli(['preflight', '--target', 'demo', '--json'], { cwd: dir, env: { DEMO_DATABASE_URL: db.url } })
    const report = JSON.parse(result.stdout)
    expect(report.run.target).toBe('demo')
    expect(result.stderr).toMatch(/connectivity/)
  })

  it('an unknown target exits 2 and lists the known targets', async () => {
    const result = await runCli(['preflight', '--target', 'nope'], { cwd: copyExample() })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/Unknown target "nope"/)
    expect(result.stderr).toMatch(/Known targets: demo, prod/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('a config with a wrong type exits 2 naming the key path and line', async () => {
    const dir = copyExample()
    const config = readFileSync(join(dir, 'migrations.config.yaml'), 'utf8').replace('connectTimeoutMs: 5000', 'connectTimeoutMs: soon')
    writeFileSync(join(dir, 'migrations.config.yaml'), config)
    const line = config.split('\n').findIndex((l) => l.includes('connectTimeoutMs: soon')) + 1
    const result = await runCli(['preflight', '--target', 'demo'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`migrations.config.yaml:${line}: targets.demo.connectTimeoutMs: expected number, got the string "soon"`)
  })

  it('an unreachable target fails connectivity within the connect timeout, naming host:port, and still writes reports', async () => {
    const dir = copyExample()
    const port = await findFreePort()
    const secret = 'Sup3r-S3cret-pw'
    const result = await runCli(['preflight', '--target', 'demo'], { cwd: dir, env: { DEMO_DATABASE_URL: `postgres://app:${secret}@127.0.0.1:${port}/shop` } })
    expect(result.code).toBe(1)
    expect(result.ms).toBeLessThan(15_000)
    const reports = readAll(join(dir, 'reports'))
    const report = JSON.parse(Object.entries(reports).find(([n]) => n.endsWith('.json'))![1])
    const connectivity = report.checks.find((c: { id: string }) => c.id === 'connectivity')
    expect(connectivity.status).toBe('fail')
    expect(connectivity.summary).toContain(`127.0.0.1:${port}`)
    expect(connectivity.evidence.failure).toBe('refused')
    // Live checks are skipped with a reason; static analysis still ran.
    expect(report.checks.find((c: { id: string }) => c.id === 'server-version').status).toBe('skip')
    const logDir = join(dir, 'logs')
    const everything = [result.stdout, result.stderr, ...Object.values(reports), ...Object.values(readAll(logDir))].join('\n')
    expect(everything).not.toContain(secret)
  })

  it('a migration with a syntax error is a finding at file:line:col and exit 1', async () => {
    const dir = copyExample()
    mkdirSync(join(dir, 'bad'))
    writeFileSync(join(dir, 'bad', '001_broken.sql'), 'SELECT 1;\n\nCREATE TABLE t (id bigint,, name text);\n')
    const result = await runCli(['lint', 'bad/001_broken.sql', '--format', 'json'], { cwd: dir })
    expect(result.code).toBe(1)
    const report = JSON.parse(Object.entries(readAll(join(dir, 'reports'))).find(([n]) => n.endsWith('.json'))![1])
    const finding = report.checks.find((c: { id: string }) => c.id === 'syntax-error').findings[0]
    expect(finding).toMatchObject({ file: 'bad/001_broken.sql', line: 3, col: 27 })
    expect(validateReport(report)).toEqual([])
  })

  it('invalid flags exit 2 with a message and no stack trace', async () => {
    const result = await runCli(['preflight', '--target', 'demo', '--format', 'pdf'], { cwd: copyExample() })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/Unknown report format "pdf"/)
    const help = await runCli(['--help'], { cwd: copyExample() })
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Exit codes:/)
  })
})
