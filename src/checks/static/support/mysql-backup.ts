/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser ASTs are untyped JSON, as Statement.node is typed */
/**
 * Backup evidence for the destructive MySQL rules: the `-- preflight:backup` directive, or a copy
 * of the table made earlier in the pending set, the way their mitigations suggest
 * (CREATE TABLE t_backup AS SELECT * FROM t; or CREATE TABLE t_backup LIKE t; INSERT INTO t_backup
 * SELECT * FROM t). With evidence the finding stays, as info carrying it, as in backup-evidence.ts
 * for PostgreSQL, whose copy detection reads PostgreSQL ASTs only.
 */
import type { FindingInput, StatementRef, StaticContext } from '../../../engine/define.js'
import { isSameTable, tableLabel, type MysqlTable } from '../../../dialects/mysql/statements.js'
import { backupFields, backupNote, findBackup, type BackupEvidence } from './backup-evidence.js'
import { isAtOrAfter } from './mysql-pending.js'

/** What loses data: the tables (every one needs a copy) and, for DROP COLUMN, the columns (the copy must hold each). */
export interface MysqlBackupQuery {
  readonly tables: readonly MysqlTable[]
  readonly columns?: readonly string[]
}

/** Reports a destructive finding: as an error, or as info with the evidence when a backup is declared or a copy made. */
export function reportMysqlDestructive(ctx: StaticContext, ref: StatementRef, finding: FindingInput, query: MysqlBackupQuery): void {
  const backup = findBackup(ctx, ref, { accept: ['directive'] }) ?? findMysqlCopies(ctx, ref, query)
  if (!backup) {
    ctx.report(ref, finding)
    return
  }
  const fields = backupFields(backup)
  ctx.report(ref, { ...finding, message: finding.message + backupNote(backup), severity: fields.severity, evidence: { ...finding.evidence, ...fields.evidence } })
}

/** Copy evidence when an earlier pending statement copies every row of each table (with the column, if one is named). */
function findMysqlCopies(ctx: StaticContext, ref: StatementRef, query: MysqlBackupQuery): BackupEvidence | undefined {
  if (query.tables.length === 0) return undefined
  const copies = query.tables.map((table) => findCopy(ctx, ref, table, query.columns ?? []))
  return copies.every((c): c is string => c !== undefined) ? { kind: 'copy', reference: copies.join('; ') } : undefined
}

/** Where an earlier pending statement copies every row of `table` (with `columns`) into a lasting table, or undefined. */
function findCopy(ctx: StaticContext, ref: StatementRef, table: MysqlTable, columns: readonly string[]): string | undefined {
  const temporary: MysqlTable[] = []
  for (const earlier of ctx.statements(['create', 'insert'])) {
    if (isAtOrAfter(ctx, earlier, ref)) return undefined
    if (earlier.stmt.kind === 'create' && earlier.stmt.node.temporary) temporary.push(...tablesOf(earlier.stmt.node.table))
    const copy = copyOf(earlier.stmt.node)
    if (!copy || !isSameTable(copy.source, table) || temporary.some((t) => isSameTable(t, copy.target))) continue
    if (!copy.hasStar && (columns.length === 0 || !columns.every((c) => copy.columns.includes(c.toLowerCase())))) continue
    return `${tableLabel(copy.target)} copied at ${earlier.file.migration.path}:${earlier.stmt.line}`
  }
  return undefined
}

/** Reads CREATE TABLE ... [AS] SELECT and INSERT INTO ... SELECT as a copy of one whole table, or undefined. */
function copyOf(node: Record<string, any>): { target: MysqlTable; source: MysqlTable; hasStar: boolean; columns: string[] } | undefined {
  const isCreate = node.type === 'create' && node.keyword === 'table' && !node.temporary
  const select = isCreate ? node.query_expr : node.type === 'insert' ? node.values : undefined
  const target = tablesOf(node.table)[0]
  if (!target || select?.type !== 'select') return undefined
  // A filtered, limited or joined copy does not hold every row as it was.
  if (select.where || select.limit?.value?.length > 0 || !Array.isArray(select.from) || select.from.length !== 1) return undefined
  const source = tablesOf(select.from)[0]
  if (!source) return undefined
  const refs: any[] = (Array.isArray(select.columns) ? select.columns : []).map((c: any) => c?.expr)
  const hasStar = select.columns === '*' || refs.some((e) => e?.type === 'column_ref' && e.column === '*')
  const columns = refs.filter((e) => e?.type === 'column_ref' && typeof e.column === 'string').map((e) => String(e.column).toLowerCase())
  return { target, source, hasStar, columns }
}

/** The {db, table} entries of a node-sql-parser table list. */
function tablesOf(list: unknown): MysqlTable[] {
  const items = Array.isArray(list) ? list : list ? [list] : []
  return items
    .filter((e: any) => e && typeof e.table === 'string')
    .map((e: any) => ({ db: typeof e.db === 'string' && e.db !== '' ? e.db : null, table: e.table }))
}
