/**
 * What the pending MySQL migrations did before a given statement: tables they created (new and
 * empty, so dropping or locking them costs nothing) and session settings such as
 * foreign_key_checks. Shared by the mysql-* rules.
 */
import type { StatementRef, StaticContext } from '../../../engine/define.js'
import { foreignKeyChecksSetting } from '../../../dialects/mysql/online-ddl.js'
import { UNPARSED } from '../../../dialects/mysql/parser.js'
import { addedColumns, alterItemColumn, alterItems, alteredTable, columnTypeOf, createdTables, isSameTable, type MysqlTable } from '../../../dialects/mysql/statements.js'

/** True when a pending CREATE TABLE before `ref` (in its file or an earlier one) created `table`. */
export function isCreatedEarlier(ctx: StaticContext, ref: StatementRef, table: MysqlTable): boolean {
  // Unparsed too: node-sql-parser rejects whole CREATE TABLEs over one column clause (createdTables reads their head).
  for (const earlier of ctx.statements(['create', UNPARSED])) {
    if (isAtOrAfter(ctx, earlier, ref)) return false
    if (createdTables(earlier.stmt).some((t) => isSameTable(t, table))) return true
  }
  return false
}

/** True when a pending ALTER TABLE before `ref` added `column` (any case) to `table`: it holds no older values. */
export function isColumnAddedEarlier(ctx: StaticContext, ref: StatementRef, table: MysqlTable, column: string): boolean {
  for (const earlier of ctx.statements('alter')) {
    if (isAtOrAfter(ctx, earlier, ref)) return false
    const altered = alteredTable(earlier.stmt)
    if (altered && isSameTable(altered, table) && addedColumns(earlier.stmt).includes(column.toLowerCase())) return true
  }
  return false
}

/**
 * The data types pending ALTER TABLEs before `ref` gave columns of `table` (ADD, MODIFY, CHANGE),
 * by lower-case column name: what a later MODIFY changes from, when the pending set says it.
 */
export function columnTypesBefore(ctx: StaticContext, ref: StatementRef, table: MysqlTable): Map<string, string> {
  const types = new Map<string, string>()
  for (const earlier of ctx.statements('alter')) {
    if (isAtOrAfter(ctx, earlier, ref)) break
    const altered = alteredTable(earlier.stmt)
    if (!altered || !isSameTable(altered, table)) continue
    for (const item of alterItems(earlier.stmt)) {
      if (item.resource !== 'column' || !['add', 'modify', 'change'].includes(item.action)) continue
      const type = columnTypeOf(item)
      const column = item.action === 'change' ? alterItemColumn({ column: item.column }) : alterItemColumn(item)
      if (column && type) types.set(column, type)
    }
  }
  return types
}

/** True when the file's last SET foreign_key_checks before `ref` turned it off (the setting lasts for the session). */
export function isForeignKeyChecksOffBefore(ref: StatementRef): boolean {
  let setting: 'on' | 'off' | undefined
  for (const s of ref.file.parsed.statements) {
    if (s.index >= ref.stmt.index) break
    setting = foreignKeyChecksSetting(s) ?? setting
  }
  return setting === 'off'
}

/** True when `a` runs at or after `b` in pending order. */
export function isAtOrAfter(ctx: StaticContext, a: StatementRef, b: StatementRef): boolean {
  const fa = ctx.files.indexOf(a.file)
  const fb = ctx.files.indexOf(b.file)
  return fa > fb || (fa === fb && a.stmt.index >= b.stmt.index)
}
