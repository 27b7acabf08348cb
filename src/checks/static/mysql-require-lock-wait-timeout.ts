import { defineStaticRule, type PendingFile, type StaticContext } from '../../engine/define.js'
import { hasWaitClause, lockWaitTimeoutSetting } from '../../dialects/mysql/lock-wait-timeout.js'
import { tableLabel, touchedTablesOf, unparsedKeywords } from '../../dialects/mysql/statements.js'
import type { Statement } from '../../dialects/postgres/parser.js'
import { isCreatedEarlier } from './support/mysql-pending.js'

/** The longest lock_wait_timeout (seconds) that still counts as failing fast; the default is a year. */
const MAX_WAIT_SECONDS = 300

/**
 * DDL on a MySQL table (ALTER TABLE, CREATE/DROP INDEX, DROP, TRUNCATE and RENAME TABLE) needs an
 * exclusive metadata lock, at least briefly even with ALGORITHM=INSTANT, and waits for every open
 * transaction that touched the table. While it waits, every new statement on the table queues
 * behind it ("Waiting for table metadata lock"): one idle transaction plus a migration is an
 * outage. lock_wait_timeout, a year by default, bounds the wait; a short one set earlier in the
 * file makes the DDL fail fast instead. Tables the pending set created are new and not reported.
 * https://dev.mysql.com/doc/refman/8.4/en/metadata-locking.html
 */
export default defineStaticRule({
  id: 'mysql-require-lock-wait-timeout',
  title: 'Set lock_wait_timeout before DDL on existing tables (MySQL)',
  category: 'locks',
  severity: 'warning',
  dialects: ['mysql'],
  run(ctx) {
    for (const file of ctx.files) {
      // The setting lasts for the session: the last one before a statement is in force.
      let setting: { seconds: number; line: number } | undefined
      for (const stmt of file.parsed.statements) {
        const seconds = lockWaitTimeoutSetting(stmt)
        if (seconds !== undefined) {
          setting = { seconds, line: stmt.line }
          continue
        }
        const { tables, isDdl } = touchedTablesOf(stmt)
        if (!isDdl || tables.length === 0 || (setting && setting.seconds <= MAX_WAIT_SECONDS) || hasWaitClause(stmt)) continue
        const existing = tables.filter((t) => !isCreatedEarlier(ctx, { file, stmt }, t))
        if (existing.length > 0) report(ctx, file, stmt, existing.map(tableLabel), setting)
      }
    }
  },
})

/** Reports one DDL statement that can queue every query on its tables behind it. */
function report(ctx: StaticContext, file: PendingFile, stmt: Statement, tables: string[], setting: { seconds: number; line: number } | undefined): void {
  const names = tables.join(', ')
  const wait = setting ? `lock_wait_timeout = ${setting.seconds} (line ${setting.line}), which is longer than ${MAX_WAIT_SECONDS} seconds` : 'lock_wait_timeout at its default of one year'
  ctx.report(
    { file, stmt },
    {
      message:
        `${verbOf(stmt)} needs an exclusive metadata lock on ${names} and waits for it with ${wait}: while it waits behind an open transaction ` +
        `that used ${tables.length > 1 ? 'them' : 'the table'}, every new query on ${tables.length > 1 ? 'them' : 'it'} queues behind it ("Waiting for table metadata lock").`,
      mitigation: 'Start the file with SET SESSION lock_wait_timeout = 5; (seconds) so the statement fails fast instead of stalling the table, and retry the migration later if it does (MariaDB also takes ALTER TABLE ... WAIT 5).',
      help: 'Even ALGORITHM=INSTANT and LOCK=NONE need the exclusive metadata lock at the start and end of the change; lock_wait_timeout bounds only that wait, not the work.',
      evidence: { tables, lockWaitTimeout: setting?.seconds ?? null },
      tables,
    },
  )
}

/** What the statement is, for the message: "ALTER TABLE", "CREATE INDEX", "DROP TABLE"... */
function verbOf(stmt: Statement): string {
  const keywords = unparsedKeywords(stmt)
  if (keywords) return keywords
  const keyword = typeof stmt.node.keyword === 'string' ? ` ${stmt.node.keyword.toUpperCase()}` : stmt.kind === 'truncate' || stmt.kind === 'rename' ? ' TABLE' : ''
  return `${stmt.kind.toUpperCase()}${stmt.kind === 'alter' ? ' TABLE' : keyword}`
}
