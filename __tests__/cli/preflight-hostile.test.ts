/**
 * `migrations preflight` against targets that are not healthy PostgreSQL servers: a port that
 * accepts and never answers, one that closes at once, an HTTP server, a server that rejects the
 * password, a missing database, TLS required from a server without it, and a server that stops
 * answering part-way through the run. Each ends with a clear connectivity message (or lost-session
 * message), exit 1, no stack trace, within a bound, and without the password anywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { adminUrl, createTestDatabase, type TestDatabase } from '../support/pg.js'
import { readAll, runCli, tempDir, type CliResult } from '../support/cli.js'
import { startClosingServer, startFreezingProxy, startHttpServer, startPasswordRejectingServer, startSilentServer, type FakeServer } from '../support/fake-servers.js'

const SECRET = 'Hostile-S3cret-pw'

/** A golang-migrate project with one applied and two pending migrations, targeting $DB_URL. */
function makeProject(): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'db'))
  writeFileSync(
    join(dir, 'migrations.config.yaml'),
    ['version: 1', 'migrations:', '  path: db', '  layout: golang-migrate', 'targets:', '  t:', '    url: ${env:DB_URL}', '    connectTimeoutMs: 2000', '    statementTimeoutMs: 1000', ''].join('\n'),
  )
  writeFileSync(join(dir, 'db', '0001_users.up.sql'), 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\n')
  writeFileSync(join(dir, 'db', '0002_email.up.sql'), "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN name text;\n")
  writeFileSync(join(dir, 'db', '0003_index.up.sql'), 'CREATE INDEX CONCURRENTLY users_email ON users (email);\n')
  return dir
}

interface Run {
  readonly result: CliResult
  readonly report: { verdict: string; checks: { id: string; status: string; summary: string; mitigation?: string; evidence?: Record<string, unknown> }[] }
  /** stdout, stderr, reports and log, for leak checks. */
  readonly everything: string
}

/** Runs preflight on a fresh project against `url` and reads the JSON report. */
async function preflight(url: string): Promise<Run> {
  const dir = makeProject()
  const result = await runCli(['preflight', '--target', 't', '--format', 'json,txt,md'], { cwd: dir, env: { DB_URL: url }, timeoutMs: 90_000 })
  const reports = readAll(join(dir, 'reports'))
  const report = JSON.parse(Object.entries(reports).find(([n]) => n.endsWith('.json'))![1]) as Run['report']
  const everything = [result.stdout, result.stderr, ...Object.values(reports), ...Object.values(readAll(join(dir, 'logs')))].join('\n')
  return { result, report, everything }
}

/** The connectivity result of a run. */
function connectivity(run: Run): Run['report']['checks'][number] {
  return run.report.checks.find((c) => c.id === 'connectivity')!
}

/** What every failed run must satisfy: exit 1, no stack trace on the terminal, no password anywhere. */
function expectCleanFailure(run: Run): void {
  expect(run.result.code).toBe(1)
  expect(run.result.stderr).not.toMatch(/\n\s+at /)
  expect(run.result.stdout).not.toMatch(/\n\s+at /)
  expect(run.everything).not.toContain(SECRET)
}

