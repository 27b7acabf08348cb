/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
/**
 * Replay of DROP, RENAME, types, schemas, extensions, sequences, views, comments and the
 * statements that only need their objects to exist (DML, REINDEX, GRANT...).
 */
import { displayIdent, displayKey, keyOf, splitKey, type Relation, type RelationKind, type TypeInfo } from './model.js'
import { ON_TABLE_OBJECTS, RELATION_OBJECTS, objectParts, searchPathArgs, stringsOf } from './names.js'
import { rangeVarParts, type Replay } from './replay.js'
import { OBJECT_WORDS, displayParts, matchingUniqueIndexes, reportInvalidIndex, requireColumn, requireRelation } from './replay-tables.js'
import { quotedKey } from './type-names.js'

/** Relation kinds each DROP object type accepts. */
const DROP_KINDS: Readonly<Record<string, readonly RelationKind[]>> = {
  OBJECT_TABLE: ['table', 'partitioned table'],
  OBJECT_VIEW: ['view'],
  OBJECT_MATVIEW: ['materialized view'],
  OBJECT_INDEX: ['index', 'partitioned index'],
  OBJECT_SEQUENCE: ['sequence'],
  OBJECT_FOREIGN_TABLE: ['foreign table'],
}

/** DROP: each object exists, has the kind the statement names, and nothing depends on it (unless CASCADE). */
export function replayDrop(r: Replay, n: Record<string, any>): void {
  const type: string = n.removeType
  const objects: string[][] = (n.objects ?? []).map(objectParts)
  if (RELATION_OBJECTS.has(type)) return dropRelations(r, n, objects)
  for (const parts of objects) {
    if (type === 'OBJECT_TYPE' || type === 'OBJECT_DOMAIN') dropType(r, n, parts)
    else if (type === 'OBJECT_SCHEMA') dropSchema(r, n, parts[0]!)
    else if (type === 'OBJECT_EXTENSION') {
      if (!r.model.extensions.has(parts[0]!) && !n.missing_ok) r.reportMissing('extension', parts[0]!)
      r.model.extensions.delete(parts[0]!)
    } else if (ON_TABLE_OBJECTS.has(type)) {
      const look = r.lookupRelation(parts.slice(0, -1))
      if (!look.relation && look.isKnownMissing && !n.missing_ok) r.reportMissing('table', displayParts(parts.slice(0, -1)))
    }
  }
}

/** DROP TABLE / VIEW / INDEX / SEQUENCE. */
function dropRelations(r: Replay, n: Record<string, any>, objects: string[][]): void {
  const word = OBJECT_WORDS[n.removeType] ?? 'relation'
  const found: { key: string; relation: Relation }[] = []
  for (const parts of objects) {
    const look = r.lookupRelation(parts)
    if (!look.relation || !look.key) {
      if (look.isKnownMissing && !n.missing_ok) r.reportMissing(word, displayParts(parts))
      continue
    }
    if (!DROP_KINDS[n.removeType]!.includes(look.relation.kind)) {
      r.report('missing', `${displayKey(look.key)} is a ${look.relation.kind}, not a ${word}`, {
        mitigation: `Use DROP ${look.relation.kind.replace('partitioned ', '').toUpperCase()} for it, or check the name.`,
        evidence: { name: look.key, kind: look.relation.kind },
      })
      continue
    }
    found.push({ key: look.key, relation: look.relation })
  }
  const dropping = new Set(found.map((f) => f.key))
  for (const { key, relation } of found) {
    if (!isDropAllowed(r, key, relation, dropping, n.behavior === 'DROP_CASCADE')) continue
    r.dropRelation(key)
  }
}

