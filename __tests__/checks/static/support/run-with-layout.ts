/**
 * Runs one static rule as the engine would for a given migration layout (the rule tester has no
 * layout), with every file run in a transaction as that layout does.
 */
import { configSchema, type LayoutName } from '../../../../src/config/schema.js'
import type { PendingFile, StaticRule } from '../../../../src/engine/define.js'
import { silentLog } from '../../../../src/engine/log.js'
import type { Finding } from '../../../../src/engine/model.js'
import { runStaticRules } from '../../../../src/engine/static-runner.js'
import { loadPostgresParser } from '../../../../src/dialects/postgres/parser.js'

/** The rule's findings over in-memory files m1.sql, m2.sql... under `layout`. */
export async function runWithLayout(rule: StaticRule, sqls: readonly string[], layout: LayoutName, runsInTransaction = true): Promise<Finding[]> {
  const parser = await loadPostgresParser()
  const files: PendingFile[] = sqls.map((sql, i) => ({
    migration: {
      id: `m${i + 1}.sql`,
      name: `m${i + 1}.sql`,
      path: `m${i + 1}.sql`,
      absPath: `/virtual/m${i + 1}.sql`,
      sql,
      raw: sql,
      kind: 'versioned',
      runsInTransaction,
      transactionReason: `${layout} test: ${runsInTransaction ? 'in a transaction' : 'no transaction'}`,
    },
    parsed: parser.parse(sql),
  }))
  const [result] = await runStaticRules({
    rules: [rule],
    files,
    config: configSchema.parse({}),
    postgresVersion: 16,
    versionSource: 'config',
    layout,
    live: {},
    log: silentLog,
    knownIds: new Set([rule.id]),
  })
  return result!.findings.filter((f) => !f.suppressed)
}
