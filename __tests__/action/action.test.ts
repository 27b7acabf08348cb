/**
 * End-to-end tests of the bundled action: dist/index.js runs as a child process, as the runner
 * runs it, against a real PostgreSQL and a fake GitHub on 127.0.0.1 that checks every request
 * against GitHub's OpenAPI description and serves the artifact upload protocol.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { GitHubFake, type FakeCheckRun } from './support/github-fake.js'
import { HEAD_SHA, OWNER, REPO, makeWorkspace, pullRequestPayload, randomName, runAction, type ActionRunOptions, type ActionRunResult } from './support/run-action.js'
import { readZip } from './support/zip.js'

const FIXTURE = resolve('__tests__/action/fixtures/shop')
const UNSAFE_FILE = 'db/migrations/000003_index_orders.up.sql'
// Line 3 names a rule that does not exist: invalid-directive reports it there, whatever other rules exist.
const UNSAFE_SQL = [
  '-- Speed up the order history page.',
  'CREATE INDEX orders_user_id_idx ON orders (user_id);',
  '-- preflight:ignore no-such-rule the index is small',
  'ALTER TABLE orders ADD COLUMN note text;',
  '',
].join('\n')
const SAFE_FILE = 'db/migrations/000003_create_audit_log.up.sql'
const SAFE_SQL = 'CREATE TABLE audit_log (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  note text\n);\n'

interface Target {
  readonly db: TestDatabase
  readonly role: string
  readonly password: string
  readonly url: string
}

let fake: GitHubFake
let target: Target
const workspaces: string[] = []

/** A database at migration 2 of the fixture, and a login role with a password, for the target. */
async function createTarget(): Promise<Target> {
  const db = await createTestDatabase('pf_action')
  await db.exec(readFileSync(join(FIXTURE, 'db/migrations/000001_create_users.up.sql'), 'utf8'))
  await db.exec(readFileSync(join(FIXTURE, 'db/migrations/000002_create_orders.up.sql'), 'utf8'))
  await db.exec('CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (2, false)')
  const role = randomName('pf_login')
  // Characters that need URL encoding, so both spellings must stay hidden.
  const password = `Pf-${randomBytes(8).toString('hex')}#s3cret`
  await db.exec(`CREATE ROLE ${role} LOGIN SUPERUSER PASSWORD '${password}'`)
  const url = new URL(db.url)
  url.username = role
  url.password = encodeURIComponent(password)
  return { db, role, password, url: url.toString() }
}

/** A checkout of the fixture with extra files written into it. */
function workspace(files: Readonly<Record<string, string>> = {}): string {
  const dir = makeWorkspace(FIXTURE)
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text)
  workspaces.push(dir)
  return dir
}

/** Runs the action on a pull request event with the usual inputs. */
function runOnPullRequest(ws: string, extra: Partial<ActionRunOptions> = {}, inputs: Record<string, string> = {}): Promise<ActionRunResult> {
  return runAction({
    workspace: ws,
    apiUrl: fake.url,
    event: 'pull_request',
    payload: pullRequestPayload(7, { changedFiles: fake.prFiles.length }),
    inputs: { target: 'prod', 'database-url': target.url, 'github-token': 'ghs_faketoken123456', ...inputs },
    ...extra,
  })
}

/** The files of the one uploaded artifact. */
function artifactFiles(name = 'migrations-preflight-prod'): Map<string, Buffer> {
  const artifacts = fake.artifacts.filter((a) => a.name === name)
  expect(artifacts.length).toBeGreaterThan(0)
  expect(artifacts.at(-1)!.finalizeRequest).toBeDefined()
  return readZip(artifacts.at(-1)!.blob)
}

/** The one check run of the scenario. */
function onlyCheckRun(): FakeCheckRun {
  expect(fake.checkRuns).toHaveLength(1)
  return fake.checkRuns[0]!
}

/** The findings with a file in the JSON report, as "path:line". */
function reportedPositions(json: string): string[] {
  const report = JSON.parse(json) as { checks: { findings: { file?: string; line?: number; suppressed?: unknown }[] }[] }
  return report.checks.flatMap((c) => c.findings.filter((f) => f.file && !f.suppressed).map((f) => `${f.file}:${f.line}`)).sort()
}

