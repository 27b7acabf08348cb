/**
 * The action's inputs: every input action.yml declares is read, its defaults match, and each
 * invalid value is reported with the input's name and a fix, never echoing the database URL.
 */
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { ActionInputError, formatInputProblems, readInputs, secretsOfUrl } from '../../src/action/inputs.js'

const actionYml = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { default?: string; required?: boolean }>; outputs: Record<string, unknown>; runs: { using: string; main: string } }

/** A workspace with a config file and a migrations folder. */
function makeWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'preflight-inputs-'))
  mkdirSync(join(dir, 'db', 'migrations'), { recursive: true })
  writeFileSync(join(dir, 'migrations.config.yaml'), 'version: 1\n')
  return dir
}

/** The INPUT_* environment the runner builds from action.yml defaults and the step's `with:`. */
function envFor(withInputs: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    const value = withInputs[name] ?? (spec.default?.startsWith('${{') ? 'ghs_token' : spec.default) ?? ''
    env[`INPUT_${name.toUpperCase()}`] = value
  }
  return env
}

/** The problems readInputs reports, by input. */
function problemsFor(withInputs: Record<string, string>, workspace = makeWorkspace()): Record<string, string> {
  try {
    readInputs(envFor(withInputs), workspace)
  } catch (error) {
    if (!(error instanceof ActionInputError)) throw error
    return Object.fromEntries(error.problems.map((p) => [p.input, `${p.message} | ${p.fix}`]))
  }
  return {}
}

test('action.yml runs dist/index.js on node24 and declares the inputs and outputs of the issue (and report-sarif)', () => {
  expect(actionYml.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  expect(Object.keys(actionYml.inputs).sort()).toEqual(
    ['annotations', 'artifact-name', 'artifact-retention-days', 'comment', 'config', 'database-url', 'fail-on', 'github-token', 'migrations-path', 'target', 'upload-artifact', 'working-directory'].sort(),
  )
  expect(Object.keys(actionYml.outputs).sort()).toEqual(['check-run-url', 'comment-url', 'failed-checks', 'report-json', 'report-sarif', 'report-txt', 'result', 'warnings'])
})

test('every input action.yml declares is read', () => {
  const read = new Set<string>()
  const env = new Proxy(envFor({ target: 'prod' }), {
    get(target, key: string) {
      if (key.startsWith('INPUT_')) read.add(key.slice('INPUT_'.length).toLowerCase())
      return target[key]
    },
  })
  readInputs(env, makeWorkspace())
  expect([...read].sort()).toEqual(Object.keys(actionYml.inputs).sort())
})

test('the defaults of action.yml give the documented behaviour', () => {
  const ws = makeWorkspace()
  expect(readInputs(envFor({ target: 'prod' }), ws)).toEqual({
    target: 'prod',
    databaseUrl: undefined,
    config: undefined,
    migrationsPath: undefined,
    githubToken: 'ghs_token',
    failOn: 'error',
    comment: 'always',
    annotations: true,
    uploadArtifact: true,
    artifactName: 'migrations-preflight-prod',
    artifactRetentionDays: undefined,
    workingDirectory: ws,
  })
})

test('valid values are taken as given', () => {
  const ws = makeWorkspace()
  const inputs = readInputs(
    envFor({ target: 'prod', 'fail-on': 'warning', comment: 'on-failure', annotations: 'False', 'upload-artifact': 'FALSE', 'artifact-retention-days': '7', 'artifact-name': 'reports.prod', 'migrations-path': 'db/migrations', config: 'migrations.config.yaml', 'database-url': 'postgresql://u:p%40ss@db.internal:5432/shop' }),
    ws,
  )
  expect(inputs).toMatchObject({ failOn: 'warning', comment: 'on-failure', annotations: false, uploadArtifact: false, artifactRetentionDays: 7, artifactName: 'reports.prod', migrationsPath: 'db/migrations', databaseUrl: 'postgresql://u:p%40ss@db.internal:5432/shop' })
})

test.each([
  [{ target: '' }, 'target', 'is required'],
  [{ target: 'prod db' }, 'target', 'is not a target name'],
  [{ target: 'prod', 'fail-on': 'sometimes' }, 'fail-on', '"sometimes" is not one of error, warning, never'],
  [{ target: 'prod', comment: 'yes' }, 'comment', '"yes" is not one of always, on-failure, never'],
  [{ target: 'prod', annotations: 'yes' }, 'annotations', '"yes" is not true or false'],
  [{ target: 'prod', 'upload-artifact': '1' }, 'upload-artifact', '"1" is not true or false'],
  [{ target: 'prod', 'artifact-retention-days': '0' }, 'artifact-retention-days', 'from 1 to 90'],
  [{ target: 'prod', 'artifact-retention-days': 'a week' }, 'artifact-retention-days', 'from 1 to 90'],
  [{ target: 'prod', 'artifact-name': 'a/b' }, 'artifact-name', 'contains a character'],
  [{ target: 'prod', 'working-directory': 'no/such/dir' }, 'working-directory', 'is not a folder'],
  [{ target: 'prod', config: 'missing.yaml' }, 'config', 'does not exist'],
  [{ target: 'prod', 'migrations-path': 'nope' }, 'migrations-path', 'is not a folder'],
])('%j is reported on %s', (withInputs, input, message) => {
  const problems = problemsFor(withInputs)
  expect(Object.keys(problems)).toEqual([input])
  expect(problems[input]).toContain(message)
})

test('an invalid database URL is reported without its value', () => {
  const secret = 'redis://admin:Sup3r-Secret@db.internal/0'
  const problems = problemsFor({ target: 'prod', 'database-url': secret })
  expect(problems['database-url']).toContain('is not a PostgreSQL or MySQL connection URL (the value is hidden because it is a secret)')
  expect(JSON.stringify(problems)).not.toContain('Sup3r-Secret')
})

test.each(['postgresql://app:pw@db/shop', 'mysql://app:pw@db/shop', 'mariadb://app:pw@db/shop'])('%s is accepted as a database URL', (url) => {
  expect(problemsFor({ target: 'prod', 'database-url': url })).toEqual({})
})

test('all problems are reported at once, each with where and how to fix it', () => {
  let error: ActionInputError | undefined
  try {
    readInputs(envFor({ target: '', 'fail-on': 'x', comment: 'y' }), makeWorkspace())
  } catch (e) {
    error = e as ActionInputError
  }
  const text = formatInputProblems(error!.problems, '.github/workflows/db.yml')
  expect(text.split('\n').filter((l) => l.startsWith('Invalid input'))).toHaveLength(3)
  expect(text).toContain('Invalid input `fail-on` (the `with:` of this step in .github/workflows/db.yml): "x" is not one of error, warning, never.\n  Fix: Set `fail-on:` to error, warning or never.')
})

test('the secrets of a URL are the URL and its password, raw and decoded', () => {
  expect(secretsOfUrl('postgres://app:p%23ss%40word@db:5432/shop')).toEqual(['postgres://app:p%23ss%40word@db:5432/shop', 'p%23ss%40word', 'p#ss@word'])
  expect(secretsOfUrl('host=db user=app password=hunter22 dbname=shop')).toEqual(['host=db user=app password=hunter22 dbname=shop', 'hunter22'])
  expect(secretsOfUrl('')).toEqual([])
})
