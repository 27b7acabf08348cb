/**
 * What the pending MySQL migrations did before a given statement: tables they created (new and
 * empty, so dropping or locking them costs nothing) and session settings such as
 * foreign_key_checks. Shared by the mysql-* rules.
 */
import type { StatementRef, StaticContext } from '../../../engine/define.js'
import { foreignKeyChecksSetting } from '../../../dialects/mysql/online-ddl.js'
import { createdTables, isSameTable, type MysqlTable } from '../../../dialects/mysql/statements.js'

/** True when a pending CREATE TABLE before `ref` (in its file or an earlier one) created `table`. */
export function isCreatedEarlier(ctx: StaticContext, ref: StatementRef, table: MysqlTable): boolean {
  for (const earlier of ctx.statements('create')) {
    if (isAtOrAfter(ctx, earlier, ref)) return false
    if (createdTables(earlier.stmt).some((t) => isSameTable(t, table))) return true
  }
  return false
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
function isAtOrAfter(ctx: StaticContext, a: StatementRef, b: StatementRef): boolean {
  const fa = ctx.files.indexOf(a.file)
  const fb = ctx.files.indexOf(b.file)
  return fa > fb || (fa === fb && a.stmt.index >= b.stmt.index)
}
