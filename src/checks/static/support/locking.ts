/**
 * The table locks a pending statement takes on tables that already exist (tables created earlier
 * in the pending set are new and empty: locking them blocks nobody), and how to say what a lock
 * blocks. Lock levels come from src/dialects/postgres/locks.ts.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import type { Evidence, LockMode } from '../../../engine/model.js'
import type { StatementRef, StaticContext } from '../../../engine/define.js'
import type { Statement } from '../../../dialects/postgres/parser.js'
import { isTrueOption, statementLocks } from '../../../dialects/postgres/locks.js'
import { isCreatedBefore, tableKey } from './created-in-pending.js'
import { ownStatement } from './executed-sql.js'
import { displayKey, qualifiedNameOf, relationOf } from './sql-names.js'
import { INDEX_KEY_PREFIX, sizeEvidence } from './table-size.js'
import { defineShardIndex } from './carry.js'

/** A lock a statement takes on a table that exists before the pending set. */
export interface ExistingLock {
  /** Canonical `schema.name`, or `index:schema.name` when only the index is known. */
  readonly key: string
  /** Printable: `public.orders`, or `the table of index public.orders_idx`. */
  readonly display: string
  readonly lock: LockMode
  /** Whether the table itself is known (not only its index). */
  readonly isKnown: boolean
}

const ORDER: readonly LockMode[] = [
  'ACCESS SHARE',
  'ROW SHARE',
  'ROW EXCLUSIVE',
  'SHARE UPDATE EXCLUSIVE',
  'SHARE',
  'SHARE ROW EXCLUSIVE',
  'EXCLUSIVE',
  'ACCESS EXCLUSIVE',
]

/** Whether lock `a` is at least as strong as `b`. */
export function isAtLeast(a: LockMode, b: LockMode): boolean {
  return ORDER.indexOf(a) >= ORDER.indexOf(b)
}

/** "an ACCESS EXCLUSIVE", "a SHARE": the lock name with its article. */
export function lockWithArticle(lock: LockMode): string {
  return `${/^[AEIOU]/.test(lock) ? 'an' : 'a'} ${lock}`
}

/** What other sessions cannot do while the lock is held or queued. */
export function lockEffect(lock: LockMode): string {
  switch (lock) {
    case 'ACCESS EXCLUSIVE':
      return 'reads and writes are blocked'
    case 'EXCLUSIVE':
      return 'writes are blocked (plain reads continue)'
    case 'SHARE ROW EXCLUSIVE':
    case 'SHARE':
      return 'writes are blocked'
    case 'SHARE UPDATE EXCLUSIVE':
      return 'schema changes, VACUUM and other maintenance wait'
    default:
      return 'only stronger locks wait'
  }
}

/** Locks the statement takes on existing tables, including the table behind DROP INDEX / REINDEX INDEX. */
export function existingLocks(ctx: StaticContext, ref: StatementRef): ExistingLock[] {
  const out: ExistingLock[] = []
  // An executed statement inside a DO block locks what it touches, not what the DO names.
  const own = ownStatement(ref)
  for (const { table, lock } of statementLocks(own, ctx.postgresVersion)) {
    const key = tableKey(table)
    if (!isCreatedBefore(ctx, ref, table)) out.push({ key, display: displayKey(key), lock, isKnown: true })
  }
  const n = own.node
  if (own.kind === 'DropStmt' && n.removeType === 'OBJECT_INDEX') {
    const lock: LockMode = n.concurrent ? 'SHARE UPDATE EXCLUSIVE' : 'ACCESS EXCLUSIVE'
    for (const object of n.objects ?? []) {
      const index = qualifiedNameOf(object?.List?.items)
      if (index) out.push(...indexTableLock(ctx, ref, index.key, lock))
    }
  }
  if (own.kind === 'ReindexStmt' && n.kind === 'REINDEX_OBJECT_INDEX') {
    const index = relationOf(n.relation)
    if (index) out.push(...indexTableLock(ctx, ref, index.key, isConcurrentReindex(n) ? 'SHARE UPDATE EXCLUSIVE' : 'SHARE'))
  }
  return out
}

/** Whether a ReindexStmt has the CONCURRENTLY option. */
export function isConcurrentReindex(n: Record<string, any>): boolean {
  return (n.params ?? []).some((p: any) => p.DefElem?.defname === 'concurrently' && isTrueOption(p.DefElem))
}

/** The lock on the table behind an index, unless that table is new. */
function indexTableLock(ctx: StaticContext, ref: StatementRef, indexKey: string, lock: LockMode): ExistingLock[] {
  const table = indexTableBefore(ctx, ref, indexKey)
  if (!table) return [{ key: `${INDEX_KEY_PREFIX}${indexKey}`, display: `the table of index ${displayKey(indexKey)}`, lock, isKnown: false }]
  if (isCreatedBefore(ctx, ref, table)) return []
  return [{ key: table, display: displayKey(table), lock, isKnown: true }]
}

/**
 * Index name -> the tables it was created on, at which top-level statement of the pending set.
 * Carried across shards; `offset` counts the statements of earlier shards.
 */
class CreatedIndexes {
  readonly created = new Map<string, { at: number; table: string }[]>()
  order = new Map<Statement, number>()
  #next = 0

  extend(ctx: StaticContext): void {
    this.order = new Map()
    for (const file of ctx.files) {
      for (const stmt of file.parsed.statements) {
        const at = this.#next++
        this.order.set(stmt, at)
        const table = relationOf(stmt.node.relation)
        if (stmt.kind === 'IndexStmt' && stmt.node.idxname && table) {
          // An index lives in its table's schema.
          const key = `${table.key.slice(0, table.key.lastIndexOf('.'))}.${stmt.node.idxname}`
          const list = this.created.get(key)
          if (list) list.push({ at, table: table.key })
          else this.created.set(key, [{ at, table: table.key }])
        }
      }
    }
  }
}

/** The table of an index created by a pending statement before `ref`, or undefined. */
export function indexTableBefore(ctx: StaticContext, ref: StatementRef, indexKey: string): string | undefined {
  const index = createdIndexes(ctx)
  const at = index.order.get(ref.stmt) ?? -1
  return (index.created.get(indexKey) ?? []).filter((c) => c.at < at).pop()?.table
}

/**
 * Evidence for a lock finding: lock, tables, the version assumed, and each table's size when the
 * target was read (sizeEvidence's shape; a finding graded by size adds its grade in `extra`).
 */
export function lockEvidence(ctx: StaticContext, lock: LockMode, keys: readonly string[], extra: Evidence = {}): Evidence {
  const sizes = keys.flatMap((key) => sizeEvidence(ctx, key) ?? [])
  return {
    lock,
    tables: keys,
    postgresVersion: ctx.postgresVersion,
    versionSource: ctx.versionSource,
    ...(sizes.length > 0 ? { sizes } : {}),
    ...extra,
  }
}

/** The CreatedIndexes of the run, up to the end of the current shard. */
const createdIndexes = defineShardIndex(() => new CreatedIndexes())
