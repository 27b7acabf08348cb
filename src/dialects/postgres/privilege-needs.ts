/**
 * What each statement needs from the role that runs it, from the privilege notes on each command's
 * manual page (https://www.postgresql.org/docs/current/ddl-priv.html): ownership of the table it
 * alters or drops, a table privilege for DML, TRUNCATE and triggers, CREATE on the schema it
 * creates in or on the database, and the right to create an extension. Objects created earlier in
 * the same pending set belong to the migration role and need nothing more.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import type { PendingFile, StatementRef } from '../../engine/define.js'
import { normaliseTable } from '../../engine/pending.js'
import { objectNames, relationName } from './locks.js'

export type Need =
  /** Be (or inherit) the owner; schema owners may also drop; MAINTAIN (17+) also allows maintenance commands. */
  | { readonly kind: 'owner'; readonly table: string; readonly orSchemaOwner?: boolean; readonly orMaintain?: boolean; readonly onlyIfExists?: boolean }
  /** Hold any one of these table privileges. */
  | { readonly kind: 'table-privilege'; readonly table: string; readonly anyOf: readonly TablePrivilege[] }
  | { readonly kind: 'schema-create'; readonly schema: string }
  | { readonly kind: 'database-create' }
  | { readonly kind: 'extension'; readonly name: string; readonly ifNotExists: boolean }

export const TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN'] as const
export type TablePrivilege = (typeof TABLE_PRIVILEGES)[number]

/** A statement with what it needs. */
export interface StatementNeeds {
  readonly ref: StatementRef
  readonly needs: readonly Need[]
}

/** Needs of every pending statement, in order, leaving out objects the pending set created earlier. */
export function pendingNeeds(files: readonly PendingFile[]): StatementNeeds[] {
  const createdTables = new Set<string>()
  const createdSchemas = new Set<string>()
  const out: StatementNeeds[] = []
  for (const file of files) {
    for (const stmt of file.parsed.statements) {
      const needs = statementNeeds(stmt.kind, stmt.node).filter((need) => {
        if ('table' in need) return !createdTables.has(need.table) && !createdSchemas.has(schemaOf(need.table))
        if (need.kind === 'schema-create') return !createdSchemas.has(need.schema)
        return true
      })
      if (needs.length > 0) out.push({ ref: { file, stmt }, needs })
      for (const table of createdBy(stmt.kind, stmt.node)) createdTables.add(table)
      if (stmt.kind === 'CreateSchemaStmt' && typeof stmt.node.schemaname === 'string') createdSchemas.add(stmt.node.schemaname)
    }
  }
  return out
}

/** The schema of a normalised table name. */
export function schemaOf(table: string): string {
  return table.slice(0, table.indexOf('.'))
}

/** Normalised name of a RangeVar, or undefined. */
function rel(rangeVar: Record<string, any> | undefined): string | undefined {
  const name = relationName(rangeVar)
  return name ? normaliseTable(name) : undefined
}

/**
 * Stands for the schema an unqualified CREATE puts its object in: the first existing schema of
 * the search_path (current_schema()), which a role's search_path may make another than public.
 * catalog/privileges.ts resolves it on the target.
 */
export const CREATION_SCHEMA = '$current_schema'

/** Schema a CREATE puts its object in: the qualified one, else the search_path's (CREATION_SCHEMA). */
function creationSchema(rangeVar: Record<string, any> | undefined): string {
  return typeof rangeVar?.schemaname === 'string' ? rangeVar.schemaname : CREATION_SCHEMA
}

/** Schema of a qualified name list ([schema, name] String nodes), else the search_path's. */
function listSchema(names: readonly any[] | undefined): string {
  const parts = (names ?? []).map((n) => n?.String?.sval).filter((s): s is string => typeof s === 'string')
  return parts.length >= 2 ? parts[parts.length - 2]! : CREATION_SCHEMA
}

/** Tables (and views, sequences) a statement creates. */
function createdBy(kind: string, n: Record<string, any>): string[] {
  const name =
    kind === 'CreateStmt' ? rel(n.relation) : kind === 'CreateTableAsStmt' ? rel(n.into?.rel) : kind === 'ViewStmt' ? rel(n.view) : kind === 'CreateSeqStmt' ? rel(n.sequence) : undefined
  return name ? [name] : []
}