/** Reports what blocks dropping a relation: views, foreign keys, or a constraint that owns the index. */
function isDropAllowed(r: Replay, key: string, relation: Relation, dropping: ReadonlySet<string>, isCascade: boolean): boolean {
  if (relation.index) {
    const owner = [...r.allConstraints()].find((c) => c.index === key)
    if (owner) {
      r.report('dependents', `index ${displayKey(key)} belongs to constraint ${owner.name} on ${displayKey(owner.table)}`, {
        mitigation: `Drop the constraint instead: ALTER TABLE ${displayKey(owner.table)} DROP CONSTRAINT ${displayIdent(owner.name)}.`,
        evidence: { index: key, constraint: owner.name, table: owner.table },
        tables: [owner.table],
      })
      return false
    }
    return true
  }
  if (isCascade) return true
  const users = [
    ...relation.dependents.filter((d) => !dropping.has(d.name)).map((d) => `${d.kind} ${displayKey(d.name)}`),
    ...[...r.allConstraints()]
      .filter((c) => c.type === 'f' && c.refTable === key && c.table !== key && !dropping.has(c.table))
      .map((c) => `foreign key ${c.name} on ${displayKey(c.table)}`),
  ]
  if (users.length === 0) return true
  r.report('dependents', `${displayKey(key)} is used by ${users.join(', ')}`, {
    mitigation: 'Drop or re-point the dependent objects earlier in the migration, or add CASCADE if dropping them too is intended.',
    evidence: { name: key, dependents: users },
    tables: [key],
  })
  return false
}

/** Finds a user-defined type by its name parts through the simulated search path. */
export function lookupUserType(r: Replay, parts: readonly string[]): { key?: string; info?: TypeInfo; isKnownMissing: boolean } {
  const name = parts.at(-1)!
  if (parts.length > 1) {
    const key = keyOf(parts[parts.length - 2]!, name)
    const info = r.model.types.get(key)
    return { key, ...(info ? { info } : {}), isKnownMissing: !info && (r.model.isComplete || r.model.resolvedTypes.has(quotedKey(parts.slice(-2)))) }
  }
  for (const schema of r.effectivePath()) {
    const info = r.model.types.get(keyOf(schema, name))
    if (info) return { key: keyOf(schema, name), info, isKnownMissing: false }
  }
  return { isKnownMissing: r.model.isComplete || r.model.resolvedTypes.has(quotedKey(parts)) }
}

/** DROP TYPE / DOMAIN: it exists, is not a table's row type, and no known column uses it. */
function dropType(r: Replay, n: Record<string, any>, parts: string[]): void {
  const look = lookupUserType(r, parts)
  if (!look.info || !look.key) {
    if (look.isKnownMissing && !n.missing_ok) r.reportMissing(n.removeType === 'OBJECT_DOMAIN' ? 'domain' : 'type', displayParts(parts))
    return
  }
  const { key, info } = look
  if (info.relationKind && info.relationKind !== 'composite type') {
    r.report('missing', `${displayKey(key)} is the row type of ${info.relationKind} ${displayKey(key)}`, {
      mitigation: `Use DROP ${info.relationKind.toUpperCase()} to drop it.`,
      evidence: { type: key, relationKind: info.relationKind },
    })
    return
  }
  const users: string[] = []
  for (const [relKey, relation] of r.model.relations) {
    for (const column of relation.columns.values()) {
      const isUse = (info.oid !== undefined && column.type.oid === info.oid) || column.type.createdKey === key
      if (isUse) users.push(`column ${displayKey(relKey)}.${column.name}`)
    }
  }
  if (users.length > 0 && n.behavior !== 'DROP_CASCADE') {
    r.report('dependents', `type ${displayKey(key)} is used by ${users.join(', ')}`, {
      mitigation: 'Change or drop those columns earlier in the migration, or add CASCADE if dropping them is intended.',
      evidence: { type: key, dependents: users },
      tables: users.map((u) => u.replace(/^column /, '').replace(/\.[^.]+$/, '')),
    })
    return
  }
  r.model.types.delete(key)
  if (info.relationKind === 'composite type') r.model.relations.delete(key)
}

