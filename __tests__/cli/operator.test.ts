/**
 * Operator acceptance through the CLI: the prompt on injected TTY streams, --assume-yes with an
 * operator writing the audit log, and --assume-yes refused in CI, without an operator and without
 * a terminal (spawned as a user would run it). Preflight changes nothing on the target throughout.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import type { AcceptanceCandidate } from '../../src/engine/acceptance.js'
import type { Report } from '../../src/engine/report.js'
import { runCommand, type RunCommandOptions } from '../../src/cli/commands/run-command.js'
import { checkAssumeYes, isCi, promptAcceptances, type OperatorIo } from '../../src/cli/operator.js'
import { runCli, tempDir } from '../support/cli.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'

/** A readable that says it is a terminal, fed with the operator's answers. */
function ttyInput(answers: string): PassThrough & { isTTY: boolean } {
  const input = Object.assign(new PassThrough(), { isTTY: true })
  input.end(answers)
  return input
}

/** A writable terminal that keeps what was written. */
function ttyOutput(): PassThrough & { isTTY: boolean; text(): string } {
  const chunks: string[] = []
  const output = Object.assign(new PassThrough(), { isTTY: true, text: () => chunks.join('') })
  output.on('data', (d: Buffer) => chunks.push(d.toString()))
  return output
}

/** Injected terminal with the given answers and environment. */
function terminal(answers: string, env: NodeJS.ProcessEnv = {}): OperatorIo & { stdout: ReturnType<typeof ttyOutput> } {
  return { stdin: ttyInput(answers), stdout: ttyOutput(), stderr: new PassThrough(), env }
}

const candidates: AcceptanceCandidate[] = [
  { checkId: 'no-drop-table', title: 'Drop', findingIndex: 0, message: 'DROP TABLE users deletes every row.', at: 'm/001.sql:3', confirmWith: 'users' },
  { checkId: 'no-drop-table', title: 'Drop', findingIndex: 1, message: 'DROP TABLE orders deletes every row.', at: 'm/001.sql:4', confirmWith: 'public.orders' },
  { checkId: 'server-version', title: 'Version', findingIndex: undefined, message: 'PostgreSQL 12 is too old.', at: undefined, confirmWith: 'server-version' },
]

describe('the acceptance prompt', () => {
  it('accepts exactly the findings whose table name (or check id) the operator types, with their reasons', async () => {
    const out = ttyOutput()
    const accepted = await promptAcceptances(candidates, {
      input: ttyInput('users\nsnapshot snap-7\norder\nserver-version\n\n'),
      output: out,
      operator: 'alice',
      target: 'prod',
      auditPath: 'logs/audit.log',
    })
    expect(accepted.map((a) => [a.candidate.confirmWith, a.operator, a.reason, a.mode])).toEqual([
      ['users', 'alice', 'snapshot snap-7', 'interactive'],
      ['server-version', 'alice', 'confirmed by typing "server-version"', 'interactive'],
    ])
    const text = out.text()
    expect(text).toContain('3 failures on target "prod" may be accepted by an operator (you: alice).')
    expect(text).toContain('[1/3] no-drop-table at m/001.sql:3\n  DROP TABLE users deletes every row.\n  To accept, type the table name "users"')
    expect(text).toContain('"order" does not match "public.orders": kept failing.')
    expect(text).toContain('type the check id "server-version"')
  })

  it('keeps everything failing on Enter, and stops asking when input ends', async () => {
    expect(await promptAcceptances(candidates, { input: ttyInput('\n\n\n'), output: ttyOutput(), operator: 'a', target: 'prod', auditPath: 'x' })).toEqual([])
    const partial = await promptAcceptances(candidates, { input: ttyInput('users\n'), output: ttyOutput(), operator: 'a', reason: 'ticket OPS-1', target: 'prod', auditPath: 'x' })
    expect(partial.map((a) => [a.candidate.confirmWith, a.reason])).toEqual([['users', 'ticket OPS-1']])
    const unqualified = await promptAcceptances(candidates.slice(1, 2), { input: ttyInput('orders\nr\n'), output: ttyOutput(), operator: 'a', target: 'prod', auditPath: 'x' })
    expect(unqualified.map((a) => a.candidate.confirmWith)).toEqual(['public.orders'])
  })

  it('refuses --assume-yes in CI, without an operator and without a terminal', () => {
    const yes = { assumeYes: true, operator: 'alice' }
    expect(() => checkAssumeYes(yes, terminal('', { CI: 'true' }))).toThrow(/refused in CI/)
    expect(() => checkAssumeYes({ assumeYes: true }, terminal('', {}))).toThrow(/needs an operator identity/)
    expect(() => checkAssumeYes({ assumeYes: true }, terminal('', { PREFLIGHT_OPERATOR: 'bob' }))).not.toThrow()
    expect(() => checkAssumeYes(yes, { ...terminal(''), stdin: new PassThrough() })).toThrow(/without a terminal/)
    expect(() => checkAssumeYes(yes, terminal(''))).not.toThrow()
    expect(() => checkAssumeYes({ operator: 'alice' }, terminal('', { CI: 'true' }))).not.toThrow()
    expect([isCi({ CI: 'true' }), isCi({ CI: '1' }), isCi({ CI: 'false' }), isCi({ CI: '' }), isCi({})]).toEqual([true, true, false, false, false])
  })
})

