/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
/**
 * Which statements write a new copy of a table or build an index, and so need free disk space
 * about the size of what they rebuild, plus as much WAL. From the PostgreSQL manual: ALTER TABLE
 * rewrites for type changes that are not binary-coercible, volatile or identity defaults of new
 * columns, SET LOGGED/UNLOGGED, SET TABLESPACE and SET ACCESS METHOD
 * (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES);
 * VACUUM FULL, CLUSTER and REFRESH MATERIALIZED VIEW write a new copy; CREATE INDEX, REINDEX and
 * ADD PRIMARY KEY/UNIQUE (without USING INDEX) build indexes.
 */
import type { StatementRef } from '../../engine/define.js'
import { relationName } from './locks.js'

/** What a statement rebuilds on one table. */
export interface Rebuild {
  readonly ref: StatementRef
  /** The table as the statement names it. */
  readonly table: string
  /** rewrite: a new copy of the table and its indexes; index: one new index. */
  readonly kind: 'rewrite' | 'index'
  /** Why, for messages: "ALTER COLUMN code TYPE", "CREATE INDEX". */
  readonly reason: string
}

/** Functions whose value differs per row, so a default that calls them fills every row (a rewrite). */
const VOLATILE_FUNCTIONS = new Set([
  'random',
  'gen_random_uuid',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'uuidv4',
  'uuidv7',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'txid_current',
])

/** True when an expression calls a volatile function. */
function isVolatile(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(isVolatile)
  if (node === null || typeof node !== 'object') return false
  const obj = node as Record<string, any>
  const call = obj.FuncCall
  if (call) {
    const name = (call.funcname ?? []).map((p: any) => p?.String?.sval).at(-1)
    if (VOLATILE_FUNCTIONS.has(name)) return true
  }
  return Object.values(obj).some(isVolatile)
}

/** True when a new column fills every existing row: volatile default, identity, serial or stored generated. */
function isFillingColumn(def: Record<string, any>): boolean {
  const type = (def.typeName?.names ?? []).map((p: any) => p?.String?.sval).at(-1)
  if (['serial', 'bigserial', 'smallserial', 'serial2', 'serial4', 'serial8'].includes(type)) return true
  return (def.constraints ?? []).some((c: any) => {
    const k = c.Constraint
    if (!k) return false
    if (k.contype === 'CONSTR_IDENTITY' || k.contype === 'CONSTR_GENERATED') return true
    return k.contype === 'CONSTR_DEFAULT' && isVolatile(k.raw_expr)
  })
}

/**
 * What one statement rebuilds. `isBinaryTypeChange(ref, column)` says whether a type change
 * keeps the stored bytes (from the target's pg_cast); without it every type change is a rewrite.
 */
export function statementRebuilds(ref: StatementRef, isBinaryTypeChange: (ref: StatementRef, column: string) => boolean = () => false): Rebuild[] {
  const n = ref.stmt.node
  const at = (table: string | undefined, kind: Rebuild['kind'], reason: string): Rebuild[] => (table ? [{ ref, table, kind, reason }] : [])
  switch (ref.stmt.kind) {
    case 'IndexStmt':
      return at(relationName(n.relation), 'index', n.unique ? 'CREATE UNIQUE INDEX' : 'CREATE INDEX')
    case 'ReindexStmt':
      return n.kind === 'REINDEX_OBJECT_TABLE' ? at(relationName(n.relation), 'rewrite', 'REINDEX TABLE') : []
    case 'ClusterStmt':
      return at(relationName(n.relation), 'rewrite', 'CLUSTER')
    case 'RefreshMatViewStmt':
      return at(relationName(n.relation), 'rewrite', 'REFRESH MATERIALIZED VIEW')
    case 'VacuumStmt': {
      const isFull = (n.options ?? []).some((o: any) => o.DefElem?.defname === 'full')
      return isFull ? (n.rels ?? []).flatMap((r: any) => at(relationName(r.VacuumRelation?.relation), 'rewrite', 'VACUUM FULL')) : []
    }
    case 'AlterTableStmt': {
      if (n.objtype !== 'OBJECT_TABLE' && n.objtype !== 'OBJECT_MATVIEW') return []
      const table = relationName(n.relation)
      const reasons = (n.cmds ?? []).flatMap((c: any) => alterCmdRebuild(ref, c.AlterTableCmd ?? {}, isBinaryTypeChange))
      // One ALTER TABLE rewrites the table once, whatever the number of sub-commands.
      const rewrite = reasons.find((r: { kind: string }) => r.kind === 'rewrite')
      if (rewrite) return at(table, 'rewrite', rewrite.reason)
      return reasons.flatMap((r: { kind: Rebuild['kind']; reason: string }) => at(table, r.kind, r.reason))
    }
    default:
      return []
  }
}

/** What one ALTER TABLE sub-command rebuilds. */
function alterCmdRebuild(ref: StatementRef, cmd: Record<string, any>, isBinary: (ref: StatementRef, column: string) => boolean): { kind: Rebuild['kind']; reason: string }[] {
  switch (cmd.subtype) {
    case 'AT_AlterColumnType':
      return isBinary(ref, cmd.name) ? [] : [{ kind: 'rewrite', reason: `ALTER COLUMN ${cmd.name} TYPE` }]
    case 'AT_AddColumn':
      return cmd.def?.ColumnDef && isFillingColumn(cmd.def.ColumnDef) ? [{ kind: 'rewrite', reason: `ADD COLUMN ${cmd.def.ColumnDef.colname} with a per-row value` }] : []
    case 'AT_SetLogged':
    case 'AT_SetUnLogged':
    case 'AT_SetTableSpace':
    case 'AT_SetAccessMethod':
      return [{ kind: 'rewrite', reason: cmd.subtype.replace('AT_', '').replace(/([a-z])([A-Z])/g, '$1 $2').toUpperCase() }]
    case 'AT_AddConstraint': {
      const c = cmd.def?.Constraint
      if (!c || c.indexname) return []
      if (c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_UNIQUE' || c.contype === 'CONSTR_EXCLUSION') {
        return [{ kind: 'index', reason: `ADD ${c.contype === 'CONSTR_PRIMARY' ? 'PRIMARY KEY' : c.contype === 'CONSTR_UNIQUE' ? 'UNIQUE' : 'EXCLUDE'} (builds its index)` }]
      }
      return []
    }
    default:
      return []
  }
}
