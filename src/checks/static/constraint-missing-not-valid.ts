/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { executedStatements, viaSuffix, type ExecutedStatement } from './support/executed-sql.js'
import { defineStaticRule, type StaticContext } from '../../engine/define.js'
import type { LockMode } from '../../engine/model.js'
import { statementLocks } from '../../dialects/postgres/locks.js'
import { isCreatedBefore, tableKey } from './support/created-in-pending.js'
import { lockEffect, lockEvidence, lockWithArticle } from './support/locking.js'
import { displayKey, quoteIdent, relationOf, type RelationRef } from './support/sql-names.js'
import { gradeLargest, withSize } from './support/table-size.js'
import { transactionOf } from './support/transactions.js'

/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const SEVERITY = 'error'

/** A constraint added by an ALTER TABLE sub-command. */
interface AddedConstraint {
  readonly node: Record<string, any>
  /** Inline in ADD COLUMN: it cannot be NOT VALID there. */
  readonly isInline: boolean
}

/**
 * ADD FOREIGN KEY and ADD CHECK check every existing row while holding their lock (SHARE ROW
 * EXCLUSIVE on both tables for a foreign key, ACCESS EXCLUSIVE for a check). NOT VALID skips the
 * check; VALIDATE CONSTRAINT then checks under SHARE UPDATE EXCLUSIVE, which blocks no reads or
 * writes, but only if it runs in a later transaction
 * (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES).
 */
export default defineStaticRule({
  id: 'constraint-missing-not-valid',
  title: 'Add foreign keys and checks as NOT VALID, validate later',
  category: 'locks',
  severity: SEVERITY,
  run(ctx) {
    // Constraints added NOT VALID so far, by "table key|constraint name".
    const notValid = new Map<string, NotValidAdd>()
    // Statements inside DO blocks and called functions add constraints too (Drizzle wraps each foreign key in a DO block).
    for (const ref of executedStatements(ctx, 'AlterTableStmt')) {
      const n = ref.node
      const table = relationOf(n.relation)
      if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE')) continue
      const isNew = isCreatedBefore(ctx, ref, table.name)
      const validating: AddedConstraint[] = []
      for (const c of n.cmds ?? []) {
        const cmd = c.AlterTableCmd ?? {}
        if (cmd.subtype === 'AT_AddConstraint') {
          const con = cmd.def?.Constraint ?? {}
          if (con.skip_validation && con.conname) {
            notValid.set(`${table.key}|${con.conname}`, { ref, lock: tableLock(ctx, ref, table.key), kind: constraintKind(con), tables: [table.key, ...referencedKeys([con], table.key)] })
          } else if (isScanningConstraint(con)) validating.push({ node: con, isInline: false })
        } else if (cmd.subtype === 'AT_AddColumn') {
          for (const cc of cmd.def?.ColumnDef?.constraints ?? []) {
            if (isScanningConstraint(cc?.Constraint)) validating.push({ node: cc.Constraint, isInline: true })
          }
        } else if (cmd.subtype === 'AT_ValidateConstraint' && !isNew) {
          const added = notValid.get(`${table.key}|${cmd.name}`)
          if (added) reportSameTransaction(ctx, ref, table, String(cmd.name), added)
        }
      }
      if (validating.length > 0 && !isNew) reportValidating(ctx, ref, table, validating)
    }
  },
})

/** A constraint added NOT VALID earlier in the pending set. */
interface NotValidAdd {
  readonly ref: ExecutedStatement
  readonly lock: LockMode
  readonly kind: string
  /** Its table and, for a foreign key, the referenced table: VALIDATE reads both. */
  readonly tables: readonly string[]
}

/** Tables other than `own` that foreign keys among the constraints reference. */
function referencedKeys(constraints: readonly Record<string, any>[], own: string): string[] {
  return [...new Set(constraints.flatMap((c) => (c.contype === 'CONSTR_FOREIGN' ? [relationOf(c.pktable)?.key ?? ''] : [])))].filter((k) => k && k !== own)
}

/** Foreign keys and checks validate existing rows when added without NOT VALID. */
function isScanningConstraint(con: Record<string, any> | undefined): boolean {
  return (con?.contype === 'CONSTR_FOREIGN' || con?.contype === 'CONSTR_CHECK') && !con.skip_validation
}

/** "FOREIGN KEY" or "CHECK" (or the constraint type word). */
function constraintKind(con: Record<string, any>): string {
  if (con.contype === 'CONSTR_FOREIGN') return 'FOREIGN KEY'
  if (con.contype === 'CONSTR_CHECK') return 'CHECK'
  if (con.contype === 'CONSTR_NOTNULL') return 'NOT NULL'
  return 'constraint'
}

/** The lock the statement takes on its own table. */
function tableLock(ctx: StaticContext, ref: ExecutedStatement, key: string): LockMode {
  return statementLocks(ref, ctx.postgresVersion).find((l) => tableKey(l.table) === key)?.lock ?? 'ACCESS EXCLUSIVE'
}

