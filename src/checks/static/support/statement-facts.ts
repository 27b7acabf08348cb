/**
 * Small facts about statements that several rules report: the lock a statement takes on which
 * tables, and how to print names. (Whether a failure half-way is rolled back: transactions.ts.)
 */
import type { FindingInput, StaticContext } from '../../../engine/define.js'
import type { LockMode } from '../../../engine/model.js'
import { statementLocks, strongerLock } from '../../../dialects/postgres/locks.js'
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
