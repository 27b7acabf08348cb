/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { executedStatements, viaSuffix, type ExecutedStatement } from './support/executed-sql.js'
import { carried } from './support/carry.js'
import { defineStaticRule, type StaticContext } from '../../engine/define.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { lockEffect, lockEvidence } from './support/locking.js'
import { quoteIdent, relationOf } from './support/sql-names.js'
import { gradeBySize, withSize } from './support/table-size.js'

/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const SEVERITY = 'error'

/**
 * SET NOT NULL takes an ACCESS EXCLUSIVE lock and scans the whole table for NULLs. From
 * PostgreSQL 12 the scan is skipped when a valid CHECK (col IS NOT NULL) constraint already
 * proves it (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-SET-DROP-NOT-NULL):
 * add that check NOT VALID, VALIDATE it (no blocking), then SET NOT NULL.
 */
export default defineStaticRule({
  id: 'set-not-null-scans-table',
  title: 'Set NOT NULL without a full scan under ACCESS EXCLUSIVE',
  category: 'locks',
  severity: SEVERITY,
  run(ctx) {
    // Constraints proving columns NOT NULL, from every earlier statement: carried across shards.
    const proofs = carried(ctx, ProvenNotNull, () => new ProvenNotNull())
    // Statements inside DO blocks and called functions set NOT NULL too.
    for (const ref of executedStatements(ctx, 'AlterTableStmt')) {
      const n = ref.node
      const table = relationOf(n.relation)
      if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE')) continue
      for (const c of n.cmds ?? []) {
        const cmd = c.AlterTableCmd ?? {}
        const column = notNullTarget(cmd)
        if (column !== undefined) {
          if (!isCreatedBefore(ctx, ref, table.key) && !(ctx.postgresVersion >= 12 && proofs.isProven(table.key, column))) {
            report(ctx, ref, table.key, table.display, column, proofs.hasUnvalidated(table.key, column))
          }
        }
        // Record after checking: a proof in the same statement is validated in the same scan.
        proofs.record(table.key, cmd)
      }
    }
  },
})

/** The column a sub-command makes NOT NULL with a scan: SET NOT NULL, or (18+) ADD CONSTRAINT ... NOT NULL col without NOT VALID. */
function notNullTarget(cmd: Record<string, any>): string | undefined {
  if (cmd.subtype === 'AT_SetNotNull' && typeof cmd.name === 'string') return cmd.name
  const con = cmd.def?.Constraint
  if (cmd.subtype === 'AT_AddConstraint' && con?.contype === 'CONSTR_NOTNULL' && !con.skip_validation) {
    return con.keys?.[0]?.String?.sval
  }
  return undefined
}

/** Reports one SET NOT NULL that scans. */
function report(ctx: StaticContext, ref: ExecutedStatement, key: string, display: string, column: string, hasUnvalidated: boolean): void {
  const lock = 'ACCESS EXCLUSIVE'
  const col = quoteIdent(column)
  const check = quoteIdent(`${key.slice(key.indexOf('.') + 1)}_${column}_not_null`)
  const isOld = ctx.postgresVersion < 12
  const grade = gradeBySize(ctx, key, SEVERITY)
  ctx.report(ref, {
    message:
      `SET NOT NULL on ${withSize(`${display}.${col}`, grade)} takes an ${lock} lock and scans the whole table for NULLs${viaSuffix(ref)}: ${lockEffect(lock)} until the scan finishes.` +
      (isOld ? ` PostgreSQL ${ctx.postgresVersion} cannot use a CHECK constraint to skip the scan (12+ can).` : ''),
    mitigation: isOld
      ? `On PostgreSQL ${ctx.postgresVersion} keep the column nullable and enforce it with ALTER TABLE ${display} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID; ` +
        `then ALTER TABLE ${display} VALIDATE CONSTRAINT ${check}; in a later migration; SET NOT NULL after upgrading to 12+.`
      : hasUnvalidated
        ? `VALIDATE the NOT VALID check on ${col} before SET NOT NULL: ALTER TABLE ${display} VALIDATE CONSTRAINT <its name>; otherwise PostgreSQL cannot use it and scans.`
        : `Prove it first without blocking: ALTER TABLE ${display} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID; ` +
          `ALTER TABLE ${display} VALIDATE CONSTRAINT ${check}; then ALTER TABLE ${display} ALTER COLUMN ${col} SET NOT NULL; ` +
          `ALTER TABLE ${display} DROP CONSTRAINT ${check};` +
          (ctx.postgresVersion >= 18 ? ` (On 18+ ADD CONSTRAINT ... NOT NULL ${col} NOT VALID followed by VALIDATE CONSTRAINT does the same in two steps.)` : ''),
    severity: grade.severity,
    help: 'VALIDATE CONSTRAINT scans under SHARE UPDATE EXCLUSIVE, which lets reads and writes continue; SET NOT NULL then sees the valid check and skips its own scan.',
    tables: [key],
    lock,
    evidence: lockEvidence(ctx, lock, [key], { column, ...grade.evidence }),
  })
}