describe('migrations preflight with acceptable failures', () => {
  let db: TestDatabase
  let dir: string
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec('CREATE TABLE keep (id int)')
  })
  afterAll(async () => db.drop())

  /** A project whose target requires PostgreSQL 99, so server-version fails on every server; a pending migration drops a table. */
  function project(): string {
    const root = tempDir()
    mkdirSync(join(root, 'migrations'))
    writeFileSync(join(root, 'migrations', '001_drop.sql'), 'DROP TABLE keep;\n')
    writeFileSync(
      join(root, 'migrations.config.yaml'),
      [
        'migrations:',
        '  path: migrations',
        '  layout: plain',
        'targets:',
        '  prod:',
        `    url: ${db.url}`,
        '    minServerVersion: 99',
        '    acceptable: [server-version, connectivity, migration-history]',
        '',
      ].join('\n'),
    )
    return root
  }

  /** Options as commander would pass them, with absolute paths so the test needs no chdir. */
  function options(root: string, extra: Partial<RunCommandOptions> = {}): RunCommandOptions {
    return {
      config: join(root, 'migrations.config.yaml'),
      target: 'prod',
      format: 'json,txt',
      out: join(root, 'reports'),
      logDir: join(root, 'logs'),
      failOn: 'error',
      only: 'connectivity,server-version,migration-history',
      quiet: true,
      ...extra,
    }
  }

  /** The JSON and text reports of a run. */
  function reports(root: string): { json: Report; txt: string } {
    const names = readdirSync(join(root, 'reports'))
    const read = (ext: string): string => readFileSync(join(root, 'reports', names.find((n) => n.endsWith(ext))!), 'utf8')
    return { json: JSON.parse(read('.json')) as Report, txt: read('.txt') }
  }

  /** The table the pending migration would drop is still there: preflight applied nothing. */
  async function expectTargetUnchanged(): Promise<void> {
    const rows = await db.exec("SELECT to_regclass('public.keep') IS NOT NULL AS present")
    expect(rows.rows[0].present).toBe(true)
  }

  it('with --assume-yes and an operator, accepts, audits, reports who accepted and passes', async () => {
    dir = project()
    const io = terminal('', {})
    const code = await runCommand('preflight', options(dir, { assumeYes: true, operator: 'alice', reason: 'approved in OPS-12' }), [], io)
    expect(code).toBe(0)
    expect(io.stdout.text()).toContain(`Accepted 1 failure as alice with --assume-yes (server-version); recorded in ${join(dir, 'logs', 'audit.log')}.`)
    const audit = readFileSync(join(dir, 'logs', 'audit.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ operator: 'alice', target: 'prod', checkId: 'server-version', at: null, reason: 'approved in OPS-12', mode: 'assume-yes', toolVersion: expect.any(String) })
    expect(audit[0]!.finding).toMatch(/older than minServerVersion 99/)
    expect(Object.keys(audit[0]!)).toEqual(['time', 'operator', 'user', 'host', 'target', 'checkId', 'finding', 'at', 'reason', 'mode', 'toolVersion', 'configHash'])
    const { json, txt } = reports(dir)
    expect(json.verdict).toBe('passed')
    const version = json.checks.find((c) => c.id === 'server-version')!
    expect(version.status).toBe('pass')
    expect(version.findings[0]!.suppressed).toEqual({ kind: 'accepted', reason: 'approved in OPS-12', by: 'alice' })
    expect(json.counts.suppressed).toBe(1)
    expect(txt).toContain('older than minServerVersion 99. (accepted by alice: approved in OPS-12)')
    expect(txt).toMatch(new RegExp(`by ${json.run.user}@${json.run.host}, .*sha256:${json.run.configHash.slice(0, 12)}`))
    const log = readFileSync(join(dir, 'logs', readdirSync(join(dir, 'logs')).find((n) => n.startsWith('migrations-preflight-'))!), 'utf8')
    expect(log).toContain('accepted by alice (assume-yes): server-version: approved in OPS-12')
    // The log names the user, host, tool version and config hash of the run.
    expect(log).toContain(`migrations preflight ${json.tool.version} started by ${json.run.user} on ${json.run.host}`)
    expect(log).toContain(`(sha256 ${json.run.configHash.slice(0, 12)})`)
    expect(log).toMatch(/targets\.prod\.acceptable: "connectivity" ignored: connectivity failures can never be accepted/)
    await expectTargetUnchanged()
  })

  it('at a terminal, asks for the check id and accepts only what was typed', async () => {
    dir = project()
    const accepting = terminal('server-version\nsnapshot rds:prod-0200\n', {})
    expect(await runCommand('preflight', options(dir, { operator: 'carol' }), [], accepting)).toBe(0)
    expect(accepting.stdout.text()).toContain('type the check id "server-version"')
    expect(JSON.parse(readFileSync(join(dir, 'logs', 'audit.log'), 'utf8'))).toMatchObject({ operator: 'carol', mode: 'interactive', reason: 'snapshot rds:prod-0200' })

    dir = project()
    expect(await runCommand('preflight', options(dir, { operator: 'carol' }), [], terminal('server-versio\n', {}))).toBe(1)
    expect(existsSync(join(dir, 'logs', 'audit.log'))).toBe(false)
    expect(reports(dir).json.verdict).toBe('failed')
    await expectTargetUnchanged()
  })

  it('does not ask in CI or without a terminal: the failure stands', async () => {
    dir = project()
    expect(await runCommand('preflight', options(dir), [], terminal('server-version\nx\n', { CI: 'true' }))).toBe(1)
    dir = project()
    expect(await runCommand('preflight', options(dir), [], { ...terminal('server-version\nx\n'), stdin: new PassThrough() })).toBe(1)
    expect(existsSync(join(dir, 'logs', 'audit.log'))).toBe(false)
  })

  it.each([
    ['in CI', { CI: 'true', PREFLIGHT_OPERATOR: 'alice' }, /--assume-yes is refused in CI/],
    ['without an operator', { CI: undefined, PREFLIGHT_OPERATOR: undefined }, /--assume-yes needs an operator identity/],
    ['without a terminal', { CI: undefined, PREFLIGHT_OPERATOR: 'alice' }, /--assume-yes is refused without a terminal/],
  ])('refuses --assume-yes %s (exit 2, nothing run or written)', async (_, env, message) => {
    const root = project()
    const result = await runCli(['preflight', '--target', 'prod', '--assume-yes'], { cwd: root, env })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(message)
    expect(existsSync(join(root, 'reports'))).toBe(false)
    expect(existsSync(join(root, 'logs'))).toBe(false)
    await expectTargetUnchanged()
  })
})
