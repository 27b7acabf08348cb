import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { Writable } from 'node:stream'
import check from '../../../src/checks/live/schema-drift.js'
import { snapshotCommand } from '../../../src/cli/commands/snapshot.js'
import { golangMigrate } from '../../../src/sources/layouts/golang-migrate.js'
import { main } from '../../../src/cli/main.js'
import { makeProject, type TempProject } from '../../sources/helpers.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

/** A stream that keeps what is written to it. */
function sink(): Writable & { text: () => string } {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk))
      done()
    },
  }) as Writable & { text: () => string }
  stream.text = () => chunks.join('')
  return stream
}

describe('schema-drift and migrations snapshot', () => {
  let db: TestDatabase
  let project: TempProject
  const cwd = process.cwd()
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(`CREATE TYPE status AS ENUM ('new', 'done');
                   CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE, created_at timestamptz DEFAULT now());
                   CREATE TABLE tasks (id bigserial PRIMARY KEY, user_id bigint REFERENCES users (id), state status NOT NULL DEFAULT 'new');
                   CREATE INDEX tasks_user_idx ON tasks (user_id);
                   CREATE VIEW open_tasks AS SELECT * FROM tasks WHERE state = 'new';
                   CREATE TABLE schema_migrations (version bigint PRIMARY KEY, dirty boolean NOT NULL);
                   INSERT INTO schema_migrations VALUES (2, false)`)
    process.env.PF_DRIFT_URL = db.url
    project = await makeProject({
      'migrations.config.yaml': 'migrations:\n  path: db\ntargets:\n  prod:\n    url: ${env:PF_DRIFT_URL}\n    schemaSnapshot: schema/prod.json\n',
      'db/0001_users.up.sql': 'SELECT 1;\n',
      'db/0002_tasks.up.sql': 'SELECT 2;\n',
    })
    process.chdir(project.root)
  })
  afterAll(async () => {
    process.chdir(cwd)
    delete process.env.PF_DRIFT_URL
    await project.remove()
    await db.drop()
  })

  it('writes a deterministic snapshot to the configured file', async () => {
    const out = sink()
    expect(await snapshotCommand({ target: 'prod', logDir: project.at('logs') }, { stdout: out, stderr: sink() })).toBe(0)
    expect(out.text()).toMatch(/Wrote the schema snapshot \(2 tables\) to schema\/prod.json/)
    const first = readFileSync(project.at('schema/prod.json'), 'utf8')
    const snapshot = JSON.parse(first)
    expect(Object.keys(snapshot.tables)).toEqual(['public.tasks', 'public.users'])
    expect(snapshot.migration).toEqual({ layout: 'golang-migrate', latestApplied: '2' })
    expect(snapshot.types).toEqual({ 'public.status': 'enum (new, done)' })
    expect(snapshot.tables['public.users'].columns[0]).toEqual({ name: 'id', type: 'bigint', notNull: true, identity: 'always' })
    expect(snapshot.tables['public.tasks'].indexes.tasks_user_idx).toBe('CREATE INDEX tasks_user_idx ON public.tasks USING btree (user_id)')
    const again = sink()
    await snapshotCommand({ target: 'prod', logDir: project.at('logs'), out: '-' }, { stdout: again, stderr: sink() })
    expect(again.text()).toBe(first)
  })

  it('passes when the target matches the snapshot', async () => {
    const result = await runLiveCheck(check, db.url, { target: { schemaSnapshot: 'schema/prod.json' }, baseDir: project.root, layout: golangMigrate })
    expect(result.status).toBe('pass')
    expect(result.summary).toMatch(/matches the snapshot schema\/prod.json: 2 tables, 1 views/)
  })

  it('reports drift table by table; drift on a table the migration touches fails', async () => {
    await db.exec(`ALTER TABLE users ADD COLUMN phone text; ALTER TABLE users ALTER COLUMN created_at SET NOT NULL;
                   CREATE INDEX users_created_idx ON users (created_at); DROP INDEX tasks_user_idx`)
    const untouched = await runLiveCheck(check, db.url, { target: { schemaSnapshot: 'schema/prod.json' }, baseDir: project.root, layout: golangMigrate })
    expect(untouched.status).toBe('warn')
    expect(untouched.findings.map((f) => f.evidence?.key)).toEqual(['public.tasks', 'public.users'])
    expect(untouched.findings[1]!.evidence?.differences).toEqual([
      'column created_at is NOT NULL, the snapshot has it nullable',
      'column phone (text) is not in the snapshot',
      'index users_created_idx is not in the snapshot (CREATE INDEX users_created_idx ON public.users USING btree (created_at))',
    ])
    const touched = await runLiveCheck(check, db.url, { target: { schemaSnapshot: 'schema/prod.json' }, baseDir: project.root, layout: golangMigrate, pending: ['ALTER TABLE users ADD COLUMN phone text;'] })
    expect(touched.status).toBe('fail')
    expect(touched.findings.find((f) => f.evidence?.key === 'public.users')!.severity).toBe('error')
  })

  it('skips without a snapshot and fails on a missing file', async () => {
    expect((await runLiveCheck(check, db.url)).status).toBe('skip')
    const missing = await runLiveCheck(check, db.url, { target: { schemaSnapshot: 'schema/none.json' }, baseDir: project.root })
    expect(missing.status).toBe('fail')
    expect(missing.summary).toMatch(/does not exist/)
  })

  it('exits 2 for an unknown target, through the CLI boundary', async () => {
    const stderr = process.stderr.write
    process.stderr.write = (() => true) as typeof process.stderr.write
    try {
      expect(await main(['node', 'migrations', 'snapshot', '--target', 'nope', '--log-dir', project.at('logs')])).toBe(2)
    } finally {
      process.stderr.write = stderr
    }
  })
})
