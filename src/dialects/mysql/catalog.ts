/**
 * Catalog reads for the MySQL live checks: open InnoDB transactions with their sessions, and who
 * holds or waits for metadata locks on the tables the migration changes. Metadata locks are read
 * from performance_schema.metadata_locks where it is on (MySQL 8.0 default), else from MariaDB's
 * METADATA_LOCK_INFO plugin; with neither, holders can only be inferred from open transactions.
 * https://dev.mysql.com/doc/refman/8.4/en/performance-schema-metadata-locks-table.html
 * https://mariadb.com/kb/en/metadata-lock-info-plugin/
 */
import type { LiveContext, StatementRef } from '../../engine/define.js'
import { createdTables, isSameTable, touchedTablesOf, type MysqlTable } from './statements.js'

/** An open InnoDB transaction and the session that owns it. */
export interface MysqlTransaction {
  readonly threadId: number
  readonly user: string
  readonly host: string
  readonly db: string | null
  /** processlist COMMAND: "Sleep" for a session idle between statements. */
  readonly command: string
  readonly state: string | null
  /** Seconds in the current command (for Sleep: idle for). */
  readonly stateSeconds: number
  readonly ageSeconds: number
  readonly rowsLocked: number
  readonly rowsModified: number
  /** The running statement, literals masked; empty when idle. */
  readonly query: string
}

/** A metadata lock on a table, held or waited for by another session. */
export interface MetadataLock {
  readonly table: string
  readonly lockType: string
  readonly isGranted: boolean
  readonly threadId: number
  readonly user: string
  readonly host: string
  readonly command: string
  readonly stateSeconds: number
  readonly query: string
}

/** Where metadata-lock facts came from: exact tables, or inferred from open transactions. */
export type MetadataLockSource = 'performance_schema' | 'metadata_lock_info' | 'inferred'

/** The metadata locks on the given tables, and sessions already queued for one. */
export interface MetadataLockSnapshot {
  readonly source: MetadataLockSource
  readonly locks: readonly MetadataLock[]
  /** Sessions in state "Waiting for table metadata lock" (any table when inferred). */
  readonly waiting: readonly MysqlTransaction[]
}

/**
 * Open InnoDB transactions of other sessions working in the target database (processlist DB),
 * oldest first; read once per run. Like PostgreSQL's per-database view, sessions whose default
 * database is another one are not listed, though they could reach these tables by qualified name.
 */
export function readTransactions(ctx: LiveContext): Promise<MysqlTransaction[]> {
  return ctx.memo('mysql:transactions', async () => {
    const rows = await ctx.db.query<Record<string, unknown>>(
      `SELECT t.trx_mysql_thread_id AS thread_id, p.USER AS user, p.HOST AS host, p.DB AS db, p.COMMAND AS command,
              p.STATE AS state, p.TIME AS state_seconds, p.INFO AS query,
              TIMESTAMPDIFF(SECOND, t.trx_started, NOW()) AS age_seconds, t.trx_rows_locked AS rows_locked, t.trx_rows_modified AS rows_modified
         FROM information_schema.innodb_trx t
         LEFT JOIN information_schema.processlist p ON p.ID = t.trx_mysql_thread_id
        WHERE t.trx_mysql_thread_id <> CONNECTION_ID() AND p.DB = DATABASE()
        ORDER BY t.trx_started, t.trx_mysql_thread_id`,
    )
    return rows.map(toTransaction)
  })
}

/** Sessions of the target database queued for a metadata lock right now, from the processlist. */
async function readMetadataLockWaiters(ctx: LiveContext): Promise<MysqlTransaction[]> {
  const rows = await ctx.db.query<Record<string, unknown>>(
    `SELECT ID AS thread_id, USER AS user, HOST AS host, DB AS db, COMMAND AS command, STATE AS state, TIME AS state_seconds, INFO AS query,
            TIME AS age_seconds, 0 AS rows_locked, 0 AS rows_modified
       FROM information_schema.processlist
      WHERE STATE LIKE 'Waiting for table metadata lock%' AND ID <> CONNECTION_ID() AND DB = DATABASE()
      ORDER BY TIME DESC, ID`,
  )
  return rows.map(toTransaction)
}

