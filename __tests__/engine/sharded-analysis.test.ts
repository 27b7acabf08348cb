/**
 * A large pending set is analysed in shards (StaticRun): each shard's parse trees go before the next
 * shard is parsed, and what later files need from earlier ones is carried as plain data. Whatever the
 * shard boundaries, every rule must report exactly what it reports over the whole set at once.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { writeCorpus } from '../../bench/lint/corpus.js'
import { staticRules } from '../../src/checks/static/index.js'
import { configSchema } from '../../src/config/schema.js'
import type { LiveFacts, PendingFile } from '../../src/engine/define.js'
import { silentLog } from '../../src/engine/log.js'
import type { CheckResult } from '../../src/engine/model.js'
import { StaticRun } from '../../src/engine/static-runner.js'
import { loadPostgresParser } from '../../src/dialects/postgres/parser.js'

const FIXTURES = new URL('./fixtures/cross-file/', import.meta.url)
const EXAMPLE = new URL('../../examples/golang-migrate/db/migrations/', import.meta.url)

/** Reads the .sql files of a folder in name order as pending files. */
async function pendingFiles(dir: string, only: (name: string) => boolean = () => true): Promise<PendingFile[]> {
  const parser = await loadPostgresParser()
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql') && only(name))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8')
      const migration = { id: name, name, path: name, absPath: join(dir, name), sql, raw: sql, kind: 'versioned' as const, runsInTransaction: true, transactionReason: 'test' }
      return { migration, parsed: parser.parse(sql) }
    })
}

/** Every PostgreSQL rule's result over the files, split into shards of `shardSize` files (the whole set when undefined). */
async function analyse(files: readonly PendingFile[], shardSize: number | undefined, opts: { pg: number; live: LiveFacts }): Promise<unknown[]> {
  const run = new StaticRun({
    rules: staticRules.filter((r) => r.dialects.includes('postgres')),
    config: configSchema.parse({}),
    postgresVersion: opts.pg,
    versionSource: 'config',
    layout: 'golang-migrate',
    live: opts.live,
    log: silentLog,
    knownIds: new Set(staticRules.map((r) => r.id)),
    dialect: 'postgres',
  })
  const size = shardSize ?? files.length
  for (let i = 0; i < files.length; i += size) await run.addShard(files.slice(i, i + size))
  return run.finish().map(({ durationMs: _, ...rest }: CheckResult) => rest)
}

const LIVE: LiveFacts = {
  hasPitrBackup: false,
  tableSizes: new Map([
    ['public.orders', { rows: 5_000_000, bytes: 2e9 }],
    ['public.users', { rows: 20_000, bytes: 4e6 }],
    ['index:public.users_email_idx', { rows: 20_000, bytes: 1e6 }],
  ]),
  columnTypes: new Map([['public.users.name', 'character varying(80)']]),
  thresholds: { largeTableRows: 1_000_000, largeTableBytes: 1e9 },
}

describe('analysis in shards reports what analysis of the whole set reports', () => {
  const variants = [
    { name: 'PostgreSQL 16, no target', pg: 16, live: {} },
    { name: 'PostgreSQL 11, no target', pg: 11, live: {} },
    { name: 'PostgreSQL 16, with live facts', pg: 16, live: LIVE },
  ]

  for (const variant of variants) {
    it(`files that build on earlier files (${variant.name})`, async () => {
      const files = await pendingFiles(FIXTURES.pathname)
      const whole = await analyse(files, undefined, variant)
      // Not vacuous: the set has findings that depend on earlier files (a copy, a called function's body, a type).
      const text = JSON.stringify(whole)
      for (const fact of ['payments_copy copied at 002_existing.sql:6', 'in purge_staging() called here', 'from varchar(40) to varchar(20)']) expect(text.includes(fact) ? fact : text.slice(0, 200)).toBe(fact)
      for (const size of [1, 2, 3]) expect(await analyse(files, size, variant)).toEqual(whole)
    })
  }

  it('the shipped example', async () => {
    const files = await pendingFiles(EXAMPLE.pathname, (name) => name.endsWith('.up.sql'))
    const whole = await analyse(files, undefined, variants[0]!)
    expect(await analyse(files, 1, variants[0]!)).toEqual(whole)
  })

  it('a generated corpus of 120 migrations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'preflight-shards-'))
    try {
      writeCorpus(dir, 120, 7)
      const files = await pendingFiles(dir)
      const whole = await analyse(files, undefined, variants[0]!)
      for (const size of [1, 7, 50]) expect(await analyse(files, size, variants[0]!)).toEqual(whole)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