/** DROP SCHEMA: it exists; objects the model knows in it need CASCADE. */
function dropSchema(r: Replay, n: Record<string, any>, schema: string): void {
  const state = r.schemaState(schema)
  if (state === 'no') {
    if (!n.missing_ok) r.reportMissing('schema', displayIdent(schema))
    return
  }
  const inside = [...r.model.relations.keys(), ...r.model.types.keys()].filter((k) => splitKey(k).schema === schema)
  if (inside.length > 0 && n.behavior !== 'DROP_CASCADE') {
    r.report('dependents', `schema ${displayIdent(schema)} is not empty (it holds ${[...new Set(inside)].slice(0, 5).map(displayKey).join(', ')}${inside.length > 5 ? ', ...' : ''})`, {
      mitigation: 'Drop its objects earlier in the migration, or add CASCADE if dropping them is intended.',
      evidence: { schema, objects: [...new Set(inside)] },
    })
    return
  }
  r.model.schemas.delete(schema)
  for (const k of [...r.model.relations.keys()]) if (splitKey(k).schema === schema) r.model.relations.delete(k)
  for (const k of [...r.model.types.keys()]) if (splitKey(k).schema === schema) r.model.types.delete(k)
}

/** Renames a relation's key and every reference to it (indexes, constraints, row type). */
export function rekeyRelation(r: Replay, oldKey: string, newKey: string): void {
  const relation = r.model.relations.get(oldKey)
  if (!relation) return
  const { schema, name } = splitKey(newKey)
  r.model.relations.delete(oldKey)
  r.model.relations.set(newKey, relation.schema === schema ? Object.assign(relation, { name }) : { ...relation, schema, name })
  const rowType = r.model.types.get(oldKey)
  if (rowType?.relationKind) {
    r.model.types.delete(oldKey)
    r.model.types.set(newKey, { ...rowType, schema, name })
  }
  for (const rel of r.model.relations.values()) {
    if (rel.index?.table === oldKey) rel.index = { ...rel.index, table: newKey }
    for (const c of rel.constraints.values()) {
      if (c.table === oldKey) c.table = newKey
      if (c.refTable === oldKey) c.refTable = newKey
      if (c.index === oldKey) c.index = newKey
    }
  }
}

/** ALTER ... RENAME: the object exists and the new name is free. */
export function replayRename(r: Replay, n: Record<string, any>): void {
  switch (n.renameType) {
    case 'OBJECT_TABLE':
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW':
    case 'OBJECT_INDEX':
    case 'OBJECT_SEQUENCE':
    case 'OBJECT_FOREIGN_TABLE': {
      const found = requireRelation(r, n.relation, OBJECT_WORDS[n.renameType], Boolean(n.missing_ok))
      if (!found) return
      const newKey = keyOf(found.relation.schema, n.newname)
      const clash = r.model.relations.get(newKey)
      if (clash) return r.reportExists(clash.kind, displayKey(newKey), { kind: clash.kind })
      if (r.model.types.has(newKey) && r.model.types.has(found.key)) return r.reportExists('type', displayKey(newKey), {}, 'A type of that name exists, and the renamed relation needs its row type name: choose another name.')
      rekeyRelation(r, found.key, newKey)
      return
    }
    case 'OBJECT_COLUMN':
      return renameColumn(r, n)
    case 'OBJECT_TABCONSTRAINT':
      return renameConstraint(r, n)
    case 'OBJECT_SCHEMA':
      return renameSchema(r, n.subname, n.newname)
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const parts = objectParts(n.object)
      const look = lookupUserType(r, parts)
      if (!look.info || !look.key) {
        if (look.isKnownMissing && !n.missing_ok) r.reportMissing('type', displayParts(parts))
        return
      }
      const newKey = keyOf(look.info.schema, n.newname)
      if (r.model.types.has(newKey)) return r.reportExists('type', displayKey(newKey))
      r.model.types.delete(look.key)
      r.model.types.set(newKey, { ...look.info, name: n.newname })
      return
    }
    case 'OBJECT_TRIGGER':
    case 'OBJECT_POLICY':
    case 'OBJECT_RULE':
      requireRelation(r, n.relation, 'table', Boolean(n.missing_ok))
      return
    default:
      return
  }
}