/** Reads metadata locks of other sessions on `tables` (qualified "db.table") from the best source available. */
export async function readMetadataLocks(ctx: LiveContext, tables: readonly string[]): Promise<MetadataLockSnapshot> {
  const source = await metadataLockSource(ctx)
  const waiting = await readMetadataLockWaiters(ctx)
  if (source === 'inferred' || tables.length === 0) return { source, locks: [], waiting }
  const pairs = tables.map((t) => t.split('.'))
  const match = pairs.map(() => '(schema_name = ? AND table_name = ?)').join(' OR ')
  const params = pairs.flatMap(([db, table]) => [db, table])
  const sql =
    source === 'performance_schema'
      ? `SELECT * FROM (
           SELECT ml.OBJECT_SCHEMA AS schema_name, ml.OBJECT_NAME AS table_name, ml.LOCK_TYPE AS lock_type, ml.LOCK_STATUS AS lock_status,
                  th.PROCESSLIST_ID AS thread_id, th.PROCESSLIST_USER AS user, th.PROCESSLIST_HOST AS host, th.PROCESSLIST_COMMAND AS command,
                  th.PROCESSLIST_TIME AS state_seconds, th.PROCESSLIST_INFO AS query
             FROM performance_schema.metadata_locks ml
             JOIN performance_schema.threads th ON th.THREAD_ID = ml.OWNER_THREAD_ID
            WHERE ml.OBJECT_TYPE = 'TABLE' AND th.PROCESSLIST_ID IS NOT NULL AND th.PROCESSLIST_ID <> CONNECTION_ID()
         ) l WHERE ${match} ORDER BY schema_name, table_name, thread_id`
      : `SELECT * FROM (
           SELECT m.TABLE_SCHEMA AS schema_name, m.TABLE_NAME AS table_name, m.LOCK_MODE AS lock_type, 'GRANTED' AS lock_status,
                  p.ID AS thread_id, p.USER AS user, p.HOST AS host, p.COMMAND AS command, p.TIME AS state_seconds, p.INFO AS query
             FROM information_schema.METADATA_LOCK_INFO m
             JOIN information_schema.processlist p ON p.ID = m.THREAD_ID
            WHERE m.THREAD_ID <> CONNECTION_ID()
         ) l WHERE ${match} ORDER BY schema_name, table_name, thread_id`
  const rows = await ctx.db.query<Record<string, unknown>>(sql, params)
  return {
    source,
    waiting,
    locks: rows.map((r) => ({
      table: `${String(r.schema_name)}.${String(r.table_name)}`,
      lockType: String(r.lock_type),
      isGranted: String(r.lock_status) === 'GRANTED',
      threadId: Number(r.thread_id),
      user: String(r.user ?? ''),
      host: String(r.host ?? ''),
      command: String(r.command ?? ''),
      stateSeconds: Number(r.state_seconds ?? 0),
      query: maskMysqlQuery(r.query as string | null),
    })),
  }
}

/**
 * performance_schema when it is on and its metadata-lock instrument is enabled, else the MariaDB
 * plugin when installed, else inference from open transactions.
 */
async function metadataLockSource(ctx: LiveContext): Promise<MetadataLockSource> {
  const [row] = await ctx.db.query<{ ps: number | string | null; plugin: number | string | null }>(
    `SELECT @@performance_schema AS ps,
            (SELECT COUNT(*) FROM information_schema.plugins WHERE plugin_name = 'METADATA_LOCK_INFO' AND plugin_status = 'ACTIVE') AS plugin`,
  )
  if (Number(row?.ps) === 1) {
    const [instrument] = await ctx.db.query<{ enabled: string }>(
      `SELECT ENABLED AS enabled FROM performance_schema.setup_instruments WHERE NAME = 'wait/lock/metadata/sql/mdl'`,
    )
    if (instrument?.enabled === 'YES') return 'performance_schema'
  }
  return Number(row?.plugin) > 0 ? 'metadata_lock_info' : 'inferred'
}

/** A table the pending DDL changes, qualified with the connection's database, and the first statement that does. */
export interface DdlTable {
  readonly table: string
  readonly at: StatementRef
}

/** Tables the pending DDL changes, in first-touched order; tables the pending set creates are left out. */
export function ddlTables(ctx: LiveContext): DdlTable[] {
  const out: DdlTable[] = []
  const created: MysqlTable[] = []
  for (const file of ctx.pending) {
    for (const stmt of file.parsed.statements) {
      const { tables, isDdl } = touchedTablesOf(stmt)
      for (const t of isDdl ? tables : []) {
        const name = `${t.db ?? ctx.server.database}.${t.table}`
        if (!created.some((c) => isSameTable(c, t)) && !out.some((o) => o.table === name)) out.push({ table: name, at: { file, stmt } })
      }
      created.push(...createdTables(stmt))
    }
  }
  return out
}