/** The password (raw and URL-encoded) appears nowhere the runner, GitHub or a reviewer could see it. */
function expectNoSecret(result: ActionRunResult, extra: Record<string, string> = {}): void {
  const secrets = [target.password, encodeURIComponent(target.password), target.url]
  // The runner consumes ::add-mask:: lines; they must come before anything else is printed.
  expect(result.masks).toEqual(expect.arrayContaining([target.password]))
  const firstOther = result.stdout.split('\n').findIndex((l) => l !== '' && !l.startsWith('::add-mask::'))
  const lastMask = result.stdout.split('\n').findLastIndex((l) => l.startsWith(`::add-mask::${target.password}`))
  expect(lastMask).toBeLessThan(firstOther)
  const places: Record<string, string> = {
    stdout: result.log,
    stderr: result.stderr,
    summary: result.summary,
    outputs: JSON.stringify(result.outputs),
    comments: fake.comments.map((c) => c.body).join('\n'),
    'check runs': JSON.stringify(fake.checkRuns),
    'API requests': JSON.stringify(fake.requests),
    ...Object.fromEntries(fake.artifacts.flatMap((a) => [...readZip(a.blob)].map(([name, data]) => [`artifact ${name}`, data.toString('utf8')]))),
    ...extra,
  }
  for (const [where, text] of Object.entries(places)) {
    for (const secret of secrets) {
      if (text.includes(secret)) throw new Error(`the database password appears in ${where}`)
    }
  }
}

beforeAll(async () => {
  target = await createTarget()
})

afterAll(async () => {
  await target?.db.drop()
  const admin = await createTestDatabase('pf_action_cleanup')
  await admin.exec(`DROP ROLE IF EXISTS ${target.role}`).catch(() => undefined)
  await admin.drop()
  for (const ws of workspaces) rmSync(ws, { recursive: true, force: true })
})

beforeEach(async () => {
  fake = new GitHubFake()
  await fake.start()
})

afterEach(async () => {
  await fake.stop()
  // Every request the action made was one GitHub accepts, and every answer matched the spec.
  expect(fake.errors).toEqual([])
})

