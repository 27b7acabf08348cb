import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { readAll, runCli, tempDir } from '../support/cli.js'
import { parseConfigText } from '../../src/config/load.js'
import { silentLog } from '../../src/engine/log.js'
import { Redactor } from '../../src/engine/redact.js'
import { runPreflight } from '../../src/engine/run.js'
import { createMysqlTestDatabase, describeMysql, type MysqlTestDatabase } from '../support/mysql.js'

const describeWithMysql = await describeMysql()

/** A golang-migrate project for a MySQL target: 1 is applied, 2 and 3 are pending. */
const MIGRATIONS: Record<string, string> = {
  '000001_create_users.up.sql': 'CREATE TABLE users (id BIGINT PRIMARY KEY AUTO_INCREMENT, email VARCHAR(200) NOT NULL);\n',
  '000001_create_users.down.sql': 'DROP TABLE users;\n',
  '000002_add_name.up.sql': 'ALTER TABLE users ADD COLUMN name VARCHAR(100) NULL, ALGORITHM=INSTANT;\n',
  '000003_cleanup.up.sql': '-- legacy is unused since 2023\nDROP TABLE legacy;\nDELETE FROM users;\n',
}

/** Writes the project (config and migrations) to a new temp folder. */
function makeProject(config: string): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'db/migrations'), { recursive: true })
  for (const [name, sql] of Object.entries(MIGRATIONS)) writeFileSync(join(dir, 'db/migrations', name), sql)
  writeFileSync(join(dir, 'migrations.config.yaml'), config)
  return dir
}

const TARGET_CONFIG = `migrations:
  path: db/migrations
targets:
  my:
    dialect: mysql
    url: \${env:MY_DATABASE_URL}
`

/** Validates a JSON report against the repository's JSON Schema. */
function validateReport(report: unknown): string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  ;(addFormats as unknown as (a: Ajv2020) => void)(ajv)
  const validate = ajv.compile(JSON.parse(readFileSync('schema/report.schema.json', 'utf8')))
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)
}