const OWNED_DROP_TYPES = ['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE', 'OBJECT_SEQUENCE', 'OBJECT_INDEX']
const RENAMED_RELATIONS = ['OBJECT_TABLE', 'OBJECT_COLUMN', 'OBJECT_TABCONSTRAINT', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_INDEX', 'OBJECT_SEQUENCE', 'OBJECT_FOREIGN_TABLE', 'OBJECT_TRIGGER', 'OBJECT_RULE', 'OBJECT_POLICY']
const LOCK_MODE_SELECT = 1
const LOCK_MODE_ROW_EXCLUSIVE = 3

/** What one statement needs, before subtracting objects created earlier. */
export function statementNeeds(kind: string, n: Record<string, any>): Need[] {
  const owner = (table: string | undefined, extra: Partial<Extract<Need, { kind: 'owner' }>> = {}): Need[] => (table ? [{ kind: 'owner', table, ...extra }] : [])
  const privilege = (table: string | undefined, ...anyOf: TablePrivilege[]): Need[] => (table ? [{ kind: 'table-privilege', table, anyOf }] : [])
  switch (kind) {
    case 'AlterTableStmt': {
      const needs = owner(rel(n.relation))
      for (const c of n.cmds ?? []) {
        const constraint = c.AlterTableCmd?.def?.Constraint
        if (c.AlterTableCmd?.subtype === 'AT_AddConstraint' && constraint?.contype === 'CONSTR_FOREIGN') needs.push(...privilege(rel(constraint.pktable), 'REFERENCES'))
      }
      return needs
    }
    case 'IndexStmt':
    case 'RuleStmt':
      return owner(rel(n.relation))
    case 'CreateTrigStmt':
      return privilege(rel(n.relation), 'TRIGGER')
    case 'DropStmt':
      if (!OWNED_DROP_TYPES.includes(n.removeType)) return []
      return objectNames(n.objects).flatMap((name) => owner(normaliseTable(name), { orSchemaOwner: true }))
    case 'RenameStmt':
      return RENAMED_RELATIONS.includes(n.renameType) ? owner(rel(n.relation)) : []
    case 'ReindexStmt':
      return n.kind === 'REINDEX_OBJECT_TABLE' || n.kind === 'REINDEX_OBJECT_INDEX' ? owner(rel(n.relation), { orMaintain: true }) : []
    case 'ClusterStmt':
    case 'RefreshMatViewStmt':
      return owner(rel(n.relation), { orMaintain: true })
    case 'TruncateStmt':
      return (n.relations ?? []).flatMap((r: any) => privilege(rel(r.RangeVar), 'TRUNCATE'))
    case 'InsertStmt':
      return privilege(rel(n.relation), 'INSERT')
    case 'UpdateStmt':
      return privilege(rel(n.relation), 'UPDATE')
    case 'DeleteStmt':
      return privilege(rel(n.relation), 'DELETE')
    case 'LockStmt': {
      const mode = n.mode ?? 8
      const anyOf: TablePrivilege[] = mode === LOCK_MODE_SELECT ? ['SELECT'] : mode === LOCK_MODE_ROW_EXCLUSIVE ? ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] : ['UPDATE', 'DELETE', 'TRUNCATE', 'MAINTAIN']
      return (n.relations ?? []).flatMap((r: any) => privilege(rel(r.RangeVar), ...anyOf))
    }
    case 'CommentStmt': {
      if (n.objtype !== 'OBJECT_TABLE' && n.objtype !== 'OBJECT_COLUMN' && n.objtype !== 'OBJECT_VIEW' && n.objtype !== 'OBJECT_MATVIEW') return []
      const parts: string[] = (n.object?.List?.items ?? []).map((i: any) => i?.String?.sval).filter((s: unknown): s is string => typeof s === 'string')
      const tableParts = n.objtype === 'OBJECT_COLUMN' ? parts.slice(0, -1) : parts
      return tableParts.length > 0 ? owner(normaliseTable(tableParts.join('.'))) : []
    }
    case 'GrantStmt':
      if (n.objtype !== 'OBJECT_TABLE' || n.targtype !== 'ACL_TARGET_OBJECT') return []
      return (n.objects ?? []).flatMap((o: any) => owner(rel(o.RangeVar)))
    case 'CreateStmt':
      return [{ kind: 'schema-create', schema: creationSchema(n.relation) }]
    case 'CreateTableAsStmt':
      return [{ kind: 'schema-create', schema: creationSchema(n.into?.rel) }]
    case 'CreateSeqStmt':
      return [{ kind: 'schema-create', schema: creationSchema(n.sequence) }]
    case 'ViewStmt':
      return [{ kind: 'schema-create', schema: creationSchema(n.view) }, ...(n.replace ? owner(rel(n.view), { onlyIfExists: true }) : [])]
    case 'CreateFunctionStmt':
      return [{ kind: 'schema-create', schema: listSchema(n.funcname) }]
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return [{ kind: 'schema-create', schema: listSchema(n.typeName) }]
    case 'CompositeTypeStmt':
      return [{ kind: 'schema-create', schema: creationSchema(n.typevar) }]
    case 'CreateDomainStmt':
      return [{ kind: 'schema-create', schema: listSchema(n.domainname) }]
    case 'CreateSchemaStmt':
      return [{ kind: 'database-create' }]
    case 'CreateExtensionStmt':
      return typeof n.extname === 'string' ? [{ kind: 'extension', name: n.extname, ifNotExists: n.if_not_exists === true }] : []
    default:
      return []
  }
}

/** Every table and schema named by the needs, for one batched catalog query. */
export function namedObjects(all: readonly StatementNeeds[]): { tables: string[]; schemas: string[] } {
  const tables = new Set<string>()
  const schemas = new Set<string>()
  for (const { needs } of all) {
    for (const need of needs) {
      if ('table' in need) tables.add(need.table)
      if (need.kind === 'schema-create') schemas.add(need.schema)
    }
  }
  return { tables: [...tables], schemas: [...schemas] }
}
