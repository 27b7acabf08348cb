import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import pg from 'pg'
import rule from '../../../src/checks/static/target-version-syntax.js'
import { configSchema } from '../../../src/config/schema.js'
import { loadPostgresParser } from '../../../src/dialects/postgres/parser.js'
import type { VersionSource } from '../../../src/engine/define.js'
import { silentLog } from '../../../src/engine/log.js'
import type { CheckResult } from '../../../src/engine/model.js'
import { runStaticRules } from '../../../src/engine/static-runner.js'
import { runCli, tempDir } from '../../support/cli.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { runRule, testRule } from '../../support/rule-tester.js'

const ALIASLESS = 'SELECT * FROM (SELECT 1 AS a);'
const MERGE = 'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE;'

describe('target-version-syntax, version from config', () => {
  testRule(rule, {
    safe: [
      { sql: 'CREATE TABLE t (id bigint PRIMARY KEY);', pg: 15 },
      { sql: ALIASLESS, pg: 16 },
      { sql: ALIASLESS, pg: 18 },
      { sql: MERGE, pg: 15 },
      { sql: 'CREATE UNIQUE INDEX i ON t (a) NULLS NOT DISTINCT;', pg: 15 },
      // A file the rules' parser rejects is syntax-error's to report, not this rule's.
      { sql: 'SELEC 1;', pg: 15 },
      { sql: `-- preflight:ignore target-version-syntax upgraded to 16 before this runs\n${ALIASLESS}`, pg: 15 },
    ],
    reported: [
      { sql: ALIASLESS, pg: 15, at: '1:15', message: "The target's PostgreSQL 15 rejects this statement: subquery in FROM must have an alias. PostgreSQL 16 is the first version that accepts it" },
      // The cursor counts characters: the é's before it must not shift the column.
      { sql: "CREATE TABLE t (id int);\nINSERT INTO t SELECT 'é' || 'ü', * FROM\n  (SELECT 1 AS a);", pg: 15, at: '3:3' },
      { sql: `${MERGE}\nSELECT 1;\n${ALIASLESS}`, pg: 13, at: ['1:1', '3:15'], message: 'syntax error at or near "MERGE". PostgreSQL 15 is the first version that accepts it, so the migration will fail' },
      { sql: "SELECT * FROM JSON_TABLE('[]'::jsonb, '$[*]' COLUMNS (a int PATH '$.a')) AS jt;", pg: 16, at: '1:46', message: 'syntax error at or near "COLUMNS". PostgreSQL 17 is the first version' },
      { sql: 'ALTER TABLE t ADD CONSTRAINT nn NOT NULL a NOT VALID;', pg: 17, at: '1:33', message: 'syntax error at or near "NOT". PostgreSQL 18 is the first version' },
    ],
  })

  it('names the rewrite for MERGE and the target and first accepting major in the evidence', async () => {
    const [finding] = await runRule(rule, [MERGE], { pg: 13 })
    expect(finding?.mitigation).toContain('INSERT ... ON CONFLICT')
    expect(finding?.mitigation).toContain('upgrade the target to PostgreSQL 15')
    expect(finding?.evidence).toEqual(
      expect.objectContaining({ targetVersion: 13, versionSource: 'config', parserMessage: 'syntax error at or near "MERGE"', firstAcceptingVersion: 15 }),
    )
    expect(String(finding?.evidence?.grammar)).toMatch(/^PostgreSQL 13\.\d+ \(libpg-query\)$/)
  })
})

/** Runs the rule through the engine with a version and its source, returning its result. */
async function runWithVersion(sql: string, postgresVersion: number, versionSource: VersionSource): Promise<CheckResult> {
  const parser = await loadPostgresParser()
  const migration = { id: 'm1', name: 'm1', path: 'm1.sql', absPath: '/virtual/m1.sql', sql, raw: sql, kind: 'versioned' as const, runsInTransaction: false, transactionReason: 'test' }
  const [result] = await runStaticRules({
    rules: [rule],
    files: [{ migration, parsed: parser.parse(sql) }],
    config: configSchema.parse({}),
    postgresVersion,
    versionSource,
    layout: undefined,
    live: {},
    log: silentLog,
    knownIds: new Set([rule.id]),
  })
  return result!
}

