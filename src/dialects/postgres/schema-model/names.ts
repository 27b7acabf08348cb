/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
/**
 * The names pending statements mention, so the loader reads only those objects from the
 * catalog. The walk is generic over the parse tree: every RangeVar (an object with `relname`)
 * names a relation, every TypeName (`names` + `typemod`) a type; object lists of DROP, RENAME,
 * COMMENT and the CREATE statements add the rest.
 */
import type { Statement } from '../parser.js'

/** DROP object types that name a relation. */
export const RELATION_OBJECTS: ReadonlySet<string> = new Set(['OBJECT_TABLE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_INDEX', 'OBJECT_SEQUENCE', 'OBJECT_FOREIGN_TABLE'])

/** DROP object types named [table, object]: triggers, policies, rules. */
export const ON_TABLE_OBJECTS: ReadonlySet<string> = new Set(['OBJECT_TRIGGER', 'OBJECT_POLICY', 'OBJECT_RULE'])

/** What the loader needs to look up. */
export interface ReferencedNames {
  /** Unqualified relation names (tables, views, indexes, sequences, constraint-backing indexes). */
  readonly relations: Set<string>
  /** Schemas named explicitly, and those a SET search_path lists. */
  readonly schemas: Set<string>
  /** Types by their name parts as written: [name] or [schema, name], plus "[]" marker for arrays. */
  readonly types: Map<string, readonly string[]>
  readonly extensions: Set<string>
}

/** The String values of a list of String nodes. */
export function stringsOf(items: readonly any[] | undefined): string[] {
  return (items ?? []).map((item) => item?.String?.sval).filter((s): s is string => typeof s === 'string')
}

/** The name parts of one DROP/COMMENT object: a List of Strings, a bare String or a TypeName. */
export function objectParts(object: any): string[] {
  if (object?.List) return stringsOf(object.List.items)
  if (object?.String) return [object.String.sval]
  if (object?.TypeName) return stringsOf(object.TypeName.names)
  return []
}

/** Collects every name the statements mention. */
export function collectNames(statements: Iterable<Pick<Statement, 'kind' | 'node'>>): ReferencedNames {
  const names: ReferencedNames = { relations: new Set(), schemas: new Set(), types: new Map(), extensions: new Set() }
  for (const stmt of statements) {
    walk(stmt.node, names)
    collectStatementNames(stmt, names)
  }
  return names
}

/** Adds a type reference by its parts. */
function addType(names: ReferencedNames, parts: readonly string[]): void {
  if (parts.length === 0) return
  names.types.set(parts.join('.'), parts)
  if (parts.length > 1) names.schemas.add(parts[parts.length - 2]!)
}

/** Adds a relation by its qualified parts. */
function addRelation(names: ReferencedNames, parts: readonly string[]): void {
  const name = parts.at(-1)
  if (!name) return
  names.relations.add(name)
  if (parts.length > 1) names.schemas.add(parts[parts.length - 2]!)
}

/** Walks a node tree collecting RangeVars and TypeNames wherever they appear. */
function walk(node: unknown, names: ReferencedNames): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, names)
    return
  }
  if (node === null || typeof node !== 'object') return
  const obj = node as Record<string, any>
  if (typeof obj.relname === 'string') {
    addRelation(names, obj.schemaname ? [obj.schemaname, obj.relname] : [obj.relname])
  }
  if (Array.isArray(obj.names) && 'typemod' in obj) addType(names, stringsOf(obj.names))
  for (const value of Object.values(obj)) walk(value, names)
}