describeWithMysql('migrations preflight on MySQL/MariaDB (CLI, end to end)', () => {
  let db: MysqlTestDatabase
  let url: string
  const user = `pf_cli_${randomBytes(4).toString('hex')}`
  const password = `cli-${randomBytes(8).toString('hex')}`

  beforeAll(async () => {
    db = await createMysqlTestDatabase('pf_cli')
    await db.exec(MIGRATIONS['000001_create_users.up.sql']!)
    await db.exec('CREATE TABLE legacy (id INT)')
    await db.exec('CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, dirty BOOLEAN NOT NULL)')
    await db.exec('INSERT INTO schema_migrations VALUES (1, 0)')
    // A least-privilege preflight login: read the database, see other sessions.
    await db.exec(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`)
    await db.exec(`GRANT SELECT ON \`${db.name}\`.* TO '${user}'@'%'`)
    await db.exec(`GRANT PROCESS ON *.* TO '${user}'@'%'`)
    const u = new URL(db.url)
    u.username = user
    u.password = password
    url = u.toString()
  })
  afterAll(async () => {
    await db?.exec(`DROP USER IF EXISTS '${user}'@'%'`).catch(() => undefined)
    await db?.drop()
  })

  it('checks only the pending migrations with the MySQL rules and checks, and fails on the destructive ones', async () => {
    const dir = makeProject(TARGET_CONFIG)
    const result = await runCli(['preflight', '--target', 'my', '--format', 'txt,json'], { cwd: dir, env: { MY_DATABASE_URL: url } })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    const reports = readAll(join(dir, 'reports'))
    const txt = reports[Object.keys(reports).find((n) => n.endsWith('.txt'))!]!
    const report = JSON.parse(reports[Object.keys(reports).find((n) => n.endsWith('.json'))!]!)
    expect(validateReport(report)).toEqual([])

    expect(txt.split('\n')[0]).toMatch(/FAILED$/)
    expect(txt).toMatch(new RegExp(`Target: 127\\.0\\.0\\.1:\\d+/${db.name}, (MariaDB|MySQL) \\d+\\.\\d+\\.\\d+\\n`))
    expect(txt).toContain('db/migrations/000003_cleanup.up.sql:2:1: DROP TABLE deletes legacy')
    expect(txt).toContain('db/migrations/000003_cleanup.up.sql:3:1: DELETE without WHERE deletes every row of users')
    expect(txt).not.toContain('Rules assume PostgreSQL')

    expect(report.run).toMatchObject({ dialect: 'mysql', target: 'my', server: { database: db.name } })
    expect(report.migrations).toMatchObject({ layout: 'golang-migrate', total: 3, applied: 1, historyTable: `${db.name}.schema_migrations`, historyExists: true })
    expect(report.migrations.pending.map((m: { id: string }) => m.id)).toEqual(['2', '3'])

    const status = Object.fromEntries(report.checks.map((c: { id: string; status: string }) => [c.id, c.status]))
    expect(status).toMatchObject({
      connectivity: 'pass',
      'migration-history': 'pass',
      'server-version': expect.stringMatching(/^(pass|warn)$/),
      'mysql-long-transactions': 'pass',
      'mysql-metadata-locks': 'pass',
      'mysql-no-drop-table': 'fail',
      'mysql-unqualified-delete-update': 'fail',
      'mysql-alter-without-online-ddl': 'pass',
      'mysql-ddl-not-transactional': 'pass',
    })
    // PostgreSQL rules and checks are not listed for a MySQL target.
    for (const id of ['syntax-error', 'no-drop-table', 'blocking-locks', 'long-transactions']) expect(status[id]).toBeUndefined()
    expect(report.checks.find((c: { id: string }) => c.id === 'connectivity').summary).toMatch(new RegExp(`as ${user}@.*the session is read-only`))

    const logs = readdirSync(join(dir, 'logs'))
    const log = readFileSync(join(dir, 'logs', logs[0]!), 'utf8')
    expect(log).toMatch(/parsed 2 files as MySQL/)
    expect(log).toMatch(/history .*schema_migrations: 1 rows/)
    for (const text of [result.stdout, log, ...Object.values(reports)]) expect(text).not.toContain(password)
  })

  it('takes MySQL from the URL when the target names no dialect', async () => {
    const dir = makeProject('migrations:\n  path: db/migrations\ntargets:\n  my:\n    url: ${env:MY_DATABASE_URL}\n')
    const result = await runCli(['preflight', '--target', 'my', '--format', 'json'], { cwd: dir, env: { MY_DATABASE_URL: url } })
    expect(result.code).toBe(1)
    const reports = readAll(join(dir, 'reports'))
    const report = JSON.parse(reports[Object.keys(reports).find((n) => n.endsWith('.json'))!]!)
    expect(report.run).toMatchObject({ dialect: 'mysql' })
    expect(report.checks.find((c: { id: string }) => c.id === 'connectivity').status).toBe('pass')
    for (const text of [result.stdout, result.stderr, ...Object.values(reports)]) expect(text).not.toContain(password)
  })

  it('takes MySQL from the URL the action passes (its database-url input) when the target names no dialect', async () => {
    const dir = makeProject('migrations:\n  path: db/migrations\ntargets:\n  my: {}\n')
    const report = await runPreflight({
      command: 'preflight',
      loaded: parseConfigText(readFileSync(join(dir, 'migrations.config.yaml'), 'utf8'), join(dir, 'migrations.config.yaml')),
      targetName: 'my',
      databaseUrl: url,
      only: ['connectivity', 'server-version'],
      failOn: 'error',
      log: silentLog,
      redactor: new Redactor(),
      toolVersion: 'test',
    })
    expect(report.run).toMatchObject({ dialect: 'mysql' })
    expect(report.checks.find((c) => c.id === 'connectivity')?.status).toBe('pass')
  })

  it('reports a wrong password as a connectivity failure, without the password', async () => {
    const dir = makeProject(TARGET_CONFIG)
    const wrong = url.replace(password, `${password}x`)
    const result = await runCli(['preflight', '--target', 'my', '--json'], { cwd: dir, env: { MY_DATABASE_URL: wrong } })
    const report = JSON.parse(result.stdout)
    const connectivity = report.checks.find((c: { id: string }) => c.id === 'connectivity')
    expect(connectivity).toMatchObject({ status: 'fail', evidence: { failure: 'authentication' } })
    expect(report.checks.find((c: { id: string }) => c.id === 'mysql-long-transactions')).toMatchObject({ status: 'skip' })
    expect(result.stdout).not.toContain(password)
  })

  it('lints MySQL migrations without a target when the config says dialect: mysql', async () => {
    const dir = makeProject(`dialect: mysql\n${TARGET_CONFIG}`)
    const result = await runCli(['lint', '--json'], { cwd: dir })
    const report = JSON.parse(result.stdout)
    expect(report.run.dialect).toBe('mysql')
    const ids = report.checks.map((c: { id: string }) => c.id)
    expect(ids).toContain('mysql-no-drop-table')
    expect(ids).not.toContain('syntax-error')
    // Without history every file is pending, including the applied CREATE TABLE.
    expect(report.migrations.pending).toHaveLength(3)
  })
})