/** RENAME COLUMN: keeps column order and updates indexes and constraints that name it. */
function renameColumn(r: Replay, n: Record<string, any>): void {
  const found = requireRelation(r, n.relation, OBJECT_WORDS[n.relationType] ?? 'table', Boolean(n.missing_ok))
  if (!found) return
  const { key, relation } = found
  if (!requireColumn(r, relation, key, n.subname)) return
  if (relation.columns.has(n.newname)) return r.reportExists('column', `"${n.newname}" of ${relation.kind} ${displayKey(key)}`, { table: key })
  if (relation.isOpaque) return
  const entries = [...relation.columns.entries()].map(([k, c]): [string, typeof c] => (k === n.subname ? [n.newname, { ...c, name: n.newname }] : [k, c]))
  relation.columns.clear()
  for (const [k, c] of entries) relation.columns.set(k, c)
  const swap = (cols: readonly string[]): string[] => cols.map((c) => (c === n.subname ? n.newname : c))
  for (const rel of r.model.relations.values()) {
    if (rel.index?.table === key) rel.index = { ...rel.index, columns: rel.index.columns.map((c) => (c === n.subname ? n.newname : c)) }
    for (const [cname, c] of rel.constraints) {
      if (c.table === key) rel.constraints.set(cname, { ...c, columns: swap(c.columns) })
      if (c.refTable === key && c.refColumns) rel.constraints.set(cname, { ...rel.constraints.get(cname)!, refColumns: swap(c.refColumns) })
    }
  }
}

/** RENAME CONSTRAINT: an index-backed constraint renames its index too. */
function renameConstraint(r: Replay, n: Record<string, any>): void {
  const found = requireRelation(r, n.relation, 'table', Boolean(n.missing_ok))
  if (!found || found.relation.isOpaque) return
  const { key, relation } = found
  const constraint = relation.constraints.get(n.subname)
  if (!constraint) return r.reportMissing('constraint', `"${n.subname}" of table ${displayKey(key)}`, { table: key }, [key])
  if (relation.constraints.has(n.newname)) return r.reportExists('constraint', `"${n.newname}" on table ${displayKey(key)}`, { table: key })
  if (constraint.index) {
    const newIndexKey = keyOf(relation.schema, n.newname)
    if (r.model.relations.has(newIndexKey)) return r.reportExists('relation', displayKey(newIndexKey), {}, 'Renaming the constraint renames its index, and that name is taken: choose another name.')
    rekeyRelation(r, constraint.index, newIndexKey)
  }
  relation.constraints.delete(n.subname)
  relation.constraints.set(n.newname, { ...constraint, name: n.newname, ...(constraint.index ? { index: keyOf(relation.schema, n.newname) } : {}) })
}

/** ALTER SCHEMA RENAME: moves every object the model knows in it. */
function renameSchema(r: Replay, from: string, to: string): void {
  if (r.schemaState(from) === 'no') return r.reportMissing('schema', displayIdent(from))
  if (r.schemaState(to) === 'yes') return r.reportExists('schema', displayIdent(to))
  r.model.schemas.delete(from)
  r.model.schemas.add(to)
  for (const key of [...r.model.relations.keys()]) if (splitKey(key).schema === from) rekeyRelation(r, key, keyOf(to, splitKey(key).name))
  for (const [key, info] of [...r.model.types]) {
    if (splitKey(key).schema !== from) continue
    r.model.types.delete(key)
    r.model.types.set(keyOf(to, info.name), { ...info, schema: to })
  }
}