/**
 * Which columns a valid constraint already proves NOT NULL: a CHECK implying `col IS NOT NULL`
 * added without NOT VALID, or added NOT VALID and then validated; on 18+ also a NOT NULL
 * constraint added NOT VALID and validated.
 */
class ProvenNotNull {
  /** "table|constraint" -> the column it covers and whether it is validated. */
  readonly #named = new Map<string, { column: string; isValid: boolean }>()
  /** "table|column" proven by unnamed valid checks (they cannot be dropped by name here). */
  readonly #unnamed = new Set<string>()

  /** Whether the column is proven NOT NULL by a valid constraint. */
  isProven(table: string, column: string): boolean {
    return this.#unnamed.has(`${table}|${column}`) || this.#find(table, column, true)
  }

  /** Whether a NOT VALID check on the column waits for VALIDATE. */
  hasUnvalidated(table: string, column: string): boolean {
    return this.#find(table, column, false)
  }

  /** Updates the state with one ALTER TABLE sub-command. */
  record(table: string, cmd: Record<string, any>): void {
    if (cmd.subtype === 'AT_AddConstraint') {
      const con = cmd.def?.Constraint ?? {}
      const columns = con.contype === 'CONSTR_CHECK' ? notNullColumns(con.raw_expr) : con.contype === 'CONSTR_NOTNULL' ? [con.keys?.[0]?.String?.sval] : []
      for (const column of columns.filter((c): c is string => typeof c === 'string')) {
        if (con.conname) this.#named.set(`${table}|${con.conname}`, { column, isValid: !con.skip_validation })
        else if (!con.skip_validation) this.#unnamed.add(`${table}|${column}`)
      }
    } else if (cmd.subtype === 'AT_ValidateConstraint') {
      const entry = this.#named.get(`${table}|${cmd.name}`)
      if (entry) this.#named.set(`${table}|${cmd.name}`, { ...entry, isValid: true })
    } else if (cmd.subtype === 'AT_DropConstraint') {
      // Dropping the proof before SET NOT NULL brings the scan back.
      this.#named.delete(`${table}|${cmd.name}`)
    }
  }

  /** Whether a named constraint on the table covers the column with the given validity. */
  #find(table: string, column: string, isValid: boolean): boolean {
    for (const [key, entry] of this.#named) {
      if (key.startsWith(`${table}|`) && entry.column === column && entry.isValid === isValid) return true
    }
    return false
  }
}

/** Columns an expression proves NOT NULL: `col IS NOT NULL`, possibly ANDed with other conditions. */
function notNullColumns(expr: Record<string, any> | undefined): string[] {
  if (!expr) return []
  if (expr.NullTest?.nulltesttype === 'IS_NOT_NULL') {
    const fields = expr.NullTest.arg?.ColumnRef?.fields ?? []
    const name = fields[fields.length - 1]?.String?.sval
    return typeof name === 'string' ? [name] : []
  }
  if (expr.BoolExpr?.boolop === 'AND_EXPR') return (expr.BoolExpr.args ?? []).flatMap((a: Record<string, any>) => notNullColumns(a))
  return []
}