/** Reports constraints that check every row while the statement's locks are held. */
function reportValidating(ctx: StaticContext, ref: ExecutedStatement, table: RelationRef, constraints: readonly AddedConstraint[]): void {
  const locks = statementLocks(ref, ctx.postgresVersion).map((l) => ({ key: tableKey(l.table), lock: l.lock }))
  const own = locks.find((l) => l.key === table.key)?.lock ?? 'ACCESS EXCLUSIVE'
  const referenced = referencedKeys(constraints.map((c) => c.node), table.key)
  const names = constraints.map((c) => `${constraintKind(c.node)}${c.node.conname ? ` ${quoteIdent(c.node.conname)}` : ''}`).join(', ')
  const refs = referenced.map(displayKey).join(', ')
  const lockedKeys = [table.key, ...referenced]
  // Both ends are locked while the rows are checked: the larger one decides how long that takes.
  const grade = gradeLargest(ctx, lockedKeys, SEVERITY)
  const locked = `${table.display}${refs ? ` and ${refs}` : ''}`
  const message =
    own === 'SHARE ROW EXCLUSIVE' && refs
      ? `ADD ${names} checks every row of ${table.display} while holding SHARE ROW EXCLUSIVE locks on ${withSize(locked, grade)}${viaSuffix(ref)}: writes to both are blocked until the check finishes.`
      : `ADD ${names} checks every row of ${table.display} while holding ${lockWithArticle(own)} lock on ${refs ? `it and SHARE ROW EXCLUSIVE on ${withSize(refs, grade)}` : withSize('it', grade)}${viaSuffix(ref)}: ` +
        `${lockEffect(own)}${refs ? ` (writes to ${refs} too)` : ''} until the check finishes.`
  const allInline = constraints.every((c) => c.isInline)
  const single = (n: ExecutedStatement): boolean => (n.node.cmds ?? []).length === 1
  const firstName = constraints.find((c) => c.node.conname)?.node.conname as string | undefined
  const validate = `ALTER TABLE ${table.display} VALIDATE CONSTRAINT ${firstName ? quoteIdent(firstName) : '<constraint name>'};`
  const mitigation = allInline
    ? `Add the column first, then the constraint as NOT VALID, and validate it in a later migration: ALTER TABLE ${table.display} ADD COLUMN ...; ` +
      `ALTER TABLE ${table.display} ADD CONSTRAINT <name> ${constraints[0]!.node.contype === 'CONSTR_FOREIGN' ? 'FOREIGN KEY (<column>) REFERENCES ...' : 'CHECK (...)'} NOT VALID; then ${validate.replace('<constraint name>', '<name>')}`
    : single(ref)
      ? `Add it without checking existing rows: ${ref.text} NOT VALID; then, in a later migration (its own transaction): ${validate}`
      : `Add each ${names} with NOT VALID, then run ${validate} in a later migration (its own transaction).`
  ctx.report(ref, {
    message,
    severity: grade.severity,
    mitigation,
    help: 'NOT VALID adds the constraint for new rows only, with a brief lock; VALIDATE CONSTRAINT then checks old rows under SHARE UPDATE EXCLUSIVE, which lets reads and writes continue.',
    tables: lockedKeys,
    lock: own,
    evidence: lockEvidence(ctx, own, lockedKeys, { constraints: constraints.map((c) => c.node.conname ?? constraintKind(c.node)), ...grade.evidence }),
  })
}

/** Reports VALIDATE CONSTRAINT in the same transaction as its NOT VALID add. */
function reportSameTransaction(ctx: StaticContext, ref: ExecutedStatement, table: RelationRef, name: string, added: NotValidAdd): void {
  const tx = transactionOf(ctx, ref)
  if (tx.kind === 'none' || transactionOf(ctx, added.ref).id !== tx.id) return
  const addedLine = added.ref.span?.line ?? added.ref.stmt.line
  const where = added.ref.file === ref.file ? `line ${addedLine}` : `${added.ref.file.migration.path}:${addedLine}`
  const grade = gradeLargest(ctx, added.tables, SEVERITY)
  ctx.report(ref, {
    message:
      `VALIDATE CONSTRAINT ${quoteIdent(name)} runs in the same transaction as its NOT VALID add (${where}), so the ${added.lock} lock ` +
      `on ${withSize(table.display, grade)} from the add is held while every row is checked: ${lockEffect(added.lock)} and NOT VALID saves nothing.`,
    severity: grade.severity,
    mitigation: `Move ALTER TABLE ${table.display} VALIDATE CONSTRAINT ${quoteIdent(name)}; to a later migration that runs in its own transaction.`,
    help: `Why the transaction: ${tx.reason}.`,
    tables: [table.key],
    lock: added.lock,
    evidence: lockEvidence(ctx, added.lock, added.tables, { constraint: name, addedAt: where, transaction: tx.reason, ...grade.evidence }),
  })
}
