/**
 * Derives what the pending migrations touch: every table with the strongest lock needed, and
 * the lock each statement takes (carried into the JSON report).
 */
import { statementLocks } from '../dialects/postgres/locks.js'
import type { PendingFile, StatementRef, TouchedTable } from './define.js'
import { strongerLock } from '../dialects/postgres/locks.js'
import type { StatementLockSummary } from './report.js'

/** Tables touched by pending statements, in first-touched order. */
export function touchedTables(files: readonly PendingFile[], pgMajor: number): TouchedTable[] {
  const byTable = new Map<string, { table: string; lock: TouchedTable['lock']; statements: StatementRef[] }>()
  for (const file of files) {
    for (const stmt of file.parsed.statements) {
      for (const { table, lock } of statementLocks(stmt, pgMajor)) {
        const key = normaliseTable(table)
        const entry = byTable.get(key)
        if (entry) {
          entry.lock = strongerLock(entry.lock, lock)
          entry.statements.push({ file, stmt })
        } else {
          byTable.set(key, { table: key, lock, statements: [{ file, stmt }] })
        }
      }
    }
  }
  return [...byTable.values()]
}

/** The lock each pending statement takes, for the report. */
export function statementLockSummaries(files: readonly PendingFile[], pgMajor: number): StatementLockSummary[] {
  const out: StatementLockSummary[] = []
  for (const file of files) {
    for (const stmt of file.parsed.statements) {
      const tables = statementLocks(stmt, pgMajor).map((t) => ({ table: normaliseTable(t.table), lock: t.lock }))
      if (tables.length > 0) out.push({ file: file.migration.path, line: stmt.line, col: stmt.col, kind: stmt.kind, tables })
    }
  }
  return out
}

/** Unqualified names resolve to "public" (the default search_path), so both spellings match. */
export function normaliseTable(name: string): string {
  return name.includes('.') ? name : `public.${name}`
}