/** CREATE TYPE AS ENUM / CREATE DOMAIN / CREATE TYPE AS RANGE: the name is free in the type namespace. */
export function replayCreateType(r: Replay, parts: readonly string[], typtype: 'e' | 'd' | 'r', labels: string[] = [], baseNode?: Record<string, any>): void {
  const key = r.creationKey(parts, 'type')
  if (!key) return
  const existing = r.model.types.get(key)
  if (existing) {
    const what = existing.relationKind && existing.relationKind !== 'composite type' ? `type ${displayKey(key)} (the row type of ${existing.relationKind} ${displayKey(key)})` : displayKey(key)
    return r.reportExists('type', what, { typtype: existing.typtype })
  }
  let category = typtype === 'e' ? 'E' : typtype === 'r' ? 'R' : 'U'
  if (baseNode) {
    const base = r.lookupType(baseNode)
    if (!base.ref && base.isKnownMissing) r.reportMissing('type', base.written)
    category = base.ref?.category ?? category
  }
  const { schema, name } = splitKey(key)
  r.model.types.set(key, { schema, name, typtype, display: displayKey(key), category, labels, origin: 'migration' })
}

/** CREATE TYPE AS (...): a composite type is a relation too. */
export function replayCreateComposite(r: Replay, n: Record<string, any>): void {
  const key = r.creationKey(rangeVarParts(n.typevar), 'type')
  if (!key) return
  const clash = r.model.types.get(key) ?? r.model.relations.get(key)
  if (clash) return r.reportExists('type', displayKey(key))
  const relation = r.addRelation(key, 'composite type')
  for (const def of n.coldeflist ?? []) {
    const c = def.ColumnDef
    if (!c) continue
    const type = r.lookupType(c.typeName)
    if (!type.ref && type.isKnownMissing) r.reportMissing('type', type.written)
    r.addColumn(relation, { name: c.colname, type: type.ref ?? { display: type.written }, isNotNull: false })
  }
}

/** ALTER TYPE ... ADD VALUE / RENAME VALUE: the enum and the labels it names. */
export function replayAlterEnum(r: Replay, n: Record<string, any>): void {
  const parts = stringsOf(n.typeName)
  const look = lookupUserType(r, parts)
  if (!look.info || !look.key) {
    if (look.isKnownMissing) r.reportMissing('type', displayParts(parts))
    return
  }
  const { key, info } = look
  if (info.typtype !== 'e') return r.report('missing', `${displayKey(key)} is not an enum`, { mitigation: 'Check the type name.', evidence: { type: key, typtype: info.typtype } })
  const labels = info.labels
  const label = (v: string): string => `"${v}" of enum ${displayKey(key)}`
  if (n.oldVal) {
    if (!labels.includes(n.oldVal)) return r.reportMissing('enum label', label(n.oldVal), { labels })
    if (labels.includes(n.newVal)) return r.reportExists('enum label', label(n.newVal), { labels })
    labels.splice(labels.indexOf(n.oldVal), 1, n.newVal)
    return
  }
  if (labels.includes(n.newVal)) {
    if (!n.skipIfNewValExists) r.reportExists('enum label', label(n.newVal), { labels }, 'The value is already there: write ADD VALUE IF NOT EXISTS, or remove the statement.')
    return
  }
  if (n.newValNeighbor && !labels.includes(n.newValNeighbor)) return r.reportMissing('enum label', label(n.newValNeighbor), { labels })
  const at = n.newValNeighbor ? labels.indexOf(n.newValNeighbor) + (n.newValIsAfter ? 1 : 0) : labels.length
  labels.splice(at, 0, n.newVal)
}

/**
 * CREATE EXTENSION: availability and "already installed" are the extensions-available check's
 * findings; here the model learns that the extension's types may now exist.
 */