describe('pull request adding an unsafe migration', () => {
  test('fails, comments once, annotates the lines on the head commit and uploads the reports', async () => {
    fake.prFiles = [{ filename: UNSAFE_FILE, status: 'added' }, { filename: 'README.md', status: 'modified' }]
    const ws = workspace({ [UNSAFE_FILE]: UNSAFE_SQL })
    const result = await runOnPullRequest(ws)

    expect(result.stderr).toBe('')
    expect(result.code).toBe(1)
    expect(result.log).toContain('::error::Migrations preflight failed for target "prod"')
    expect(result.log).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/)

    const run = onlyCheckRun()
    expect(run).toMatchObject({ name: 'Migrations preflight (prod)', head_sha: HEAD_SHA, status: 'completed', conclusion: 'failure' })
    expect(run.annotations).toContainEqual(expect.objectContaining({ path: UNSAFE_FILE, start_line: 3, end_line: 3, annotation_level: 'failure', title: expect.stringContaining('invalid-directive') }))
    expect(fake.calls('checks/create')[0]!.body).toMatchObject({ status: 'in_progress', head_sha: HEAD_SHA })

    expect(fake.comments).toHaveLength(1)
    const comment = fake.comments[0]!.body
    expect(comment).toContain('<!-- migrations-preflight:comment target=prod -->')
    expect(comment).toContain('❌ Failed')
    expect(comment).toContain(`https://github.com/${OWNER}/${REPO}/blob/${HEAD_SHA}/${UNSAFE_FILE}#L3`)

    const files = artifactFiles()
    expect([...files.keys()].sort()).toEqual(['migrations-preflight-prod.json', 'migrations-preflight-prod.log', 'migrations-preflight-prod.md', 'migrations-preflight-prod.sarif', 'migrations-preflight-prod.txt'])
    const json = files.get('migrations-preflight-prod.json')!.toString('utf8')
    expect(JSON.parse(json)).toMatchObject({ verdict: 'failed', run: { target: 'prod' }, migrations: { pending: [{ path: UNSAFE_FILE }] } })
    // Annotations are exactly the report's findings, at the same places.
    expect(run.annotations.map((a) => `${a.path}:${a.start_line}`).sort()).toEqual(reportedPositions(json))
    const sarif = JSON.parse(files.get('migrations-preflight-prod.sarif')!.toString('utf8'))
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results.some((r: { locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }) => r.locations?.[0]?.physicalLocation.artifactLocation.uri === UNSAFE_FILE && r.locations[0].physicalLocation.region?.startLine === 3)).toBe(true)

    expect(result.outputs).toMatchObject({ result: 'failed', 'comment-url': expect.stringContaining('#issuecomment-'), 'check-run-url': expect.stringContaining('/runs/') })
    expect(result.outputs['failed-checks']).toContain('invalid-directive')
    expect(existsSync(result.outputs['report-json']!)).toBe(true)
    expect(JSON.parse(readFileSync(result.outputs['report-sarif']!, 'utf8')).version).toBe('2.1.0')
    expect(readFileSync(result.outputs['report-txt']!, 'utf8')).toContain('FAILED')
    expect(result.summary).toContain('### Migrations preflight: prod: ❌ Failed')
    expect(fake.calls('twirp/CreateArtifact')[0]!.body).toMatchObject({ name: 'migrations-preflight-prod', version: 7 })
    expectNoSecret(result)
  })

  test('a re-run updates the same comment instead of adding one', async () => {
    fake.prFiles = [{ filename: UNSAFE_FILE, status: 'added' }]
    const ws = workspace({ [UNSAFE_FILE]: UNSAFE_SQL })
    const first = await runOnPullRequest(ws, { runId: '5001' })
    expect(first.code).toBe(1)
    expect(fake.comments).toHaveLength(1)
    const id = fake.comments[0]!.id

    // The author fixes the directive and pushes again: same comment, now reflecting the new state.
    writeFileSync(join(ws, UNSAFE_FILE), UNSAFE_SQL.replace('no-such-rule', 'syntax-error'))
    const second = await runOnPullRequest(ws, { runId: '5002' })
    expect(fake.comments).toHaveLength(1)
    expect(fake.comments[0]!.id).toBe(id)
    expect(fake.calls('issues/create-comment')).toHaveLength(1)
    expect(fake.calls('issues/update-comment')).toHaveLength(1)
    expect(fake.comments[0]!.body).not.toContain('no-such-rule')
    expect(second.outputs['comment-url']).toBe(first.outputs['comment-url'])
    expectNoSecret(second)
  })
})

test('a pull request with 120 findings sends the annotations in batches of 50', async () => {
  const file = 'db/migrations/000003_many_directives.up.sql'
  const sql = `${Array.from({ length: 120 }, (_, i) => `-- preflight:frobnicate ${i}`).join('\n')}\nSELECT 1;\n`
  fake.prFiles = [{ filename: file, status: 'added' }]
  const result = await runOnPullRequest(workspace({ [file]: sql }))

  expect(result.code).toBe(1)
  const run = onlyCheckRun()
  const onFile = run.annotations.filter((a) => a.path === file && String(a.title).startsWith('invalid-directive'))
  expect(onFile.map((a) => a.start_line)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1))
  // Created without annotations, then one update per 50, the last carrying the conclusion.
  expect(run.batches.every((n) => n <= 50)).toBe(true)
  expect(run.batches.reduce((a, b) => a + b, 0)).toBe(run.annotations.length)
  const updates = fake.calls('checks/update')
  expect(updates).toHaveLength(Math.ceil(run.annotations.length / 50))
  expect(updates.slice(0, -1).every((u) => u.body.conclusion === undefined)).toBe(true)
  expect(updates.at(-1)!.body).toMatchObject({ status: 'completed', conclusion: 'failure' })
  expectNoSecret(result)
})

