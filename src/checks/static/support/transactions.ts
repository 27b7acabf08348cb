/**
 * Which transaction each pending statement runs in: the one the migration tool wraps the file
 * in (MigrationFile.runsInTransaction), an explicit BEGIN ... COMMIT block in the file, or none
 * (autocommit: every statement commits on its own).
 * https://www.postgresql.org/docs/current/sql-begin.html
 */
import type { LayoutName } from '../../../config/schema.js'
import type { PendingFile, StatementRef, StaticContext } from '../../../engine/define.js'
import type { Statement } from '../../../dialects/postgres/parser.js'
import type { MigrationUnit } from '../../../sources/layout.js'

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

// Layouts that send a file as one simple query: a file of one statement runs alone, outside any
// transaction block (the Supabase CLI batches the history insert with it, so it is not one of them).
const SINGLE_STATEMENT_RUNS_ALONE: ReadonlySet<LayoutName> = new Set(['golang-migrate', 'prisma'])

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

/** The unit of the file a statement belongs to (the last one starting at or before its line); undefined for files of one unit. */
export function unitOf(file: PendingFile, stmt: Statement): MigrationUnit | undefined {
  const units = file.migration.units
  if (!units || units.length === 0) return undefined
  let found: MigrationUnit | undefined
  for (const unit of units) {
    if (unit.line > stmt.line) break
    found = unit
  }
  return found
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
  const isImplicit = ctx.layout !== undefined && IMPLICIT_TRANSACTION_LAYOUTS.has(ctx.layout)
  for (const file of ctx.files) {
    const path = file.migration.path
    const statements = file.parsed.statements
    const isWrapped = file.migration.runsInTransaction && !(statements.length === 1 && ctx.layout !== undefined && SINGLE_STATEMENT_RUNS_ALONE.has(ctx.layout))
    const wrapped = (from: number): Transaction => ({ id: from === 0 ? (sharedId ?? `${path}:wrapped`) : `${path}:wrapped@${from}`, kind: 'wrapped', reason: file.migration.transactionReason })
    let open: Transaction | undefined = isWrapped ? wrapped(0) : undefined
    let unit: MigrationUnit | undefined
    for (const stmt of statements) {
      // Each unit (a Liquibase changeset) ends the previous one's transaction and opens its own, or none.
      const own = unitOf(file, stmt)
      if (own !== unit) {
        unit = own
        if (own) open = own.runsInTransaction ? { id: `${path}:unit@${own.line}`, kind: 'wrapped', reason: own.transactionReason } : undefined
      }
      const control = transactionControl(stmt)
      // Inside the tool's transaction BEGIN changes nothing (an implicit block just becomes explicit).
      if (control && OPENS.has(control) && !open) {
        open = { id: `${path}#${stmt.index}`, kind: 'explicit', reason: `it runs inside the transaction opened by ${stmt.text.split(/\s/)[0]!.toUpperCase()} at line ${stmt.line}` }
      }
      out.set(stmt, open ?? { id: `${path}@${stmt.index}`, kind: 'none', reason: 'it runs on its own, outside any transaction block' })
      if (control && CLOSES.has(control) && open) open = afterClose(stmt, open, isWrapped && isImplicit ? wrapped(stmt.index + 1) : undefined)
    }
  }
  return out
}

/**
 * The transaction after a COMMIT or ROLLBACK: COMMIT AND CHAIN starts the next one at once; in a
 * multi-statement query the rest of the file runs in a new implicit transaction
 * (https://www.postgresql.org/docs/current/protocol-flow.html#PROTOCOL-FLOW-MULTI-STATEMENT); after
 * the tool's own BEGIN is committed early, or an explicit block ends, statements run on their own.
 */
function afterClose(stmt: Statement, closed: Transaction, implicitNext: Transaction | undefined): Transaction | undefined {
  if (stmt.node.chain) return { ...closed, id: `${closed.id}~${stmt.index}` }
  return implicitNext
}

/**
 * Whether a failure later in the file cannot leave this statement's effect behind for a re-run
 * from the top to trip over: every later statement runs in the same transaction, or there is none
 * (a statement that fails undoes itself; CREATE INDEX CONCURRENTLY excepted, whose failure leaves
 * an invalid index of that name behind).
 */
export function isRerunSafe(ctx: StaticContext, ref: StatementRef): boolean {
  // The tool records each unit (a Liquibase changeset) as it finishes: a re-run starts at the failed one.
  const unit = unitOf(ref.file, ref.stmt)
  const later = ref.file.parsed.statements.slice(ref.stmt.index + 1).filter((stmt) => unitOf(ref.file, stmt) === unit)
  if (later.length === 0) return !(ref.stmt.kind === 'IndexStmt' && ref.stmt.node.concurrent === true)
  const tx = transactionOf(ctx, ref)
  return tx.kind !== 'none' && later.every((stmt) => transactionOf(ctx, { file: ref.file, stmt }).id === tx.id)
}

/** How to run one statement outside a transaction with the given migration tool. */
export function noTransactionAdvice(layout: LayoutName | undefined): string {
  switch (layout) {
    case 'flyway':
      // Flyway recognises CREATE/DROP INDEX CONCURRENTLY, VACUUM and a few more by their keywords (sources/layouts/flyway-transactions.ts).
      return 'Put it in its own migration with no other kind of statement: Flyway runs a migration of only CREATE/DROP INDEX CONCURRENTLY (or VACUUM, REINDEX SCHEMA...) statements without a transaction; for others (REINDEX TABLE CONCURRENTLY, DETACH PARTITION CONCURRENTLY) add executeInTransaction=false in a <script>.sql.conf beside it.'
    case 'dbmate':
      return 'Put it in its own migration that starts with "-- migrate:up transaction:false".'
    case 'sqlx':
      return 'Put it in its own migration whose first line is "-- no-transaction".'
    case 'atlas':
      return 'Put it in its own migration file whose first line is "-- atlas:txmode none", followed by an empty line.'
    case 'sqitch':
      return 'Put it in its own change whose deploy script has no BEGIN and COMMIT around it (Sqitch runs scripts as written).'
    case 'liquibase':
      return 'Put it in its own changeset with runInTransaction:false (--changeset author:id runInTransaction:false).'
    case 'goose':
      return 'Put it in its own migration with a "-- +goose NO TRANSACTION" line.'
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