describe('target-version-syntax, when it cannot check', () => {
  it('skips and says why when no version is known', async () => {
    const result = await runWithVersion(ALIASLESS, 13, 'default')
    expect(result.status).toBe('skip')
    expect(result.summary).toContain('postgresVersion')
  })

  it('checks a PostgreSQL 14 target with the 14 grammar', async () => {
    const result = await runWithVersion(ALIASLESS, 14, 'config')
    expect(result.status).toBe('fail')
    expect(result.findings[0]!.message).toContain("PostgreSQL 14 rejects this statement: subquery in FROM must have an alias. PostgreSQL 16 is the first")
  })

  it.each([12])('skips a PostgreSQL %i target, for which no grammar ships', async (major) => {
    const result = await runWithVersion(ALIASLESS, major, 'config')
    expect(result.status).toBe('skip')
    expect(result.summary).toContain(`No PostgreSQL ${major} grammar`)
  })
})

/** Writes a plain-layout project whose migrations are `files` (name -> SQL) and whose config is `config`. */
function writeProject(files: Record<string, string>, config: string): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'migrations'))
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, 'migrations', name), sql)
  writeFileSync(join(dir, 'migrations.config.yaml'), config)
  return dir
}

/** The rule's result in a JSON report printed with --json. */
function ruleResult(stdout: string): CheckResult {
  const report = JSON.parse(stdout) as { checks: CheckResult[] }
  return report.checks.find((c) => c.id === rule.id)!
}

describe('target-version-syntax against the test server (the version comes from the target)', () => {
  let db: TestDatabase
  let major: number
  beforeAll(async () => {
    db = await createTestDatabase()
    const client = new pg.Client({ connectionString: db.url })
    await client.connect()
    major = Math.floor(Number((await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v) / 10000)
    await client.end()
  })
  afterAll(async () => db.drop())

  const config = 'migrations:\n  path: migrations\ntargets:\n  test:\n    url: ${env:TEST_DATABASE_URL}\n'

  it('fails a PostgreSQL 16 construct on a server older than 16, and passes it on 16 or later', async () => {
    const dir = writeProject({ '001_create.sql': 'CREATE TABLE t (id int);\n', '002_archive.sql': `-- copies rows\n${ALIASLESS}\n` }, config)
    const result = await runCli(['preflight', '--target', 'test', '--only', rule.id, '--json'], { cwd: dir, env: { TEST_DATABASE_URL: db.url } })
    const check = ruleResult(result.stdout)
    expect(major).toBeGreaterThanOrEqual(13)
    if (major < 16) {
      expect(result.code).toBe(1)
      expect(check.status).toBe('fail')
      expect(check.findings.map((f) => `${f.file}:${f.line}:${f.col}`)).toEqual(['migrations/002_archive.sql:2:15'])
      expect(check.findings[0]!.message).toContain(`The target's PostgreSQL ${major} rejects this statement: subquery in FROM must have an alias`)
      expect(check.findings[0]!.message).toContain('PostgreSQL 16 is the first version that accepts it')
      expect(check.findings[0]!.evidence).toEqual(expect.objectContaining({ targetVersion: major, versionSource: 'target', firstAcceptingVersion: 16 }))
    } else {
      expect(result.code).toBe(0)
      expect(check.status).toBe('pass')
      expect(check.findings).toEqual([])
    }
  })

  it("does the same in the bundled action (dist/index.js), which carries every grammar's wasm", async () => {
    const dir = writeProject({ '001_create.sql': 'CREATE TABLE t (id int);\n', '002_archive.sql': `-- copies rows\n${ALIASLESS}\n` }, config)
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      GITHUB_WORKSPACE: dir,
      GITHUB_REPOSITORY: 'example/app',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      RUNNER_TEMP: join(dir, 'runner-temp'),
      INPUT_TARGET: 'test',
      'INPUT_DATABASE-URL': db.url,
      INPUT_COMMENT: 'never',
      'INPUT_UPLOAD-ARTIFACT': 'false',
    }
    const result = spawnSync(process.execPath, [resolve('dist/index.js')], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 })
    const annotation = `file=migrations/002_archive.sql,line=2,endLine=2,col=15`
    if (major < 16) {
      expect(result.status).toBe(1)
      expect(result.stdout).toContain(`fail target-version-syntax: 1 finding: The target's PostgreSQL ${major} rejects this statement`)
      expect(result.stdout).toContain(annotation)
    } else {
      expect(result.stdout).toContain('pass target-version-syntax')
      expect(result.stdout).not.toContain(annotation)
    }
  })

  it('raises nothing for a migration valid on every version', async () => {
    const dir = writeProject({ '001_create.sql': 'CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n' }, config)
    const result = await runCli(['preflight', '--target', 'test', '--only', rule.id, '--json'], { cwd: dir, env: { TEST_DATABASE_URL: db.url } })
    const check = ruleResult(result.stdout)
    expect(check.status).toBe('pass')
    expect(check.findings).toEqual([])
  })
})

