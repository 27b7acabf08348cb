import { defineLiveCheck, outcome, type FindingInput, type LiveContext, type LiveOutcome, type ReportTarget } from '../../engine/define.js'
import {
  ddlTables,
  describeTransaction,
  existingTables,
  isMissingProcessPrivilege,
  NEEDS_PROCESS_PRIVILEGE,
  readMetadataLocks,
  readTransactions,
  transactionEvidence,
  type DdlTable,
  type MetadataLock,
  type MetadataLockSnapshot,
} from '../../dialects/mysql/catalog.js'

/** A holder whose statement started less than this long ago, and is running, is ordinary traffic: warn, do not fail. */
const TRANSIENT_SECONDS = 1

const MITIGATION =
  'Wait for these sessions to finish and run preflight again. If one is stuck or abandoned, KILL <thread id> ends it and rolls back its transaction (ask its owner first). ' +
  'Run the migration with SET SESSION lock_wait_timeout = 5 (seconds) so it gives up instead of stalling the table. See runbook/mysql-metadata-locks.md.'

/**
 * Every DDL statement needs an exclusive metadata lock on its table, at least briefly, and waits
 * for every session holding any metadata lock on it: a transaction that so much as read the table
 * holds one until it ends. While the ALTER waits, every later query on the table queues behind it.
 * https://dev.mysql.com/doc/refman/8.4/en/metadata-locking.html
 */
export default defineLiveCheck({
  id: 'mysql-metadata-locks',
  title: 'No session holds a metadata lock the migration must wait for (MySQL)',
  category: 'locks',
  severity: 'error',
  dialects: ['mysql'],
  async run(ctx) {
    const wanted = ddlTables(ctx)
    if (wanted.length === 0) return outcome.skip('No pending DDL statement changes an existing table.')
    const existing = await existingTables(ctx, wanted.map((w) => w.table))
    const tables = wanted.filter((w) => existing.has(w.table))
    if (tables.length === 0) return outcome.pass('The pending DDL changes only tables that do not exist yet: nobody else can hold locks on them.', { tables: [] })
    try {
      const snapshot = await readMetadataLocks(ctx, tables.map((t) => t.table))
      return snapshot.source === 'inferred' ? await inferredOutcome(ctx, tables, snapshot) : exactOutcome(tables, snapshot)
    } catch (error) {
      if (isMissingProcessPrivilege(error)) return outcome.skip(NEEDS_PROCESS_PRIVILEGE)
      throw error
    }
  },
})

/** Grades exact metadata locks: a granted lock or a queued request on a touched table. */
function exactOutcome(tables: readonly DdlTable[], snapshot: MetadataLockSnapshot): LiveOutcome {
  const source = snapshot.source === 'performance_schema' ? 'performance_schema.metadata_locks' : 'information_schema.METADATA_LOCK_INFO'
  const evidence = { source, tables: tables.map((t) => t.table), locks: snapshot.locks.map(lockEvidence) }
  if (snapshot.locks.length === 0) return outcome.pass(`No other session holds or waits for a metadata lock on ${tables.map((t) => t.table).join(', ')} (${source}).`, evidence)
  const findings: (FindingInput & { at?: ReportTarget })[] = snapshot.locks.map((lock) => {
    const at = tables.find((t) => t.table === lock.table)?.at
    const who = describeLock(lock)
    return {
      message: lock.isGranted
        ? `${who} holds a ${lock.lockType} metadata lock on ${lock.table}: the DDL here waits for that transaction to end, and every later query on ${lock.table} queues behind it.`
        : `${who} already waits for a ${lock.lockType} metadata lock on ${lock.table}: the DDL here would queue behind it.`,
      mitigation: MITIGATION,
      severity: isTransient(lock) ? 'warning' : 'error',
      evidence: lockEvidence(lock),
      tables: [lock.table],
      ...(at ? { at } : {}),
    }
  })
  const isFail = findings.some((f) => f.severity === 'error')
  const summary = `${snapshot.locks.length} metadata lock${snapshot.locks.length === 1 ? '' : 's'} of other sessions on tables the migration alters: ${findings[0]!.message}`
  return { status: isFail ? 'fail' : 'warn', summary, mitigation: MITIGATION, evidence, findings }
}