/** Which of the qualified names exist on the target. */
export async function existingTables(ctx: LiveContext, tables: readonly string[]): Promise<Set<string>> {
  if (tables.length === 0) return new Set()
  const rows = await ctx.db.query<{ name: string }>(
    `SELECT CONCAT(table_schema, '.', table_name) AS name FROM information_schema.tables
      WHERE (table_schema, table_name) IN (${tables.map(() => '(?, ?)').join(', ')})`,
    tables.flatMap((t) => t.split('.')),
  )
  return new Set(rows.map((r) => r.name))
}

/** One session, for a summary: "thread 42 (app@10.0.0.5, idle for 35 s, transaction open 40 s)". */
export function describeTransaction(t: MysqlTransaction): string {
  const activity = t.command === 'Sleep' ? `idle for ${t.stateSeconds} s` : `running ${t.query ? `"${t.query.slice(0, 60)}"` : t.command} for ${t.stateSeconds} s`
  return `thread ${t.threadId} (${t.user}@${hostOnly(t.host)}, transaction open ${t.ageSeconds} s, ${activity})`
}

/** A session as evidence. */
export function transactionEvidence(t: MysqlTransaction): Record<string, unknown> {
  return {
    threadId: t.threadId,
    user: t.user,
    host: t.host,
    db: t.db,
    command: t.command,
    state: t.state,
    ageSeconds: t.ageSeconds,
    stateSeconds: t.stateSeconds,
    rowsLocked: t.rowsLocked,
    rowsModified: t.rowsModified,
    query: t.query,
  }
}

/** The client host without its port ("10.0.0.5:53422" -> "10.0.0.5"). */
function hostOnly(host: string): string {
  return host.replace(/:\d+$/, '')
}

/** Shapes a processlist/innodb_trx row. */
function toTransaction(r: Record<string, unknown>): MysqlTransaction {
  return {
    threadId: Number(r.thread_id),
    user: String(r.user ?? ''),
    host: String(r.host ?? ''),
    db: r.db == null ? null : String(r.db),
    command: String(r.command ?? ''),
    state: r.state == null || r.state === '' ? null : String(r.state),
    stateSeconds: Number(r.state_seconds ?? 0),
    ageSeconds: Number(r.age_seconds ?? 0),
    rowsLocked: Number(r.rows_locked ?? 0),
    rowsModified: Number(r.rows_modified ?? 0),
    query: maskMysqlQuery(r.query as string | null),
  }
}

/**
 * Masks literals in MySQL query text before it reaches a report: '...' and "..." strings (with
 * backslash escapes), hex and numeric literals become ?, comments are dropped, at most 200 characters.
 * Query text can hold passwords and personal data; its shape is enough to recognise it.
 */
export function maskMysqlQuery(text: string | null | undefined, max = 200): string {
  if (!text) return ''
  const masked = text
    .replace(/'(?:[^'\\]|\\[\s\S]|'')*('|$)|"(?:[^"\\]|\\[\s\S]|"")*("|$)/g, '?')
    .replace(/(--[ \t]|#)[^\n]*|\/\*(?![!+])[\s\S]*?(\*\/|$)/g, ' ')
    .replace(/\b(0x[0-9a-f]+|\d+(\.\d+)?(e[+-]?\d+)?)\b/gi, '?')
    .replace(/\s+/g, ' ')
    .trim()
  return masked.length > max ? `${masked.slice(0, max)}...` : masked
}

/** ER_SPECIFIC_ACCESS_DENIED_ERROR: reading other sessions' transactions needs the PROCESS privilege. */
const ER_SPECIFIC_ACCESS_DENIED_ERROR = 1227

/** True when a catalog read failed for want of the PROCESS privilege. */
export function isMissingProcessPrivilege(error: unknown): boolean {
  return (error as { errno?: unknown })?.errno === ER_SPECIFIC_ACCESS_DENIED_ERROR
}

/** The skip reason when the PROCESS privilege is missing. */
export const NEEDS_PROCESS_PRIVILEGE =
  'The preflight login lacks the PROCESS privilege, so other sessions\' transactions and locks cannot be seen (information_schema.innodb_trx). GRANT PROCESS ON *.* TO the preflight user.'
