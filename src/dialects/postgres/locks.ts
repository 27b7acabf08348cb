/**
 * Which table lock each statement takes, from the PostgreSQL manual
 * (https://www.postgresql.org/docs/current/explicit-locking.html and each command's page).
 * Shared by the static rules (what the statement blocks) and the live lock checks (who blocks it).
 */
import type { LockMode } from '../../engine/model.js'
import type { Statement } from './parser.js'

/** A table a statement locks, and how strongly. */
export interface TableLock {
  readonly table: string
  readonly lock: LockMode
}

/** Name of a RangeVar node, schema-qualified when the SQL qualifies it. */
export function relationName(rangeVar: Record<string, any> | undefined): string | undefined {
  if (!rangeVar?.relname) return undefined
  return rangeVar.schemaname ? `${rangeVar.schemaname}.${rangeVar.relname}` : String(rangeVar.relname)
}

/** Names in a DropStmt/TruncateStmt-style object list ([[schema, name]] as String nodes). */
export function objectNames(objects: readonly any[] | undefined): string[] {
  const names: string[] = []
  for (const object of objects ?? []) {
    const items: any[] = object?.List?.items ?? (Array.isArray(object) ? object : [])
    const parts = items.map((item) => item?.String?.sval).filter((s): s is string => typeof s === 'string')
    if (parts.length > 0) names.push(parts.join('.'))
  }
  return names
}

/** Lock taken by one ALTER TABLE sub-command; the statement takes the strongest of them. */
function alterTableCmdLock(cmd: Record<string, any>, pgMajor: number): LockMode {
  switch (cmd.subtype) {
    case 'AT_AddConstraint': {
      const contype = cmd.def?.Constraint?.contype
      // ADD FOREIGN KEY takes SHARE ROW EXCLUSIVE on both tables; NOT VALID does not change the lock.
      if (contype === 'CONSTR_FOREIGN') return 'SHARE ROW EXCLUSIVE'
      return 'ACCESS EXCLUSIVE'
    }
    case 'AT_ValidateConstraint':
      return 'SHARE UPDATE EXCLUSIVE'
    case 'AT_SetStatistics':
    case 'AT_SetOptions':
    case 'AT_ResetOptions':
    case 'AT_ClusterOn':
    case 'AT_DropCluster':
      return 'SHARE UPDATE EXCLUSIVE'
    case 'AT_SetRelOptions':
    case 'AT_ResetRelOptions':
      return 'SHARE UPDATE EXCLUSIVE'
    case 'AT_EnableTrig':
    case 'AT_DisableTrig':
    case 'AT_EnableAlwaysTrig':
    case 'AT_EnableReplicaTrig':
    case 'AT_EnableTrigAll':
    case 'AT_DisableTrigAll':
    case 'AT_EnableTrigUser':
    case 'AT_DisableTrigUser':
      return 'SHARE ROW EXCLUSIVE'
    case 'AT_AttachPartition':
      return pgMajor >= 12 ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE'
    case 'AT_DetachPartition':
      return cmd.def?.PartitionCmd?.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE'
    default:
      return 'ACCESS EXCLUSIVE'
  }
}

/** Returns the stronger of two lock modes. */
export function strongerLock(a: LockMode, b: LockMode): LockMode {
  const order: readonly LockMode[] = [
    'ACCESS SHARE',
    'ROW SHARE',
    'ROW EXCLUSIVE',
    'SHARE UPDATE EXCLUSIVE',
    'SHARE',
    'SHARE ROW EXCLUSIVE',
    'EXCLUSIVE',
    'ACCESS EXCLUSIVE',
  ]
  return order.indexOf(a) >= order.indexOf(b) ? a : b
}

/** The tables a statement locks and the lock on each; empty when it locks no existing table. */
export function statementLocks(stmt: Pick<Statement, 'kind' | 'node'>, pgMajor = 18): TableLock[] {
  const n = stmt.node
  const one = (table: string | undefined, lock: LockMode): TableLock[] => (table ? [{ table, lock }] : [])
  switch (stmt.kind) {
    case 'AlterTableStmt': {
      const table = relationName(n.relation)
      if (!table) return []
      let lock: LockMode = 'ACCESS SHARE'
      const extra: TableLock[] = []
      for (const c of n.cmds ?? []) {
        const cmd = c.AlterTableCmd ?? {}
        lock = strongerLock(lock, alterTableCmdLock(cmd, pgMajor))
        const constraint = cmd.def?.Constraint
        if (cmd.subtype === 'AT_AddConstraint' && constraint?.contype === 'CONSTR_FOREIGN') {
          const referenced = relationName(constraint.pktable)
          if (referenced && referenced !== table) extra.push({ table: referenced, lock: 'SHARE ROW EXCLUSIVE' })
        }
      }
      return [{ table, lock }, ...extra]
    }
    case 'IndexStmt':
      return one(relationName(n.relation), n.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE')
    case 'DropStmt': {
      if (n.removeType === 'OBJECT_INDEX') {
        // DROP INDEX locks the index's table, which the statement does not name.
        return []
      }
      if (['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE', 'OBJECT_SEQUENCE'].includes(n.removeType)) {
        return objectNames(n.objects).map((table) => ({ table, lock: 'ACCESS EXCLUSIVE' as const }))
      }
      return []
    }
    case 'TruncateStmt':
      return (n.relations ?? []).flatMap((r: any) => one(relationName(r.RangeVar), 'ACCESS EXCLUSIVE'))
    case 'RenameStmt':
      if (['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_VIEW', 'OBJECT_MATVIEW'].includes(n.renameType)) {
        return one(relationName(n.relation), 'ACCESS EXCLUSIVE')
      }
      return []
    case 'ReindexStmt':
      if (n.kind === 'REINDEX_OBJECT_TABLE') {
        const concurrent = (n.params ?? []).some((p: any) => p.DefElem?.defname === 'concurrently')
        return one(relationName(n.relation), concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE')
      }
      return []
    case 'VacuumStmt': {
      const isFull = (n.options ?? []).some((o: any) => o.DefElem?.defname === 'full')
      const lock: LockMode = isFull ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE'
      return (n.rels ?? []).flatMap((r: any) => one(relationName(r.VacuumRelation?.relation), lock))
    }
    case 'ClusterStmt':
      return one(relationName(n.relation), 'ACCESS EXCLUSIVE')
    case 'RefreshMatViewStmt':
      return one(relationName(n.relation), n.concurrent ? 'EXCLUSIVE' : 'ACCESS EXCLUSIVE')
    case 'InsertStmt':
    case 'UpdateStmt':
    case 'DeleteStmt':
    case 'MergeStmt':
      return one(relationName(n.relation), 'ROW EXCLUSIVE')
    case 'CreateTrigStmt':
      return one(relationName(n.relation), 'SHARE ROW EXCLUSIVE')
    case 'RuleStmt':
      return one(relationName(n.relation), 'ACCESS EXCLUSIVE')
    case 'CommentStmt':
      return []
    case 'LockStmt': {
      const modes: LockMode[] = [
        'ACCESS SHARE',
        'ROW SHARE',
        'ROW EXCLUSIVE',
        'SHARE UPDATE EXCLUSIVE',
        'SHARE',
        'SHARE ROW EXCLUSIVE',
        'EXCLUSIVE',
        'ACCESS EXCLUSIVE',
      ]
      const lock = modes[(n.mode ?? 8) - 1] ?? 'ACCESS EXCLUSIVE'
      return (n.relations ?? []).flatMap((r: any) => one(relationName(r.RangeVar), lock))
    }
    default:
      return []
  }
}
