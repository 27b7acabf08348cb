/**
 * Table-driven rule tests, like ESLint's RuleTester (valid/invalid) and squawk's _ok/_err:
 * `safe` SQL must produce no finding of the rule, each `reported` case must produce findings
 * at exactly the given 'line:col' positions.
 */
import { expect, it } from '@jest/globals'
import { configSchema, type Dialect, type LayoutName } from '../../src/config/schema.js'
import type { LiveFacts, PendingFile, StaticRule } from '../../src/engine/define.js'
import { silentLog } from '../../src/engine/log.js'
import type { Finding } from '../../src/engine/model.js'
import { StaticRun, canAnalyseInShards, runStaticRules } from '../../src/engine/static-runner.js'
import { loadMysqlParser } from '../../src/dialects/mysql/parser.js'
import { loadPostgresParser } from '../../src/dialects/postgres/parser.js'
import type { MigrationFile } from '../../src/sources/layout.js'
import { changesetsOf } from '../../src/sources/layouts/liquibase.js'

export interface RuleCaseOptions {
  /** PostgreSQL major the rule assumes; default 16. */
  readonly pg?: number
  /** Whether the migration tool wraps each file in a transaction; default false. */
  readonly inTransaction?: boolean
  readonly options?: Record<string, unknown>
  readonly live?: LiveFacts
  /** Extra files applied before the case's SQL in the same pending set. */
  readonly before?: readonly string[]
  /** Dialect the SQL is parsed as; default postgres. */
  readonly dialect?: Dialect
  /** Migration layout the engine reports for the run (rules word advice and transactions by it); default none. */
  readonly layout?: LayoutName
}

export interface ReportedCase extends RuleCaseOptions {
  readonly sql: string
  /** Expected 'line:col' of each unsuppressed finding, in order; one string for one finding. */
  readonly at: string | readonly string[]
  /** Substring expected in the first finding's message. */
  readonly message?: string
  /** Link to the issue a regression case comes from. */
  readonly issue?: string
}

export type SafeCase = string | (RuleCaseOptions & { readonly sql: string; readonly issue?: string })

/**
 * Runs one rule over the given SQL files and returns its findings. The rule runs twice: over the
 * files as one shard, and with each file a shard of its own, as a large pending set is analysed
 * (StaticRun); the two must report the same, or what the rule carries across shards is wrong.
 */
export async function runRule(rule: StaticRule, sqls: readonly string[], opts: RuleCaseOptions = {}): Promise<Finding[]> {
  const parser = opts.dialect === 'mysql' ? await loadMysqlParser() : await loadPostgresParser()
  const files: PendingFile[] = sqls.map((raw, i) => {
    // Liquibase files run changeset by changeset: read them as the layout does.
    const { sql, units } = opts.layout === 'liquibase' ? changesetsOf(raw) : { sql: raw, units: undefined }
    const migration = fakeMigration(`m${i + 1}.sql`, sql, opts.inTransaction ?? false)
    return { migration: units ? { ...migration, raw, units } : migration, parsed: parser.parse(sql) }
  })
  const config = configSchema.parse({ rules: opts.options ? { [rule.id]: { options: opts.options } } : {} })
  const input = {
    rules: [rule],
    config,
    postgresVersion: opts.pg ?? 16,
    versionSource: 'config' as const,
    layout: opts.layout,
    live: opts.live ?? {},
    log: silentLog,
    knownIds: new Set([rule.id, 'syntax-error', 'invalid-directive']),
    dialect: opts.dialect ?? 'postgres',
  }
  const [whole] = await runStaticRules({ ...input, files })
  if (whole!.status === 'error') throw new Error(`rule ${rule.id} threw: ${whole!.summary}`)
  const sharded = new StaticRun(input)
  // Each file a shard of its own where the engine would split the set at all.
  if (canAnalyseInShards(input.dialect, input.layout)) for (const file of files) await sharded.addShard([file])
  else await sharded.addShard(files)
  const [byFile] = sharded.finish()
  expect({ status: byFile!.status, findings: byFile!.findings }).toEqual({ status: whole!.status, findings: whole!.findings })
  return [...whole!.findings]
}

/** Declares jest tests for a rule's safe and reported cases. */
export function testRule(rule: StaticRule, cases: { safe: readonly SafeCase[]; reported: readonly ReportedCase[] }): void {
  for (const c of cases.safe) {
    const sql = typeof c === 'string' ? c : c.sql
    const opts: RuleCaseOptions = typeof c === 'string' ? {} : c
    it(`safe: ${oneLine(sql)}`, async () => {
      const findings = await runRule(rule, [...(opts.before ?? []), sql], opts)
      expect(findings.filter((f) => !f.suppressed && f.file === lastFile(opts)).map(describe)).toEqual([])
    })
  }
  for (const c of cases.reported) {
    it(`reported: ${oneLine(c.sql)}`, async () => {
      const findings = await runRule(rule, [...(c.before ?? []), c.sql], c)
      const active = findings.filter((f) => !f.suppressed && f.file === lastFile(c))
      const expected = typeof c.at === 'string' ? [c.at] : c.at
      expect(active.map((f) => `${f.line}:${f.col}`)).toEqual(expected)
      if (c.message) expect(active[0]?.message).toContain(c.message)
      for (const f of active) {
        expect(f.mitigation.length).toBeGreaterThan(10)
        expect(f.docs).toBe(`runbook/${rule.id}.md`)
      }
    })
  }
}

/** Name of the file holding the case's own SQL (after any `before` files). */
function lastFile(opts: RuleCaseOptions): string {
  return `m${(opts.before?.length ?? 0) + 1}.sql`
}

/** A MigrationFile for in-memory SQL. */
function fakeMigration(path: string, sql: string, inTransaction: boolean): MigrationFile {
  return {
    id: path,
    name: path,
    path,
    absPath: `/virtual/${path}`,
    sql,
    raw: sql,
    kind: 'versioned',
    runsInTransaction: inTransaction,
    transactionReason: inTransaction ? 'test: in a transaction' : 'test: no transaction',
  }
}

/** Short test title. */
function oneLine(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim()
  return flat.length > 90 ? `${flat.slice(0, 90)}...` : flat
}

/** A finding as text, so a failing safe case shows what was reported. */
function describe(f: Finding): string {
  return `${f.line}:${f.col} ${f.message}`
}