export function replayCreateExtension(r: Replay, n: Record<string, any>): void {
  const name: string = n.extname
  if (r.model.extensions.has(name)) return
  const schemaOption = (n.options ?? []).find((o: any) => o.DefElem?.defname === 'schema')?.DefElem?.arg?.String?.sval
  if (schemaOption && r.schemaState(schemaOption) === 'no') r.reportMissing('schema', displayIdent(schemaOption))
  r.model.extensions.set(name, { name, version: 'new', schema: schemaOption ?? r.creationSchema() ?? 'public' })
  r.noteNewExtension()
}

/** CREATE SEQUENCE: the name is free. */
export function replayCreateSequence(r: Replay, n: Record<string, any>): void {
  const key = r.creationKey(rangeVarParts(n.sequence), 'sequence')
  if (!key) return
  const clash = r.model.relations.get(key)
  if (clash) {
    if (!n.if_not_exists) r.reportExists(clash.kind, displayKey(key), { kind: clash.kind })
    return
  }
  r.addRelation(key, 'sequence')
}

/** ALTER SEQUENCE: it exists, and so does an OWNED BY column. */
export function replayAlterSequence(r: Replay, n: Record<string, any>): void {
  requireRelation(r, n.sequence, 'sequence', Boolean(n.missing_ok))
  const owned = (n.options ?? []).find((o: any) => o.DefElem?.defname === 'owned_by')?.DefElem?.arg?.List?.items
  const parts = stringsOf(owned)
  if (parts.length < 2) return
  const look = r.lookupRelation(parts.slice(0, -1))
  if (look.relation && look.key) requireColumn(r, look.relation, look.key, parts.at(-1))
  else if (look.isKnownMissing) r.reportMissing('table', displayParts(parts.slice(0, -1)))
}

/** CREATE VIEW / CREATE TABLE AS / CREATE MATERIALIZED VIEW: name free; the new relation's columns are unknown. */
export function replayCreateDerived(r: Replay, rangeVar: Record<string, any> | undefined, kind: RelationKind, options: { ifNotExists?: boolean; replace?: boolean }): void {
  const key = r.creationKey(rangeVarParts(rangeVar), kind)
  if (!key) return
  const clash = r.model.relations.get(key)
  if (clash) {
    if (options.replace && clash.kind === kind) return
    if (!options.ifNotExists) r.reportExists(clash.kind, displayKey(key), { kind: clash.kind })
    return
  }
  r.addRelation(key, kind, { isOpaque: true })
}

/** COMMENT ON: the object exists. */
export function replayComment(r: Replay, n: Record<string, any>): void {
  const parts = objectParts(n.object)
  if (n.objtype === 'OBJECT_COLUMN') {
    const look = r.lookupRelation(parts.slice(0, -1))
    if (look.relation && look.key) requireColumn(r, look.relation, look.key, parts.at(-1))
    else if (look.isKnownMissing) r.reportMissing('table', displayParts(parts.slice(0, -1)))
  } else if (RELATION_OBJECTS.has(n.objtype)) {
    const look = r.lookupRelation(parts)
    if (!look.relation && look.isKnownMissing) r.reportMissing(OBJECT_WORDS[n.objtype] ?? 'relation', displayParts(parts))
  } else if (n.objtype === 'OBJECT_TYPE' || n.objtype === 'OBJECT_DOMAIN') {
    const look = lookupUserType(r, parts)
    if (!look.info && look.isKnownMissing) r.reportMissing('type', displayParts(parts))
  } else if (n.objtype === 'OBJECT_SCHEMA' && r.schemaState(parts[0]!) === 'no') {
    r.reportMissing('schema', displayIdent(parts[0]!))
  } else if (n.objtype === 'OBJECT_EXTENSION' && !r.model.extensions.has(parts[0]!)) {
    r.reportMissing('extension', parts[0]!)
  }
}

