/**
 * The tables pending MySQL statements touch, in the engine's TouchedTable shape. MySQL has no
 * PostgreSQL lock modes: DDL, which needs an exclusive metadata lock, is recorded as ACCESS
 * EXCLUSIVE and row changes (shared metadata lock, row locks) as ROW EXCLUSIVE, the nearest equivalents.
 */
import type { PendingFile, StatementRef, TouchedTable } from '../../engine/define.js'
import { touchedTablesOf } from './statements.js'

/** Tables touched by pending statements, qualified with `database` when unqualified, in first-touched order. */
export function mysqlTouchedTables(files: readonly PendingFile[], database: string): TouchedTable[] {
  const byTable = new Map<string, { table: string; lock: TouchedTable['lock']; statements: StatementRef[] }>()
  for (const file of files) {
    for (const stmt of file.parsed.statements) {
      const { tables, isDdl } = touchedTablesOf(stmt)
      const lock = isDdl ? 'ACCESS EXCLUSIVE' : 'ROW EXCLUSIVE'
      for (const t of tables) {
        const key = `${t.db ?? database}.${t.table}`
        const entry = byTable.get(key)
        if (!entry) byTable.set(key, { table: key, lock, statements: [{ file, stmt }] })
        else {
          if (isDdl) entry.lock = 'ACCESS EXCLUSIVE'
          entry.statements.push({ file, stmt })
        }
      }
    }
  }
  return [...byTable.values()]
}