/**
 * Without performance_schema's metadata-lock instrument (MariaDB's default) or the
 * METADATA_LOCK_INFO plugin, which tables a transaction used cannot be seen: every open
 * transaction may hold a metadata lock on them, and sessions already queued for one are certain trouble.
 */
async function inferredOutcome(ctx: LiveContext, tables: readonly DdlTable[], snapshot: MetadataLockSnapshot): Promise<LiveOutcome> {
  const names = tables.map((t) => t.table)
  const open = (await readTransactions(ctx)).filter((t) => t.ageSeconds >= TRANSIENT_SECONDS || t.command === 'Sleep')
  const note =
    'performance_schema metadata-lock instrumentation is off and the METADATA_LOCK_INFO plugin is not installed, so which tables a transaction used cannot be seen; ' +
    'every open transaction is a possible holder. Enable wait/lock/metadata/sql/mdl in performance_schema (MySQL) or INSTALL SONAME \'metadata_lock_info\' (MariaDB) for exact answers.'
  const evidence = { source: 'inferred from information_schema.innodb_trx and processlist', tables: names, waiting: snapshot.waiting.map(transactionEvidence), openTransactions: open.map(transactionEvidence), note }
  if (snapshot.waiting.length > 0) {
    const queued = snapshot.waiting.filter((w) => names.some((n) => mentions(w.query, n)))
    const shown = queued.length > 0 ? queued : snapshot.waiting
    return outcome.fail(
      `${shown.length} session${shown.length === 1 ? ' is' : 's are'} already waiting for a metadata lock${queued.length > 0 ? ` on ${names.join(', ')}` : ''}: ${shown.map(describeTransaction).join('; ')}. The DDL would queue behind ${shown.length === 1 ? 'it' : 'them'}, and every later query behind the DDL.`,
      MITIGATION,
      evidence,
    )
  }
  if (open.length > 0) {
    return outcome.warn(
      `${open.length} open transaction${open.length === 1 ? '' : 's'} may hold metadata locks on ${names.join(', ')}: ${open.map(describeTransaction).join('; ')}. If one used these tables, the DDL waits for it to end and every later query on the table queues behind the DDL. (${note})`,
      MITIGATION,
      evidence,
    )
  }
  return outcome.pass(`No open transaction and no session waiting for a metadata lock, so nothing can hold one on ${names.join(', ')}.`, evidence)
}

/** True when the (masked) query text names the table, with or without its database. */
function mentions(query: string, qualified: string): boolean {
  const table = qualified.split('.').pop()!
  return new RegExp(`(^|[^A-Za-z0-9_$])\`?${table.replace(/[$]/g, '\\$')}\`?([^A-Za-z0-9_$]|$)`, 'i').test(query)
}

/** A running statement that just started is ordinary traffic; an idle holder is not going away by itself. */
function isTransient(lock: MetadataLock): boolean {
  return lock.command !== 'Sleep' && lock.stateSeconds < TRANSIENT_SECONDS
}

/** "thread 42 (app@10.0.0.5, idle for 35 s)". */
function describeLock(lock: MetadataLock): string {
  const activity = lock.command === 'Sleep' ? `idle for ${lock.stateSeconds} s` : `running ${lock.query ? `"${lock.query.slice(0, 60)}"` : lock.command} for ${lock.stateSeconds} s`
  return `Thread ${lock.threadId} (${lock.user}@${lock.host.replace(/:\d+$/, '')}, ${activity})`
}

/** A lock as evidence. */
function lockEvidence(lock: MetadataLock): Record<string, unknown> {
  return { table: lock.table, lockType: lock.lockType, granted: lock.isGranted, threadId: lock.threadId, user: lock.user, host: lock.host, command: lock.command, stateSeconds: lock.stateSeconds, query: lock.query }
}