/** INSERT: table and columns exist; ON CONFLICT needs a valid unique index on exactly its columns. */
export function replayInsert(r: Replay, n: Record<string, any>): void {
  const found = requireRelation(r, n.relation)
  if (!found) return
  const { key, relation } = found
  for (const col of n.cols ?? []) requireColumn(r, relation, key, col.ResTarget?.name)
  const infer = n.onConflictClause?.infer
  if (!infer || relation.isOpaque) return
  if (infer.conname) {
    if (!relation.constraints.has(infer.conname)) r.reportMissing('constraint', `"${infer.conname}" of table ${displayKey(key)}`, { table: key }, [key])
    return
  }
  const elems: any[] = (infer.indexElems ?? []).map((e: any) => e.IndexElem)
  if (elems.length === 0 || infer.whereClause || elems.some((e) => !e?.name)) return
  const columns: string[] = elems.map((e) => e.name)
  if (!columns.every((c) => requireColumn(r, relation, key, c))) return
  const { valid, invalid } = matchingUniqueIndexes(r, key, columns)
  if (valid.length > 0) return
  if (invalid.length > 0) return reportInvalidIndex(r, keyOf(invalid[0]!.schema, invalid[0]!.name), key, `for ON CONFLICT (${columns.join(', ')})`, 'error')
  r.report('missing', `no unique index or constraint on ${displayKey(key)} (${columns.join(', ')}) matches the ON CONFLICT columns`, {
    mitigation: `Create a unique index on ${displayKey(key)} (${columns.join(', ')}) before this statement, or change the ON CONFLICT target.`,
    evidence: { table: key, columns },
    tables: [key],
  })
}

/** UPDATE: table and SET columns exist. */
export function replayUpdate(r: Replay, n: Record<string, any>): void {
  const found = requireRelation(r, n.relation)
  if (!found) return
  for (const target of n.targetList ?? []) requireColumn(r, found.relation, found.key, target.ResTarget?.name)
}

/** REINDEX: the index or table exists; invalid indexes are rebuilt (or skipped, concurrently). */
export function replayReindex(r: Replay, n: Record<string, any>): void {
  const isConcurrent = (n.params ?? []).some((p: any) => p.DefElem?.defname === 'concurrently')
  if (n.kind === 'REINDEX_OBJECT_INDEX') {
    const found = requireRelation(r, n.relation, 'index')
    if (found?.relation.index && !found.relation.index.isValid) {
      r.report('invalid-index', `index ${displayKey(found.key)} is invalid (indisvalid = false, a failed CREATE INDEX CONCURRENTLY); REINDEX rebuilds it, and a unique index fails again while its duplicates remain`, {
        mitigation: `Remove the rows that broke the build first (for a unique index: SELECT the duplicated keys), then REINDEX INDEX CONCURRENTLY ${displayKey(found.key)}; a failed concurrent REINDEX leaves a *_ccnew index to drop.`,
        evidence: { index: found.key, table: found.relation.index.table, valid: false, concurrently: isConcurrent },
        severity: 'warning',
        isFailure: false,
        tables: [found.relation.index.table],
      })
    }
    return
  }
  if (n.kind !== 'REINDEX_OBJECT_TABLE') return
  const found = requireRelation(r, n.relation)
  if (!found) return
  for (const rel of r.model.relations.values()) {
    if (rel.index?.table !== found.key || rel.index.isValid) continue
    const indexKey = keyOf(rel.schema, rel.name)
    const reason = isConcurrent
      ? `invalid index ${displayKey(indexKey)} (a failed CREATE INDEX CONCURRENTLY) is skipped and stays invalid`
      : `invalid index ${displayKey(indexKey)} (a failed CREATE INDEX CONCURRENTLY) is rebuilt too, and a unique index fails again while its duplicates remain`
    r.report('invalid-index', reason, {
      mitigation: `Deal with ${displayKey(indexKey)} on its own: fix the data that broke it and REINDEX INDEX CONCURRENTLY it, or DROP INDEX CONCURRENTLY it if it is not needed.`,
      evidence: { index: indexKey, table: found.key, valid: false, concurrently: isConcurrent },
      severity: 'warning',
      isFailure: false,
      tables: [found.key],
    })
  }
}