/**
 * Runs `migrations lint` with an ESM resolve hook that records every libpg-query release the
 * process imports, to prove grammars load only when needed.
 */
async function grammarsImportedByLint(files: Record<string, string>, config: string): Promise<{ imported: string[]; code: number | null }> {
  const dir = writeProject(files, config)
  const trace = join(dir, 'imports.txt')
  writeFileSync(trace, '')
  writeFileSync(
    join(dir, 'hooks.mjs'),
    "import { appendFileSync } from 'node:fs'\nlet trace\nexport function initialize(data) { trace = data.trace }\n" +
      "export async function resolve(specifier, context, next) {\n  if (/^libpg-query/.test(specifier)) appendFileSync(trace, specifier + '\\n')\n  return next(specifier, context)\n}\n",
  )
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module'\nregister('./hooks.mjs', import.meta.url, { data: { trace: ${JSON.stringify(trace)} } })\n`)
  const result = await runCli(['lint', '-q'], { cwd: dir, env: { NODE_OPTIONS: `--import=${join(dir, 'register.mjs')}` } })
  const imported = [...new Set(readFileSync(trace, 'utf8').split('\n').filter(Boolean))].sort()
  return { imported, code: result.code }
}

// The current grammar's Emscripten module, which the main thread's parser imports (src/dialects/postgres/raw-parse.ts).
const CURRENT_GRAMMAR = 'libpg-query/wasm/libpg-query.js'

describe('target-version-syntax loads grammars lazily', () => {
  it('loads no older grammar when no version is configured', async () => {
    const { imported } = await grammarsImportedByLint({ '001.sql': ALIASLESS }, 'migrations:\n  path: migrations\n')
    expect(imported).toEqual([CURRENT_GRAMMAR])
  })

  it("loads only the target's grammar when every statement parses on it", async () => {
    const { imported, code } = await grammarsImportedByLint({ '001.sql': 'CREATE TABLE t (id int);' }, 'postgresVersion: 15\nmigrations:\n  path: migrations\n')
    expect(code).toBe(0)
    expect(imported).toEqual(['libpg-query-15/wasm/libpg-query.js', CURRENT_GRAMMAR])
  })

  it('loads newer grammars in order, only until one accepts the statement', async () => {
    const { imported, code } = await grammarsImportedByLint({ '001.sql': MERGE }, 'postgresVersion: 13\nmigrations:\n  path: migrations\n')
    expect(code).toBe(1)
    expect(imported).toEqual(['libpg-query-13/wasm/libpg-query.js', 'libpg-query-14/wasm/libpg-query.js', 'libpg-query-15/wasm/libpg-query.js', CURRENT_GRAMMAR])
  })
})
