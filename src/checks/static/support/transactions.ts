/**
 * Which transaction each pending statement runs in: the one the migration tool wraps the file
 * in (MigrationFile.runsInTransaction), an explicit BEGIN ... COMMIT block in the file, or none
 * (autocommit: every statement commits on its own).
 * https://www.postgresql.org/docs/current/sql-begin.html
 */
import type { LayoutName } from '../../../config/schema.js'
import type { PendingFile, StatementRef, StaticContext } from '../../../engine/define.js'
import type { Statement } from '../../../dialects/postgres/parser.js'

/** The transaction a statement belongs to. */
export interface Transaction {
  /** Same id = same transaction; autocommit statements each get their own. */
  readonly id: string
  /** `wrapped`: the tool's transaction; `explicit`: BEGIN ... COMMIT in the file; `none`: autocommit. */
  readonly kind: 'wrapped' | 'explicit' | 'none'
  /** Why the statement is (or is not) in a transaction, for messages. */
  readonly reason: string
}

// Layouts whose "transaction" is PostgreSQL's implicit one for a multi-statement script: an
// explicit BEGIN ... COMMIT inside such a script is legal and common (golang-migrate documents it).
const IMPLICIT_TRANSACTION_LAYOUTS: ReadonlySet<LayoutName> = new Set(['golang-migrate', 'prisma', 'supabase'])

const OPENS = new Set(['TRANS_STMT_BEGIN', 'TRANS_STMT_START'])
const CLOSES = new Set(['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_PREPARE'])

// Built once per pending file list and reused by every rule of the run.
const cache = new WeakMap<readonly PendingFile[], Map<Statement, Transaction>>()

/** The transaction the statement runs in. */
export function transactionOf(ctx: StaticContext, ref: StatementRef): Transaction {
  let byStatement = cache.get(ctx.files)
  if (!byStatement) {
    byStatement = buildTransactions(ctx)
    cache.set(ctx.files, byStatement)
  }
  return byStatement.get(ref.stmt) ?? { id: `${ref.file.migration.path}@${ref.stmt.index}`, kind: 'none', reason: 'it runs on its own' }
}

/** Whether the statement runs inside a transaction block (wrapped or explicit). */
export function isInTransaction(ctx: StaticContext, ref: StatementRef): boolean {
  return transactionOf(ctx, ref).kind !== 'none'
}

/** Whether the tool itself opens a transaction around the file with BEGIN (not PostgreSQL's implicit one). */
export function isExplicitlyWrapped(ctx: StaticContext, file: PendingFile): boolean {
  return file.migration.runsInTransaction && !(ctx.layout !== undefined && IMPLICIT_TRANSACTION_LAYOUTS.has(ctx.layout))
}

/** The TransactionStmt kind of a statement (`TRANS_STMT_BEGIN`...), or undefined. */
export function transactionControl(stmt: Statement): string | undefined {
  return stmt.kind === 'TransactionStmt' ? String(stmt.node.kind ?? '') : undefined
}

/** Assigns every pending statement its transaction. */
function buildTransactions(ctx: StaticContext): Map<Statement, Transaction> {
  const out = new Map<Statement, Transaction>()
  // Drizzle applies every pending file in one transaction.
  const sharedId = ctx.layout === 'drizzle' ? 'drizzle:pending-set' : undefined
  for (const file of ctx.files) {
    const path = file.migration.path
    if (file.migration.runsInTransaction) {
      const tx: Transaction = { id: sharedId ?? `${path}:wrapped`, kind: 'wrapped', reason: file.migration.transactionReason }
      for (const stmt of file.parsed.statements) out.set(stmt, tx)
      continue
    }
    let open: Transaction | undefined
    for (const stmt of file.parsed.statements) {
      const control = transactionControl(stmt)
      if (control && OPENS.has(control) && !open) {
        open = { id: `${path}#${stmt.index}`, kind: 'explicit', reason: `it runs inside the transaction opened by ${stmt.text.split(/\s/)[0]!.toUpperCase()} at line ${stmt.line}` }
      }
      out.set(stmt, open ?? { id: `${path}@${stmt.index}`, kind: 'none', reason: 'it runs on its own, outside any transaction block' })
      if (control && CLOSES.has(control) && open) {
        // COMMIT AND CHAIN starts the next transaction at once.
        open = stmt.node.chain ? { ...open, id: `${path}#${stmt.index}` } : undefined
      }
    }
  }
  return out
}

/** How to run one statement outside a transaction with the given migration tool. */
export function noTransactionAdvice(layout: LayoutName | undefined): string {
  switch (layout) {
    case 'flyway':
      return 'Put it in its own migration with executeInTransaction=false in a <script>.sql.conf beside it (Flyway 7+).'
    case 'dbmate':
      return 'Put it in its own migration that starts with "-- migrate:up transaction:false".'
    case 'diesel':
      return 'Put it in its own migration with run_in_transaction = false in its metadata.toml.'
    case 'golang-migrate':
      return 'Put it alone in its own migration file: a single statement is not run in an implicit transaction.'
    case 'prisma':
      return 'Put it alone in its own migration.sql: a single statement is not run in an implicit transaction.'
    case 'drizzle':
      return 'Drizzle runs every pending migration in one transaction: run this statement outside Drizzle (psql, a deploy step) after the migration.'
    case 'supabase':
      return 'The Supabase CLI sends each file in one batch with its history insert: run this statement outside the migration (psql, a deploy step).'
    default:
      return 'Run it outside any transaction: no BEGIN/COMMIT around it, and a runner that does not wrap the file (migrations.transaction: never).'
  }
}