/** CLUSTER t USING i: the index exists and is valid. */
export function replayCluster(r: Replay, n: Record<string, any>): void {
  const found = requireRelation(r, n.relation)
  if (!found || !n.indexname) return
  const indexKey = keyOf(found.relation.schema, n.indexname)
  const index = r.model.relations.get(indexKey)
  if (!index?.index) {
    if (r.isRelationSearched(found.relation.schema, n.indexname)) r.reportMissing('index', displayKey(indexKey), {}, [found.key])
    return
  }
  if (!index.index.isValid) reportInvalidIndex(r, indexKey, found.key, 'to cluster on', 'error')
}

/** REFRESH MATERIALIZED VIEW CONCURRENTLY needs a valid unique index on plain columns. */
export function replayRefresh(r: Replay, n: Record<string, any>): void {
  const found = requireRelation(r, n.relation, 'materialized view')
  if (!found || !n.concurrent || found.relation.origin !== 'target') return
  const uniques = [...r.model.relations.values()].filter(
    (rel) => rel.index?.table === found.key && rel.index.isUnique && !rel.index.isPartial && !rel.index.columns.includes(null),
  )
  if (uniques.some((u) => u.index!.isValid)) return
  if (uniques.length > 0) return reportInvalidIndex(r, keyOf(uniques[0]!.schema, uniques[0]!.name), found.key, 'for REFRESH MATERIALIZED VIEW CONCURRENTLY', 'error')
  r.report('missing', `materialized view ${displayKey(found.key)} has no unique index on plain columns, which REFRESH ... CONCURRENTLY needs`, {
    mitigation: `Create a unique index on ${displayKey(found.key)} first, or refresh without CONCURRENTLY (which blocks reads).`,
    evidence: { view: found.key },
    tables: [found.key],
  })
}

/** GRANT / REVOKE on tables, sequences and schemas: they exist. */
export function replayGrant(r: Replay, n: Record<string, any>): void {
  if (n.targtype !== 'ACL_TARGET_OBJECT') return
  if (n.objtype === 'OBJECT_TABLE' || n.objtype === 'OBJECT_SEQUENCE') {
    for (const object of n.objects ?? []) requireRelation(r, object.RangeVar, n.objtype === 'OBJECT_TABLE' ? 'table' : 'sequence')
  } else if (n.objtype === 'OBJECT_SCHEMA') {
    for (const schema of stringsOf(n.objects)) if (r.schemaState(schema) === 'no') r.reportMissing('schema', displayIdent(schema))
  }
}

/** ALTER TABLE ... SET SCHEMA: the relation and the new schema exist; the relation moves with its indexes. */
export function replaySetSchema(r: Replay, n: Record<string, any>): void {
  if (!n.relation) return
  const found = requireRelation(r, n.relation, OBJECT_WORDS[n.objectType] ?? 'table', Boolean(n.missing_ok))
  if (!found) return
  if (r.schemaState(n.newschema) === 'no') return r.reportMissing('schema', displayIdent(n.newschema))
  const newKey = keyOf(n.newschema, found.relation.name)
  if (r.model.relations.has(newKey)) return r.reportExists(r.model.relations.get(newKey)!.kind, displayKey(newKey))
  const indexes = [...r.model.relations.entries()].filter(([, rel]) => rel.index?.table === found.key).map(([k]) => k)
  rekeyRelation(r, found.key, newKey)
  for (const k of indexes) rekeyRelation(r, k, keyOf(n.newschema, splitKey(k).name))
}

/** SET search_path / RESET search_path. */
export function replaySet(r: Replay, n: Record<string, any>): void {
  if (n.name !== 'search_path') return
  if (n.kind === 'VAR_SET_VALUE') r.setSearchPath(searchPathArgs(n))
  else if (n.kind === 'VAR_SET_DEFAULT' || n.kind === 'VAR_RESET') r.setSearchPath(undefined)
}
