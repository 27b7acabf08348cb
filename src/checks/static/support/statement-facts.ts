/**
 * Small facts about statements that several rules report: the lock a statement takes on which
 * tables, and whether a failure half-way through is rolled back (so re-running is not an issue).
 */
import type { FindingInput, StatementRef, StaticContext } from '../../../engine/define.js'
import type { LockMode } from '../../../engine/model.js'
import { statementLocks, strongerLock } from '../../../dialects/postgres/locks.js'
import type { PendingFile } from '../../../engine/define.js'
import { quoteIdent } from './sql-names.js'
import type { AstNode } from './ast.js'

/** The `tables` and `lock` fields of a finding for a statement, empty when it locks no existing table. */
export function lockFields(ctx: StaticContext, kind: string, node: AstNode): Pick<FindingInput, 'tables' | 'lock'> {
  const locks = statementLocks({ kind, node }, ctx.postgresVersion)
  if (locks.length === 0) return {}
  let lock: LockMode = locks[0]!.lock
  for (const l of locks) lock = strongerLock(lock, l.lock)
  return { tables: [...new Set(locks.map((l) => l.table))], lock }
}

/**
 * Whether the statement runs inside a transaction: the tool wraps the file in one, or the file's
 * own BEGIN ... COMMIT surrounds it. A failure then rolls everything back, so re-running is safe.
 */
export function isInTransaction(ref: StatementRef): boolean {
  if (ref.file.migration.runsInTransaction) return true
  return explicitTransactionStatements(ref.file).has(ref.stmt.index)
}

// Rules ask per statement; the BEGIN/COMMIT scan runs once per file.
const transactionCache = new WeakMap<PendingFile, ReadonlySet<number>>()

/** Indexes of the statements between an explicit BEGIN/START TRANSACTION and its COMMIT/ROLLBACK. */
function explicitTransactionStatements(file: PendingFile): ReadonlySet<number> {
  const cached = transactionCache.get(file)
  if (cached) return cached
  const inside = new Set<number>()
  let isOpen = false
  for (const stmt of file.parsed.statements) {
    if (stmt.kind === 'TransactionStmt') {
      const kind = String(stmt.node.kind)
      if (kind === 'TRANS_STMT_BEGIN' || kind === 'TRANS_STMT_START') isOpen = true
      else if (['TRANS_STMT_COMMIT', 'TRANS_STMT_ROLLBACK', 'TRANS_STMT_COMMIT_PREPARED', 'TRANS_STMT_PREPARE'].includes(kind)) isOpen = false
      continue
    }
    if (isOpen) inside.add(stmt.index)
  }
  transactionCache.set(file, inside)
  return inside
}

/** A dotted name as SQL, each part quoted only when PostgreSQL needs it (mixed case, reserved words). */
export function displayName(name: string): string {
  return name.split('.').map(quoteIdent).join('.')
}

/** Names of the objects a DropStmt names, whatever their node shape (qualified lists, plain names, types, routines). */
export function dropObjectNames(objects: readonly AstNode[] | undefined): string[] {
  const partsOf = (items: readonly AstNode[] | undefined): string =>
    (items ?? []).map((i) => i?.String?.sval).filter((s): s is string => typeof s === 'string').join('.')
  return (objects ?? [])
    .map((o) => {
      if (o?.List) return partsOf(o.List.items)
      if (o?.String) return String(o.String.sval)
      if (o?.TypeName) return partsOf(o.TypeName.names)
      if (o?.ObjectWithArgs) return partsOf(o.ObjectWithArgs.objname)
      return ''
    })
    .filter((name) => name !== '')
}