test('a pull request without migration changes passes quickly and adds no comment', async () => {
  fake.prFiles = [{ filename: 'README.md', status: 'modified' }]
  // A URL nothing listens on: the run must not need the database at all.
  const result = await runOnPullRequest(workspace(), {}, { 'database-url': 'postgres://nobody:unused-Secret-1@127.0.0.1:9/none' })

  expect(result.code).toBe(0)
  expect(result.log).toContain('No migration changes')
  expect(fake.comments).toHaveLength(0)
  expect(fake.calls('issues/create-comment')).toHaveLength(0)
  expect(onlyCheckRun()).toMatchObject({ status: 'completed', conclusion: 'success', output: { title: 'No migration changes' } })
  expect(fake.artifacts).toHaveLength(0)
  expect(result.outputs).toMatchObject({ result: 'passed', 'failed-checks': '' })
  expect(result.summary).toContain('No migration changes')
  expect(result.log).not.toContain('unused-Secret-1')
})

test('comment: on-failure writes no comment when preflight passes', async () => {
  fake.prFiles = [{ filename: SAFE_FILE, status: 'added' }]
  const result = await runOnPullRequest(workspace({ [SAFE_FILE]: SAFE_SQL }), {}, { comment: 'on-failure' })

  expect(result.code).toBe(0)
  expect(result.outputs.result).toBe('passed')
  expect(fake.calls('issues/list-comments')).toHaveLength(1)
  expect(fake.comments).toHaveLength(0)
  expect(onlyCheckRun()).toMatchObject({ conclusion: 'success' })
  expect(result.summary).toContain('✅ Passed')
  expectNoSecret(result)
})

test('a fork pull request without secrets runs the static analysis only and does not fail for it', async () => {
  fake.prFiles = [{ filename: SAFE_FILE, status: 'added' }]
  // A fork's token is read-only: it can list, not create.
  fake.deny('checks/create')
  fake.deny('issues/create-comment')
  const result = await runAction({
    workspace: workspace({ [SAFE_FILE]: SAFE_SQL }),
    apiUrl: fake.url,
    event: 'pull_request',
    payload: pullRequestPayload(8, { fork: true }),
    inputs: { target: 'prod', 'database-url': '', 'github-token': 'ghs_readonly123456' },
  })

  expect(result.stderr).toBe('')
  expect(result.code).toBe(0)
  expect(result.outputs.result).toBe('passed')
  expect(result.summary).toContain('**Target checks skipped.**')
  expect(result.summary).toContain('comes from a fork (mallory/shop)')
  expect(result.summary).toContain('No check run was created')
  expect(result.summary).toContain('The pull request comment could not be written')
  expect(result.log).toMatch(/skip connectivity: This pull request comes from a fork/)
  expect(fake.comments).toHaveLength(0)
  expect(fake.checkRuns).toHaveLength(0)
  const json = JSON.parse(artifactFiles().get('migrations-preflight-prod.json')!.toString('utf8'))
  expect(json.run.server).toBeNull()
  expect(json.checks.find((c: { id: string }) => c.id === 'connectivity').status).toBe('skip')
})

test('workflow_dispatch analyses every migration pending on the target', async () => {
  const ws = workspace({ [UNSAFE_FILE]: UNSAFE_SQL, [SAFE_FILE.replace('000003', '000004')]: SAFE_SQL })
  const result = await runAction({
    workspace: ws,
    apiUrl: fake.url,
    event: 'workflow_dispatch',
    payload: { inputs: { target: 'prod' }, ref: 'refs/heads/main', repository: { full_name: `${OWNER}/${REPO}` } },
    // The URL comes from the config's ${env:SHOP_PROD_DATABASE_URL}, as a secret mapped to env would.
    inputs: { target: 'prod', 'github-token': 'ghs_faketoken123456', 'artifact-retention-days': '3' },
    env: { SHOP_PROD_DATABASE_URL: target.url },
  })

  expect(result.code).toBe(1)
  expect(fake.calls('pulls/list-files')).toHaveLength(0)
  expect(fake.calls('issues/list-comments')).toHaveLength(0)
  const run = onlyCheckRun()
  expect(run).toMatchObject({ head_sha: HEAD_SHA, conclusion: 'failure' })
  const json = JSON.parse(artifactFiles().get('migrations-preflight-prod.json')!.toString('utf8'))
  expect(json.migrations.pending.map((m: { path: string }) => m.path)).toEqual([UNSAFE_FILE, 'db/migrations/000004_create_audit_log.up.sql'])
  expect(json.checks.find((c: { id: string }) => c.id === 'connectivity').status).toBe('pass')
  expect(fake.calls('twirp/CreateArtifact')[0]!.body.expires_at).toBeDefined()
  expectNoSecret(result)
})

