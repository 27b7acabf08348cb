/**
 * Which table lock each statement takes, from the PostgreSQL manual
 * (https://www.postgresql.org/docs/current/explicit-locking.html and each command's page).
 * Shared by the static rules (what the statement blocks) and the live lock checks (who blocks it).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { LOCK_MODES, type LockMode } from '../../engine/model.js'
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
    case 'AT_DetachPartitionFinalize':
      return 'SHARE UPDATE EXCLUSIVE'
    default:
      return 'ACCESS EXCLUSIVE'
  }
}

/**
 * Locks an ALTER TABLE sub-command takes on other tables: a foreign key (also inline in ADD
 * COLUMN) locks the referenced table like CREATE TRIGGER, since both tables get triggers; ATTACH
 * takes ACCESS EXCLUSIVE on the partition, DETACH the parent's mode. Checked against pg_locks in
 * __tests__/dialects/postgres/locks.test.ts.
 */
function alterTableCmdOtherLocks(cmd: Record<string, any>, table: string): TableLock[] {
  switch (cmd.subtype) {
    case 'AT_AddConstraint':
      return foreignKeyLocks([cmd.def?.Constraint], table)
    case 'AT_AddColumn':
      return foreignKeyLocks((cmd.def?.ColumnDef?.constraints ?? []).map((c: any) => c?.Constraint), table)
    case 'AT_AttachPartition': {
      const partition = relationName(cmd.def?.PartitionCmd?.name)
      return partition ? [{ table: partition, lock: 'ACCESS EXCLUSIVE' }] : []
    }
    case 'AT_DetachPartition':
    case 'AT_DetachPartitionFinalize': {
      const partition = relationName(cmd.def?.PartitionCmd?.name)
      const lock: LockMode = cmd.subtype === 'AT_DetachPartition' && !cmd.def?.PartitionCmd?.concurrent ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE'
      return partition ? [{ table: partition, lock }] : []
    }
    default:
      return []
  }
}

/** SHARE ROW EXCLUSIVE on each table referenced by the given foreign keys, other than `self`. */
function foreignKeyLocks(constraints: readonly (Record<string, any> | undefined)[], self: string | undefined): TableLock[] {
  const out: TableLock[] = []
  for (const c of constraints) {
    if (c?.contype !== 'CONSTR_FOREIGN') continue
    const referenced = relationName(c.pktable)
    if (referenced && (!self || qualified(referenced) !== qualified(self))) out.push({ table: referenced, lock: 'SHARE ROW EXCLUSIVE' })
  }
  return out
}

/**
 * Locks CREATE TABLE takes on existing tables: referenced tables of its foreign keys
 * (SHARE ROW EXCLUSIVE), the parent of a partition (ACCESS EXCLUSIVE: its partition
 * descriptor changes) and inheritance parents (SHARE UPDATE EXCLUSIVE).
 */
function createTableLocks(n: Record<string, any>): TableLock[] {
  const self = relationName(n.relation)
  const constraints: (Record<string, any> | undefined)[] = []
  for (const elt of n.tableElts ?? []) {
    if (elt.Constraint) constraints.push(elt.Constraint)
    for (const c of elt.ColumnDef?.constraints ?? []) constraints.push(c?.Constraint)
  }
  const parentLock: LockMode = n.partbound ? 'ACCESS EXCLUSIVE' : 'SHARE UPDATE EXCLUSIVE'
  const parents = (n.inhRelations ?? []).flatMap((r: any) => {
    const parent = relationName(r.RangeVar)
    return parent ? [{ table: parent, lock: parentLock }] : []
  })
  return [...parents, ...foreignKeyLocks(constraints, self)]
}

/** One entry per table (same spelling), with the strongest lock asked for it. */
function mergeLocks(locks: readonly TableLock[]): TableLock[] {
  const byTable = new Map<string, TableLock>()
  for (const l of locks) {
    const seen = byTable.get(qualified(l.table))
    byTable.set(qualified(l.table), seen ? { table: seen.table, lock: strongerLock(seen.lock, l.lock) } : l)
  }
  return [...byTable.values()]
}

/** `public.` for unqualified names, so `t` and `public.t` compare equal. */
function qualified(name: string): string {
  return name.includes('.') ? name : `public.${name}`
}

