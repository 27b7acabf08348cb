/**
 * Joins what the pending statements need (ctx.touched, from locks.ts) with what the target's
 * sessions hold: which pending statement a held lock would block, and how to name it.
 */
import type { LiveContext, StatementRef, TouchedTable } from '../../../engine/define.js'
import type { LockMode } from '../../../engine/model.js'
import { locksConflict } from '../../../dialects/postgres/lock-conflicts.js'
import { statementLocks } from '../../../dialects/postgres/locks.js'
import { normaliseTable } from '../../../engine/pending.js'

/** A pending statement and the lock it takes on one table. */
export interface StatementLock {
  readonly ref: StatementRef
  readonly lock: LockMode
}

/** The first pending statement on `touched.table` whose lock conflicts with `mode` (held or awaited by someone else). */
export function firstConflictingStatement(ctx: LiveContext, touched: TouchedTable, mode: LockMode): StatementLock | undefined {
  const major = Math.floor(ctx.server.major)
  for (const ref of touched.statements) {
    for (const { table, lock } of statementLocks(ref.stmt, major)) {
      if (normaliseTable(table) === touched.table && locksConflict(lock, mode)) return { ref, lock }
    }
  }
  return undefined
}

/** Touched tables by name. */
export function touchedByName(ctx: LiveContext): ReadonlyMap<string, TouchedTable> {
  return new Map(ctx.touched.map((t) => [t.table, t]))
}

const STATEMENT_WORDS: Readonly<Record<string, string>> = {
  AlterTableStmt: 'ALTER TABLE',
  IndexStmt: 'CREATE INDEX',
  DropStmt: 'DROP',
  TruncateStmt: 'TRUNCATE',
  RenameStmt: 'RENAME',
  ReindexStmt: 'REINDEX',
  VacuumStmt: 'VACUUM',
  ClusterStmt: 'CLUSTER',
  RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
  InsertStmt: 'INSERT',
  UpdateStmt: 'UPDATE',
  DeleteStmt: 'DELETE',
  MergeStmt: 'MERGE',
  CreateTrigStmt: 'CREATE TRIGGER',
  RuleStmt: 'CREATE RULE',
  LockStmt: 'LOCK TABLE',
  CreateStmt: 'CREATE TABLE',
  CreateExtensionStmt: 'CREATE EXTENSION',
  CommentStmt: 'COMMENT',
}

/** The statement's command words, e.g. "ALTER TABLE". */
export function statementWords(ref: StatementRef): string {
  return STATEMENT_WORDS[ref.stmt.kind] ?? ref.stmt.text.split(/\s+/, 2).join(' ').toUpperCase()
}

/** "ALTER TABLE at db/001_add.sql:3:1". */
export function describeStatement(ref: StatementRef): string {
  return `${statementWords(ref)} at ${ref.file.migration.path}:${ref.stmt.line}:${ref.stmt.col}`
}
