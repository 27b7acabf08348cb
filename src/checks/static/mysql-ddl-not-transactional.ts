import { defineStaticRule } from '../../engine/define.js'
import type { Statement } from '../../dialects/postgres/parser.js'
import { isDdl, isRerunnable, schemaObjectOf } from '../../dialects/mysql/statements.js'

/**
 * MySQL commits implicitly before and after every DDL statement, even inside BEGIN ... COMMIT
 * (https://dev.mysql.com/doc/refman/8.4/en/implicit-commit.html). A file with several DDL
 * statements that fails part-way stays half-applied: the statements before the failure are
 * committed, the tool marks the migration failed (golang-migrate: dirty), and running the file
 * again fails on the first statement that already ran. Files whose DDL is all re-runnable
 * (IF NOT EXISTS / IF EXISTS, ALTERs that only set a state such as MODIFY or CONVERT TO, a CREATE
 * after DROP ... IF EXISTS of the same object, a DROP of an object the file creates first) are
 * not reported.
 */
export default defineStaticRule({
  id: 'mysql-ddl-not-transactional',
  title: 'One DDL statement per migration file (MySQL)',
  severity: 'warning',
  dialects: ['mysql'],
  run(ctx) {
    for (const file of ctx.files) {
      const ddl = file.parsed.statements.filter(isDdl)
      if (ddl.length < 2) continue
      // The last statement never needs to run again after a failure of its own.
      const blocking = ddl.slice(0, -1).filter((s) => !isRerunnableInFile(s, ddl))
      if (blocking.length === 0) continue
      const second = ddl[1]!
      ctx.report(
        { file, stmt: second },
        {
          message: `This file runs ${ddl.length} DDL statements and MySQL commits each one at once: if a later one fails, the earlier ones stay applied, and running the file again fails at line ${blocking[0]!.line} (already done).`,
          mitigation: 'Put each DDL statement in its own migration file, or make every statement re-runnable (CREATE TABLE IF NOT EXISTS, DROP ... IF EXISTS; on MariaDB also ADD COLUMN IF NOT EXISTS).',
          help: 'Wrapping the file in BEGIN ... COMMIT does not help: DDL commits the open transaction. After a half-applied run, fix the database by hand, then mark the version (e.g. migrate force <version>).',
          evidence: { ddlStatements: ddl.length, lines: ddl.map((s) => s.line), notRerunnable: blocking.map((s) => s.line) },
        },
      )
    }
  },
})

/**
 * True when `stmt` succeeds again on a re-run of the whole file: it is re-runnable on its own, or
 * it creates an object an earlier DROP ... IF EXISTS removes first, or drops an object the file
 * created earlier (the re-run creates it again before dropping it).
 */
function isRerunnableInFile(stmt: Statement, ddl: readonly Statement[]): boolean {
  if (isRerunnable(stmt)) return true
  const object = schemaObjectOf(stmt)
  if (!object) return false
  const before = ddl.filter((s) => s.index < stmt.index)
  const isSame = (s: Statement): boolean => {
    const other = schemaObjectOf(s)
    return other !== undefined && other.type === object.type && other.name === object.name
  }
  if (stmt.kind === 'drop') return before.some((s) => s.kind !== 'drop' && isSame(s))
  return before.some((s) => s.kind === 'drop' && isRerunnable(s) && isSame(s))
}