describe('migrations preflight against hostile or broken servers', () => {
  const servers: FakeServer[] = []
  let db: TestDatabase
  // A login whose password is SECRET, so the runs that reach the real server authenticate with it
  // whatever the server's auth method (trust on the machine's server, a password on the embedded one).
  const role = `pf_hostile_${process.pid}`
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(`CREATE ROLE ${role} LOGIN PASSWORD '${SECRET}'`)
    await db.exec(`CREATE TABLE users (id bigint PRIMARY KEY, email text); CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (1, false); GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${role}`)
  })
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()))
    await db.exec(`DROP OWNED BY ${role}`)
    await db.drop()
    const admin = new pg.Client({ connectionString: adminUrl() })
    await admin.connect()
    await admin.query(`DROP ROLE IF EXISTS ${role}`)
    await admin.end()
  })

  /** The test database's URL, logging in as the role with SECRET as its password. */
  function roleUrl(): URL {
    const url = new URL(db.url)
    url.username = role
    url.password = SECRET
    return url
  }

  /** Starts a fake server that afterAll closes. */
  async function start(make: () => Promise<FakeServer>): Promise<FakeServer> {
    const server = await make()
    servers.push(server)
    return server
  }

  it('a port that accepts and never answers fails connectivity as a timeout within the connect timeout', async () => {
    const server = await start(startSilentServer)
    const run = await preflight(`postgres://app:${SECRET}@127.0.0.1:${server.port}/shop?sslmode=disable`)
    expectCleanFailure(run)
    expect(connectivity(run)).toMatchObject({ status: 'fail', summary: `No answer from 127.0.0.1:${server.port} within 2000 ms.`, evidence: expect.objectContaining({ failure: 'timeout' }) })
    expect(run.result.ms).toBeLessThan(20_000)
  })

  it('a server that closes the connection at once is named as such', async () => {
    const server = await start(startClosingServer)
    const run = await preflight(`postgres://app:${SECRET}@127.0.0.1:${server.port}/shop?sslmode=disable`)
    expectCleanFailure(run)
    expect(connectivity(run)).toMatchObject({ status: 'fail', summary: expect.stringMatching(new RegExp(`^127\\.0\\.0\\.1:${server.port} closed the connection during the handshake( \\((ECONNRESET|EPIPE)\\))?\\.$`)), evidence: expect.objectContaining({ failure: 'network' }) })
  })

  it('an HTTP server on the port is reported as not PostgreSQL', async () => {
    const server = await start(startHttpServer)
    const run = await preflight(`postgres://app:${SECRET}@127.0.0.1:${server.port}/shop`)
    expectCleanFailure(run)
    expect(connectivity(run)).toMatchObject({ status: 'fail', summary: `127.0.0.1:${server.port} answered the TLS request with something that is not PostgreSQL.`, evidence: expect.objectContaining({ failure: 'protocol' }) })
    expect(connectivity(run).mitigation).toMatch(/belongs to a PostgreSQL server/)
  })

  it('a rejected password is an authentication failure that never shows the password', async () => {
    const server = await start(startPasswordRejectingServer)
    const run = await preflight(`postgres://app:${SECRET}@127.0.0.1:${server.port}/shop`)
    expectCleanFailure(run)
    expect(connectivity(run)).toMatchObject({ status: 'fail', summary: `Authentication failed for user "app" at 127.0.0.1:${server.port} (SQLSTATE 28P01).`, evidence: expect.objectContaining({ failure: 'authentication' }) })
    // The password did reach the server (so the test is real), and nothing printed it back.
    expect(Buffer.concat(server.received).toString('utf8')).toContain(SECRET)
  })

  it('an unknown database and TLS required from a server without TLS are named', async () => {
    const url = roleUrl()
    url.pathname = '/pf_no_such_database'
    const missing = await preflight(url.toString())
    expectCleanFailure(missing)
    expect(connectivity(missing)).toMatchObject({ status: 'fail', evidence: expect.objectContaining({ failure: 'database-missing' }) })
    expect(connectivity(missing).summary).toMatch(/^Database "pf_no_such_database" does not exist on /)

    const ssl = (await db.exec('SHOW ssl')).rows[0].ssl as string
    url.pathname = `/${db.name}`
    url.searchParams.set('sslmode', 'require')
    const tls = await preflight(url.toString())
    if (ssl === 'on') {
      // A server with TLS on accepts sslmode=require: then the run connects over TLS.
      expect(connectivity(tls)).toMatchObject({ status: 'pass', evidence: expect.objectContaining({ tls: true }) })
    } else {
      expectCleanFailure(tls)
      expect(connectivity(tls)).toMatchObject({ status: 'fail', summary: expect.stringMatching(/does not accept TLS connections, and sslmode require requires TLS\.$/), evidence: expect.objectContaining({ failure: 'tls' }) })
    }
  })

  it('a server that stops answering part-way ends the run within bounds: one wait, then every later check fails at once with the reason', async () => {
    const url = roleUrl()
    // The first queries are the session settings and the history; the catalog reads after them go unanswered.
    const proxy = (await start(() => startFreezingProxy({ host: url.hostname, port: Number(url.port || 5432) }, { freezeAfterQueries: 5 }))) as Awaited<ReturnType<typeof startFreezingProxy>>
    url.hostname = '127.0.0.1'
    url.port = String(proxy.port)
    url.searchParams.set('sslmode', 'disable')
    const run = await preflight(url.toString())
    expectCleanFailure(run)
    expect(connectivity(run).status).toBe('pass')
    // statementTimeoutMs 1000: one query waits 3 s for its answer; nothing else waits.
    expect(run.result.ms).toBeLessThan(20_000)
    const lost = run.report.checks.filter((c) => c.status === 'error')
    expect(lost.length).toBeGreaterThan(0)
    for (const c of lost) expect(c.summary).toMatch(new RegExp(`^The check could not run: the target 127\\.0\\.0\\.1:${proxy.port} stopped answering \\(no reply to a catalog query within 3000 ms\\)`))
    expect(run.report.verdict).toBe('error')
  })
})