test('GitHub answering 500 once is retried: one comment, one check run, the same verdict', async () => {
  fake.prFiles = [{ filename: UNSAFE_FILE, status: 'added' }]
  for (const op of ['pulls/list-files', 'issues/list-comments', 'issues/create-comment', 'checks/create', 'checks/update']) fake.failNext(op, 500)
  const result = await runOnPullRequest(workspace({ [UNSAFE_FILE]: UNSAFE_SQL }))

  expect(result.code).toBe(1)
  expect(result.log).toContain('retry 1 of 3')
  for (const op of ['pulls/list-files', 'issues/create-comment', 'checks/create', 'checks/update']) {
    expect(fake.calls(op).map((c) => c.status)[0]).toBe(500)
  }
  expect(fake.comments).toHaveLength(1)
  expect(onlyCheckRun()).toMatchObject({ conclusion: 'failure' })
  expect(onlyCheckRun().annotations.length).toBeGreaterThan(0)
  expect(result.summary).not.toContain('could not')
  expectNoSecret(result)
})

test('without checks: write the findings become workflow annotations and the verdict still fails the job', async () => {
  fake.prFiles = [{ filename: UNSAFE_FILE, status: 'added' }]
  fake.deny('checks/create')
  const result = await runOnPullRequest(workspace({ [UNSAFE_FILE]: UNSAFE_SQL }))

  expect(result.code).toBe(1)
  expect(fake.checkRuns).toHaveLength(0)
  expect(result.log).toMatch(new RegExp(`::error title=invalid-directive[^,]*,file=${UNSAFE_FILE},line=3,endLine=3`))
  expect(result.summary).toContain('the token lacks `checks: write`')
  expect(fake.comments).toHaveLength(1)
  expect(fake.comments[0]!.body).toContain('the token lacks `checks: write`')
  expect(result.outputs['check-run-url']).toBe('')
  expectNoSecret(result)
})

test('editing and removing applied migrations fails as editing history', async () => {
  fake.prFiles = [
    { filename: 'db/migrations/000001_create_users.up.sql', status: 'modified' },
    { filename: 'db/migrations/000002_create_orders.up.sql', status: 'removed' },
  ]
  const ws = workspace()
  writeFileSync(join(ws, 'db/migrations/000001_create_users.up.sql'), 'CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email text\n);\n')
  rmSync(join(ws, 'db/migrations/000002_create_orders.up.sql'))
  const result = await runOnPullRequest(ws)

  expect(result.code).toBe(1)
  expect(result.outputs['failed-checks']).toContain('applied-migration-in-diff')
  const run = onlyCheckRun()
  expect(run.annotations).toContainEqual(expect.objectContaining({ path: 'db/migrations/000001_create_users.up.sql', start_line: 1, annotation_level: 'failure' }))
  const json = JSON.parse(artifactFiles().get('migrations-preflight-prod.json')!.toString('utf8'))
  const check = json.checks.find((c: { id: string }) => c.id === 'applied-migration-in-diff')
  expect(check.status).toBe('fail')
  expect(check.findings.map((f: { message: string }) => f.message).join('\n')).toContain('db/migrations/000002_create_orders.up.sql was removed or renamed')
  expect(json.migrations.pending).toEqual([])
  expectNoSecret(result)
})

test('invalid inputs fail with what, where and how to fix, and no stack trace', async () => {
  const result = await runOnPullRequest(workspace(), {}, { 'fail-on': 'sometimes', 'artifact-retention-days': '400', 'database-url': `mysql://root:${target.password}@db/shop` })

  expect(result.code).toBe(2)
  expect(result.log).toContain('Invalid input `fail-on` (the `with:` of this step in .github/workflows/migrations-preflight.yml): "sometimes" is not one of error, warning, never.')
  expect(result.log).toContain('Invalid input `artifact-retention-days`')
  expect(result.log).toContain('Invalid input `database-url`')
  expect(result.log).not.toMatch(/\bat .+:\d+:\d+/)
  expect(result.stderr).toBe('')
  expect(fake.requests).toHaveLength(0)
  expect(result.log).not.toContain(target.password)
})
