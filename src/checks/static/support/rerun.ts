/**
 * What makes a statement safe to run twice, for the idempotency rules: a migration that fails
 * half-way outside a transaction is re-run from the top, and every statement that already ran
 * must then succeed again. Two patterns make that true besides IF [NOT] EXISTS / OR REPLACE:
 * an earlier `DROP ... IF EXISTS` of the same object in the same file (drop, then create), and
 * an earlier creation of the same object in the same file (create, then drop).
 */
import type { StatementRef } from '../../../engine/define.js'
import type { Statement } from '../../../dialects/postgres/parser.js'
import { relationName } from '../../../dialects/postgres/locks.js'
import { tableKey } from './created-in-pending.js'
import { dropObjectNames } from './statement-facts.js'
import type { AstNode } from './ast.js'

/** Object kinds as DropStmt's removeType names them. */
export type ObjectKind = string

/** Canonical key of an object name: `public.` added to unqualified names. */
export function objectKey(kind: ObjectKind, name: string): string {
  return `${kind}:${kind === 'OBJECT_SCHEMA' || kind === 'OBJECT_EXTENSION' || kind === 'OBJECT_DATABASE' ? name : tableKey(name)}`
}

/** Key of a trigger (or rule, policy): its table and its name. */
export function triggerKey(kind: ObjectKind, table: string, name: string): string {
  return `${kind}:${tableKey(table)}:${name}`
}

/** Whether an earlier statement of the same file drops the object with IF EXISTS. */
export function isDroppedIfExistsBefore(ref: StatementRef, key: string): boolean {
  return earlierInFile(ref).some((s) => s.kind === 'DropStmt' && s.node.missing_ok && droppedKeys(s.node).includes(key))
}

/** Whether an earlier statement of the same file creates the object (a re-run creates it again first). */
export function isCreatedEarlierInFile(ref: StatementRef, key: string): boolean {
  return earlierInFile(ref).some((s) => createdKeys(s).includes(key))
}

/** Statements of the file before `ref`. */
function earlierInFile(ref: StatementRef): readonly Statement[] {
  return ref.file.parsed.statements.slice(0, ref.stmt.index)
}

/** Keys of the objects a DropStmt names. */
function droppedKeys(node: AstNode): string[] {
  const kind = String(node.removeType)
  if (['OBJECT_TRIGGER', 'OBJECT_RULE', 'OBJECT_POLICY'].includes(kind)) {
    return (node.objects ?? []).map((o: AstNode) => {
      const parts = (o?.List?.items ?? []).map((i: AstNode) => i?.String?.sval)
      return triggerKey(kind, parts.slice(0, -1).join('.'), parts[parts.length - 1])
    })
  }
  return dropObjectNames(node.objects).map((name) => objectKey(kind, name))
}

/** Keys of the objects a statement creates. */
function createdKeys(stmt: Statement): string[] {
  const n = stmt.node
  const name = (parts: readonly AstNode[] | undefined): string => (parts ?? []).map((p) => p?.String?.sval).join('.')
  switch (stmt.kind) {
    case 'CreateStmt':
      return [objectKey('OBJECT_TABLE', relationName(n.relation) ?? '')]
    case 'CreateTableAsStmt':
      return [objectKey(n.objtype === 'OBJECT_MATVIEW' ? 'OBJECT_MATVIEW' : 'OBJECT_TABLE', relationName(n.into?.rel) ?? '')]
    case 'ViewStmt':
      return [objectKey('OBJECT_VIEW', relationName(n.view) ?? '')]
    case 'IndexStmt':
      return n.idxname ? [objectKey('OBJECT_INDEX', n.relation?.schemaname ? `${n.relation.schemaname}.${n.idxname}` : n.idxname)] : []
    case 'CreateSeqStmt':
      return [objectKey('OBJECT_SEQUENCE', relationName(n.sequence) ?? '')]
    case 'CreateSchemaStmt':
      return n.schemaname ? [objectKey('OBJECT_SCHEMA', n.schemaname)] : []
    case 'CreateExtensionStmt':
      return [objectKey('OBJECT_EXTENSION', n.extname)]
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return [objectKey('OBJECT_TYPE', name(n.typeName))]
    case 'CompositeTypeStmt':
      return [objectKey('OBJECT_TYPE', relationName(n.typevar) ?? '')]
    case 'DefineStmt':
      return n.kind === 'OBJECT_TYPE' ? [objectKey('OBJECT_TYPE', name(n.defnames))] : []
    case 'CreateDomainStmt':
      return [objectKey('OBJECT_DOMAIN', name(n.domainname))]
    case 'CreateFunctionStmt':
      return [objectKey(n.is_procedure ? 'OBJECT_PROCEDURE' : 'OBJECT_FUNCTION', name(n.funcname))]
    case 'CreateTrigStmt':
      return [triggerKey('OBJECT_TRIGGER', relationName(n.relation) ?? '', n.trigname)]
    default:
      return []
  }
}

/** Keys a CREATE statement's object would have, so rules can ask about it (first only). */
export function createdKey(stmt: Statement): string | undefined {
  return createdKeys(stmt)[0]
}