/** Names that are not RangeVars or TypeNames: object lists, new names, constraint and index names. */
function collectStatementNames(stmt: Pick<Statement, 'kind' | 'node'>, names: ReferencedNames): void {
  const n = stmt.node
  switch (stmt.kind) {
    case 'DropStmt':
      for (const object of n.objects ?? []) {
        const parts = objectParts(object)
        if (n.removeType === 'OBJECT_SCHEMA') parts.forEach((s) => names.schemas.add(s))
        else if (n.removeType === 'OBJECT_EXTENSION') parts.forEach((e) => names.extensions.add(e))
        else if (n.removeType === 'OBJECT_TYPE' || n.removeType === 'OBJECT_DOMAIN') addType(names, parts)
        else if (RELATION_OBJECTS.has(n.removeType)) addRelation(names, parts)
        else if (ON_TABLE_OBJECTS.has(n.removeType)) addRelation(names, parts.slice(0, -1))
      }
      break
    case 'RenameStmt':
      if (n.renameType === 'OBJECT_SCHEMA') {
        names.schemas.add(n.subname)
        names.schemas.add(n.newname)
      } else if (n.renameType === 'OBJECT_TYPE' || n.renameType === 'OBJECT_DOMAIN') {
        const parts = objectParts(n.object)
        addType(names, parts)
        addType(names, [...parts.slice(0, -1), n.newname])
      } else if (n.relation && ['OBJECT_TABLE', 'OBJECT_INDEX', 'OBJECT_SEQUENCE', 'OBJECT_VIEW', 'OBJECT_MATVIEW', 'OBJECT_FOREIGN_TABLE'].includes(n.renameType)) {
        addRelation(names, [n.newname])
        addType(names, [n.newname])
      } else if (n.renameType === 'OBJECT_TABCONSTRAINT') {
        // A renamed primary key or unique constraint renames its index too.
        addRelation(names, [n.newname])
      }
      break
    case 'CommentStmt': {
      const parts = objectParts(n.object)
      if (n.objtype === 'OBJECT_COLUMN') addRelation(names, parts.slice(0, -1))
      else if (['OBJECT_TABLE', 'OBJECT_INDEX', 'OBJECT_VIEW', 'OBJECT_SEQUENCE', 'OBJECT_MATVIEW'].includes(n.objtype)) addRelation(names, parts)
      else if (n.objtype === 'OBJECT_TYPE') addType(names, parts)
      else if (n.objtype === 'OBJECT_SCHEMA') parts.forEach((s) => names.schemas.add(s))
      else if (n.objtype === 'OBJECT_EXTENSION') parts.forEach((e) => names.extensions.add(e))
      break
    }
    case 'CreateSchemaStmt':
      if (n.schemaname) names.schemas.add(n.schemaname)
      break
    case 'CreateExtensionStmt':
    case 'AlterExtensionStmt':
      names.extensions.add(n.extname)
      break
    case 'CreateEnumStmt':
    case 'AlterEnumStmt':
      addType(names, stringsOf(n.typeName))
      break
    case 'CreateDomainStmt':
      addType(names, stringsOf(n.domainname))
      break
    case 'IndexStmt':
      if (n.idxname) addRelation(names, [n.idxname])
      break
    case 'VariableSetStmt':
      if (n.name === 'search_path') for (const s of searchPathArgs(n)) names.schemas.add(s)
      break
    default:
      break
  }
  // Constraint names become index names (PRIMARY KEY, UNIQUE); USING INDEX names an index.
  for (const constraint of constraintsOf(stmt)) {
    if (constraint.conname) addRelation(names, [constraint.conname])
    if (constraint.indexname) addRelation(names, [constraint.indexname])
  }
  // New relations also claim a row type of the same name.
  for (const parts of createdRelationNames(stmt)) addType(names, parts)
}

/** The schema names of a `SET search_path` statement. */
export function searchPathArgs(node: Record<string, any>): string[] {
  return (node.args ?? [])
    .map((a: any) => a?.A_Const?.sval?.sval ?? a?.String?.sval)
    .filter((s: unknown): s is string => typeof s === 'string')
    .flatMap((s: string) => s.split(','))
    .map((s: string) => s.trim())
    .filter((s: string) => s.length > 0 && s !== '$user')
    .map((s: string) => (s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replaceAll('""', '"') : s.toLowerCase()))
}

/** Constraint nodes of CREATE TABLE and ALTER TABLE ADD CONSTRAINT / ADD COLUMN. */
function constraintsOf(stmt: Pick<Statement, 'kind' | 'node'>): Record<string, any>[] {
  const out: Record<string, any>[] = []
  if (stmt.kind === 'CreateStmt') {
    for (const elt of stmt.node.tableElts ?? []) {
      if (elt.Constraint) out.push(elt.Constraint)
      for (const c of elt.ColumnDef?.constraints ?? []) if (c.Constraint) out.push(c.Constraint)
    }
  } else if (stmt.kind === 'AlterTableStmt') {
    for (const c of stmt.node.cmds ?? []) {
      const def = c.AlterTableCmd?.def
      if (def?.Constraint) out.push(def.Constraint)
      for (const cc of def?.ColumnDef?.constraints ?? []) if (cc.Constraint) out.push(cc.Constraint)
    }
  }
  return out
}

/** Qualified name parts of relations a statement creates. */
function createdRelationNames(stmt: Pick<Statement, 'kind' | 'node'>): string[][] {
  const n = stmt.node
  const parts = (rv: any): string[] => (rv?.relname ? (rv.schemaname ? [rv.schemaname, rv.relname] : [rv.relname]) : [])
  switch (stmt.kind) {
    case 'CreateStmt':
      return [parts(n.relation)]
    case 'CreateTableAsStmt':
      return [parts(n.into?.rel)]
    case 'ViewStmt':
      return [parts(n.view)]
    case 'CreateSeqStmt':
      return [parts(n.sequence)]
    case 'CompositeTypeStmt':
      return [parts(n.typevar)]
    default:
      return []
  }
}