/** Whether a DefElem option (VACUUM (FULL), REINDEX (CONCURRENTLY)) is on: no argument, or a true-ish one. */
export function isTrueOption(def: Record<string, any> | undefined): boolean {
  const arg = def?.arg
  if (!arg) return true
  if (arg.Boolean) return Boolean(arg.Boolean.boolval)
  if (arg.Integer) return Number(arg.Integer.ival ?? 0) !== 0
  const text = String(arg.String?.sval ?? arg.A_Const?.sval?.sval ?? '').toLowerCase()
  return !['false', 'off', '0', 'no'].includes(text)
}

/** Returns the stronger of two lock modes. */
export function strongerLock(a: LockMode, b: LockMode): LockMode {
  return LOCK_MODES.indexOf(a) >= LOCK_MODES.indexOf(b) ? a : b
}

/** The tables a statement locks and the lock on each; empty when it locks no existing table. */
export function statementLocks(stmt: Pick<Statement, 'kind' | 'node'>, pgMajor = 18): TableLock[] {
  const n = stmt.node
  const one = (table: string | undefined, lock: LockMode): TableLock[] => (table ? [{ table, lock }] : [])
  switch (stmt.kind) {
    case 'AlterTableStmt': {
      const table = relationName(n.relation)
      // ALTER TYPE on a composite type locks the type, which no query reads as a table.
      if (!table || n.objtype === 'OBJECT_TYPE') return []
      let lock: LockMode = 'ACCESS SHARE'
      const extra: TableLock[] = []
      for (const c of n.cmds ?? []) {
        const cmd = c.AlterTableCmd ?? {}
        lock = strongerLock(lock, alterTableCmdLock(cmd, pgMajor))
        extra.push(...alterTableCmdOtherLocks(cmd, table))
      }
      return mergeLocks([{ table, lock }, ...extra])
    }
    case 'CreateStmt':
      return mergeLocks(createTableLocks(n))
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
      if (['OBJECT_TRIGGER', 'OBJECT_RULE', 'OBJECT_POLICY'].includes(n.removeType)) {
        // DROP TRIGGER/RULE/POLICY name ON table: the object list is [schema?, table, name].
        return objectNames((n.objects ?? []).map((o: any) => ({ List: { items: (o?.List?.items ?? []).slice(0, -1) } }))).map((table) => ({
          table,
          lock: 'ACCESS EXCLUSIVE' as const,
        }))
      }
      return []
    }
    case 'TruncateStmt':
      return (n.relations ?? []).flatMap((r: any) => one(relationName(r.RangeVar), 'ACCESS EXCLUSIVE'))
    case 'RenameStmt':
      // Renaming an index takes SHARE UPDATE EXCLUSIVE on the index (12+), not a table lock.
      if (
        ['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE', 'OBJECT_FOREIGN_TABLE', 'OBJECT_TRIGGER', 'OBJECT_POLICY'].includes(
          n.renameType,
        )
      ) {
        return one(relationName(n.relation), 'ACCESS EXCLUSIVE')
      }
      return []
    case 'ReindexStmt':
      if (n.kind === 'REINDEX_OBJECT_TABLE') {
        const concurrent = (n.params ?? []).some((p: any) => p.DefElem?.defname === 'concurrently' && isTrueOption(p.DefElem))
        return one(relationName(n.relation), concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE')
      }
      return []
    case 'VacuumStmt': {
      const isFull = (n.options ?? []).some((o: any) => o.DefElem?.defname === 'full' && isTrueOption(o.DefElem))
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
    case 'CreatePolicyStmt':
    case 'AlterPolicyStmt':
      return one(relationName(n.table), 'ACCESS EXCLUSIVE')
    case 'AlterObjectSchemaStmt':
      if (['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_SEQUENCE', 'OBJECT_FOREIGN_TABLE'].includes(n.objectType)) {
        return one(relationName(n.relation), 'ACCESS EXCLUSIVE')
      }
      return []
    case 'CreateStatsStmt':
      return (n.relations ?? []).flatMap((r: any) => one(relationName(r.RangeVar), 'SHARE UPDATE EXCLUSIVE'))
    case 'CommentStmt':
      return []
    case 'LockStmt': {
      // LockStmt.mode is the lock's number in lockdefs.h: 1 (ACCESS SHARE) to 8 (ACCESS EXCLUSIVE), in LOCK_MODES order.
      const lock = LOCK_MODES[(n.mode ?? 8) - 1] ?? 'ACCESS EXCLUSIVE'
      return (n.relations ?? []).flatMap((r: any) => one(relationName(r.RangeVar), lock))
    }
    default:
      return []
  }
}
