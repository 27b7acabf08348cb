/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
/**
 * Replay of table statements: CREATE TABLE, ALTER TABLE and CREATE INDEX, with their columns,
 * constraints, foreign keys and the indexes constraints rely on. Errors mirror the ones
 * PostgreSQL raises (tablecmds.c, parse_utilcmd.c), so a finding predicts a real failure.
 */
import { displayIdent, displayKey, keyOf, type Column, type Constraint, type ConstraintType, type Relation } from './model.js'
import { stringsOf } from './names.js'
import { rangeVarParts, type Replay } from './replay.js'
import { serialBase, readTypeName } from './type-names.js'

/** PostgreSQL truncates identifiers to 63 bytes (NAMEDATALEN - 1). */
const MAX_IDENTIFIER = 63

/** Word for an ALTER/DROP object type in messages. */
export const OBJECT_WORDS: Readonly<Record<string, string>> = {
  OBJECT_TABLE: 'table',
  OBJECT_INDEX: 'index',
  OBJECT_SEQUENCE: 'sequence',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'materialized view',
  OBJECT_FOREIGN_TABLE: 'foreign table',
  OBJECT_TYPE: 'type',
}

/** "users" or "app.users" for a RangeVar's parts. */
export function displayParts(parts: readonly string[]): string {
  return parts.length > 1 && parts[0] !== 'public' ? parts.map(displayIdent).join('.') : displayIdent(parts.at(-1) ?? '')
}

/** Resolves a RangeVar that must exist; reports it when the model knows it does not. */
export function requireRelation(r: Replay, rangeVar: Record<string, any> | undefined, what = 'table', isMissingOk = false): { key: string; relation: Relation } | undefined {
  const look = r.lookupRangeVar(rangeVar)
  if (look.relation && look.key) return { key: look.key, relation: look.relation }
  if (look.isKnownMissing && !isMissingOk && look.parts.length > 0) r.reportMissing(what, displayParts(look.parts), {}, look.key ? [look.key] : undefined)
  return undefined
}

/** True when the column exists (or the table's columns are unknown); reports a missing column. */
export function requireColumn(r: Replay, relation: Relation, key: string, name: string | undefined, isMissingOk = false): boolean {
  if (!name || relation.isOpaque) return true
  if (relation.columns.has(name)) return true
  if (!isMissingOk) r.reportMissing('column', `"${name}" of ${relation.kind} ${displayKey(key)}`, { table: key, column: name }, [key])
  return false
}

/** Picks a free relation name the way ChooseRelationName does: base, then base1, base2... */
export function chooseName(r: Replay, schema: string, base: string): string {
  const trimmed = base.slice(0, MAX_IDENTIFIER)
  if (!r.model.relations.has(keyOf(schema, trimmed))) return trimmed
  for (let i = 1; ; i++) {
    const suffix = String(i)
    const name = base.slice(0, MAX_IDENTIFIER - suffix.length) + suffix
    if (!r.model.relations.has(keyOf(schema, name))) return name
  }
}

/** CREATE TABLE (also PARTITION OF, INHERITS, LIKE). */
export function replayCreateTable(r: Replay, n: Record<string, any>): void {
  const parts = rangeVarParts(n.relation)
  const key = r.creationKey(parts, 'table')
  if (!key) return
  const existing = r.model.relations.get(key)
  const existingType = r.model.types.get(key)
  if (existing || existingType) {
    if (n.if_not_exists) return
    if (existing) r.reportExists(existing.kind, displayKey(key), { kind: existing.kind })
    else r.reportExists('type', displayKey(key), { typtype: existingType!.typtype }, 'A type of that name exists, and a table needs its row type name: rename the table or the type.')
    return
  }
  const relation = r.addRelation(key, n.partspec ? 'partitioned table' : 'table')
  for (const parent of n.inhRelations ?? []) {
    const found = requireRelation(r, parent.RangeVar)
    if (found) {
      inheritColumns(r, relation, found.relation)
      relation.parents = [...(relation.parents ?? []), found.key]
    } else relation.isOpaque = true
  }
  for (const elt of n.tableElts ?? []) {
    if (elt.ColumnDef) addColumnDef(r, relation, key, elt.ColumnDef)
    else if (elt.TableLikeClause) {
      const found = requireRelation(r, elt.TableLikeClause.relation)
      if (found) inheritColumns(r, relation, found.relation)
      else relation.isOpaque = true
    } else if (elt.Constraint) addConstraint(r, relation, key, elt.Constraint)
  }
}

/** Copies a parent's or LIKE source's columns. */
function inheritColumns(r: Replay, relation: Relation, from: Relation): void {
  if (from.isOpaque) relation.isOpaque = true
  for (const column of from.columns.values()) if (!relation.columns.has(column.name)) r.addColumn(relation, { ...column })
}

/** Adds a column definition with its inline constraints; serial columns get their sequence. */
export function addColumnDef(r: Replay, relation: Relation, key: string, def: Record<string, any>): void {
  const name: string = def.colname
  const constraints: Record<string, any>[] = (def.constraints ?? []).map((c: any) => c.Constraint).filter(Boolean)
  if (!def.typeName) {
    // PARTITION OF / OF type: a ColumnDef that only adds constraints to an inherited column.
    for (const c of constraints) addConstraint(r, relation, key, c, name)
    return
  }
  const type = r.lookupType(def.typeName)
  if (!type.ref && type.isKnownMissing) r.reportMissing('type', type.written, { column: name }, [key])
  const has = (contype: string): boolean => constraints.some((c) => c.contype === contype)
  const identity = constraints.find((c) => c.contype === 'CONSTR_IDENTITY')
  const column: Column = {
    name,
    type: type.ref ?? { display: type.written },
    isNotNull: has('CONSTR_NOTNULL') || has('CONSTR_PRIMARY') || identity !== undefined,
    ...(identity ? { identity: identity.generated_when === 'd' ? 'd' : 'a' } : {}),
    ...(has('CONSTR_GENERATED') ? { generated: 's' } : {}),
    ...(serialBase(readTypeName(def.typeName).parts) ? { defaultExpr: 'nextval(...)' } : {}),
  }
  r.addColumn(relation, column)
  if (serialBase(readTypeName(def.typeName).parts) || identity) {
    const sequence = chooseName(r, relation.schema, `${relation.name}_${name}_seq`)
    r.addRelation(keyOf(relation.schema, sequence), 'sequence')
  }
  for (const c of constraints) addConstraint(r, relation, key, c, name)
}

/** Replays one constraint node of CREATE TABLE or ALTER TABLE ADD. */
export function addConstraint(r: Replay, relation: Relation, key: string, c: Record<string, any>, columnName?: string): void {
  switch (c.contype) {
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE':
    case 'CONSTR_EXCLUSION':
      addIndexConstraint(r, relation, key, c, columnName)
      return
    case 'CONSTR_FOREIGN':
      addForeignKey(r, relation, key, c, columnName)
      return
    case 'CONSTR_CHECK': {
      const name: string = c.conname ?? chooseConstraintName(relation, columnName ? `${relation.name}_${columnName}_check` : `${relation.name}_check`)
      if (c.conname && !isConstraintNameFree(r, relation, key, c.conname)) return
      relation.constraints.set(name, { name, type: 'c', table: key, columns: columnName ? [columnName] : [], isValidated: !c.skip_validation })
      return
    }
    case 'CONSTR_NOTNULL': {
      const targets = columnName ? [columnName] : stringsOf(c.keys)
      for (const col of targets) {
        if (!requireColumn(r, relation, key, col)) continue
        const column = relation.columns.get(col)
        if (column) relation.columns.set(col, { ...column, isNotNull: true })
      }
      return
    }
    default:
      return
  }
}

/** True when no constraint of that name is on the table; reports the clash otherwise. */
function isConstraintNameFree(r: Replay, relation: Relation, key: string, name: string): boolean {
  if (!relation.constraints.has(name)) return true
  r.reportExists('constraint', `"${name}" on table ${displayKey(key)}`, { table: key, constraint: name })
  return false
}

/** PRIMARY KEY, UNIQUE and EXCLUDE: a constraint with an index of the same name. */
function addIndexConstraint(r: Replay, relation: Relation, key: string, c: Record<string, any>, columnName?: string): void {
  const type: ConstraintType = c.contype === 'CONSTR_PRIMARY' ? 'p' : c.contype === 'CONSTR_UNIQUE' ? 'u' : 'x'
  if (type === 'p') {
    const existingPk = [...relation.constraints.values()].find((x) => x.type === 'p' && x.table === key)
    if (existingPk) {
      r.report('exists', `table ${displayKey(key)} already has a primary key (${existingPk.name}); a table has at most one`, {
        mitigation: 'Drop the old primary key in the same ALTER TABLE (DROP CONSTRAINT ..., ADD CONSTRAINT ... PRIMARY KEY USING INDEX ...), or make the new key UNIQUE.',
        evidence: { table: key, primaryKey: existingPk.name },
        tables: [key],
      })
      return
    }
  }
  if (c.indexname) {
    attachIndex(r, relation, key, c, type)
    return
  }
  const columns = columnName ? [columnName] : stringsOf(c.keys)
  if (!columns.every((col) => requireColumn(r, relation, key, col))) return
  const base = type === 'p' ? `${relation.name}_pkey` : `${relation.name}_${columns.join('_')}_${type === 'u' ? 'key' : 'excl'}`
  const name: string = c.conname ?? chooseName(r, relation.schema, base)
  if (c.conname && !isConstraintNameFree(r, relation, key, name)) return
  const indexKey = keyOf(relation.schema, name)
  const clash = r.model.relations.get(indexKey)
  if (clash) {
    r.reportExists(clash.kind, displayKey(indexKey), { kind: clash.kind }, `The constraint's index would be named ${name}, which a ${clash.kind} already uses: pick another constraint name.`)
    return
  }
  addIndexRelation(r, indexKey, { table: key, columns, isUnique: type !== 'x', isPrimary: type === 'p', isValid: true, isImmediate: !c.deferrable, isPartial: Boolean(c.where_clause) })
  relation.constraints.set(name, { name, type, table: key, columns, isValidated: true, index: indexKey })
  if (type === 'p') markNotNull(relation, columns)
}

/** ADD CONSTRAINT ... USING INDEX: the index must exist on this table, be valid, unique and plain. */
function attachIndex(r: Replay, relation: Relation, key: string, c: Record<string, any>, type: ConstraintType): void {
  const indexKey = keyOf(relation.schema, c.indexname)
  const index = r.model.relations.get(indexKey)
  if (!index?.index) {
    if (r.isRelationSearched(relation.schema, c.indexname)) r.reportMissing('index', displayKey(indexKey), { table: key }, [key])
    return
  }
  const info = index.index
  const evidence = { index: indexKey, table: info.table, valid: info.isValid, unique: info.isUnique, partial: info.isPartial, definition: info.definition ?? null }
  if (info.table !== key) {
    r.report('missing', `index ${displayKey(indexKey)} is on table ${displayKey(info.table)}, not ${displayKey(key)}`, {
      mitigation: `Build the index on ${displayKey(key)} first (CREATE UNIQUE INDEX CONCURRENTLY ... ON ${displayKey(key)}), then attach it.`,
      evidence,
      tables: [key],
    })
    return
  }
  if (!info.isValid) {
    reportInvalidIndex(r, indexKey, key, `to back the ${type === 'p' ? 'primary key' : 'unique constraint'}`, 'error', evidence)
    return
  }
  const problem = !info.isUnique ? 'is not a unique index' : info.isPartial ? 'is partial (has a WHERE clause)' : info.columns.includes(null) ? 'indexes an expression' : undefined
  if (problem) {
    r.report('invalid-index', `index ${displayKey(indexKey)} ${problem}, so it cannot back a constraint`, {
      mitigation: 'Build a plain unique index on the constraint columns with CREATE UNIQUE INDEX CONCURRENTLY, then attach that one.',
      evidence,
      tables: [key],
    })
    return
  }
  const name: string = c.conname ?? index.name
  if (c.conname && !isConstraintNameFree(r, relation, key, name)) return
  if (name !== index.name) {
    // PostgreSQL renames the index to the constraint's name.
    const renamedKey = keyOf(relation.schema, name)
    if (r.model.relations.has(renamedKey)) {
      r.reportExists('relation', displayKey(renamedKey), {}, `ADD CONSTRAINT ... USING INDEX renames the index to the constraint name ${name}, which is taken: choose another constraint name.`)
      return
    }
    r.model.relations.delete(indexKey)
    index.name = name
    r.model.relations.set(renamedKey, index)
  }
  relation.constraints.set(name, { name, type, table: key, columns: info.columns.filter((x): x is string => x !== null), isValidated: true, index: keyOf(relation.schema, name) })
  if (type === 'p') markNotNull(relation, info.columns.filter((x): x is string => x !== null))
}

/** Marks primary key columns NOT NULL, as PostgreSQL does. */
function markNotNull(relation: Relation, columns: readonly string[]): void {
  for (const col of columns) {
    const column = relation.columns.get(col)
    if (column) relation.columns.set(col, { ...column, isNotNull: true })
  }
}

/** Adds an index relation to the model. */
export function addIndexRelation(r: Replay, indexKey: string, info: NonNullable<Relation['index']>): void {
  r.addRelation(indexKey, 'index', { index: info })
}

/** Reports that the statement relies on an invalid index. */
export function reportInvalidIndex(
  r: Replay,
  indexKey: string,
  tableKey: string,
  purpose: string,
  severity: 'error' | 'warning',
  evidence: Record<string, unknown> = {},
): void {
  r.report('invalid-index', `index ${displayKey(indexKey)} on ${displayKey(tableKey)} is invalid (indisvalid = false, usually a failed CREATE INDEX CONCURRENTLY), and it is needed ${purpose}`, {
    mitigation:
      `Find why the build failed (for a unique index: duplicate rows), fix that, then DROP INDEX CONCURRENTLY ${displayKey(indexKey)} and build it again with CREATE INDEX CONCURRENTLY ` +
      `(or REINDEX INDEX CONCURRENTLY ${displayKey(indexKey)}) before this migration runs.`,
    evidence: { index: indexKey, table: tableKey, valid: false, ...evidence },
    severity,
    ...(severity === 'warning' ? { isFailure: false } : {}),
    tables: [tableKey],
  })
}

/** The unique indexes of a table whose columns are exactly `columns` (in any order). */
export function matchingUniqueIndexes(r: Replay, tableKey: string, columns: readonly string[]): { valid: Relation[]; invalid: Relation[] } {
  const wanted = [...columns].sort().join('\u0000')
  const valid: Relation[] = []
  const invalid: Relation[] = []
  for (const rel of r.model.relations.values()) {
    const info = rel.index
    if (!info || info.table !== tableKey || !info.isUnique || info.isPartial || !info.isImmediate || info.columns.includes(null)) continue
    if ([...(info.columns as string[])].sort().join('\u0000') !== wanted) continue
    ;(info.isValid ? valid : invalid).push(rel)
  }
  return { valid, invalid }
}

/** FOREIGN KEY: the referenced table, columns and a unique index on them exist, and types match. */
function addForeignKey(r: Replay, relation: Relation, key: string, c: Record<string, any>, columnName?: string): void {
  const columns = columnName ? [columnName] : stringsOf(c.fk_attrs)
  const name: string = c.conname ?? chooseConstraintName(relation, `${relation.name}_${columns.join('_')}_fkey`)
  if (c.conname && !isConstraintNameFree(r, relation, key, name)) return
  if (!columns.every((col) => requireColumn(r, relation, key, col))) return
  const refParts = rangeVarParts(c.pktable)
  const ref = refParts.length > 0 && r.lookupRelation(refParts).key === key ? { key, relation } : requireRelation(r, c.pktable)
  const constraint: Constraint = { name, type: 'f', table: key, columns, isValidated: !c.skip_validation, ...(ref ? { refTable: ref.key } : {}) }
  relation.constraints.set(name, constraint)
  if (!ref || ref.relation.isOpaque) return
  let refColumns = stringsOf(c.pk_attrs)
  if (refColumns.length === 0) {
    const pk = [...ref.relation.constraints.values()].find((x) => x.type === 'p' && x.table === ref.key)
    if (!pk) {
      r.report('foreign-key', `table ${displayKey(ref.key)} has no primary key for the foreign key to reference`, {
        mitigation: `Name the referenced columns (REFERENCES ${displayKey(ref.key)} (column)), which need a unique constraint, or add a primary key to ${displayKey(ref.key)} first.`,
        evidence: { referencedTable: ref.key },
        tables: [key, ref.key],
      })
      return
    }
    refColumns = [...pk.columns]
  }
  relation.constraints.set(name, { ...constraint, refColumns })
  if (!refColumns.every((col) => requireColumn(r, ref.relation, ref.key, col))) return
  if (refColumns.length !== columns.length) {
    r.report('foreign-key', `the foreign key has ${columns.length} referencing and ${refColumns.length} referenced columns`, {
      mitigation: 'List the same number of columns on both sides.',
      evidence: { columns, refColumns },
      tables: [key, ref.key],
    })
    return
  }
  // PostgreSQL stops at the missing unique constraint; the types are checked after it.
  if (!checkReferencedUnique(r, key, ref.key, refColumns)) return
  checkKeyTypes(r, relation, key, columns, ref.relation, ref.key, refColumns)
}

/** A default constraint name not used on the table yet. */
function chooseConstraintName(relation: Relation, base: string): string {
  const trimmed = base.slice(0, MAX_IDENTIFIER)
  if (!relation.constraints.has(trimmed)) return trimmed
  for (let i = 1; ; i++) {
    const name = base.slice(0, MAX_IDENTIFIER - String(i).length) + i
    if (!relation.constraints.has(name)) return name
  }
}

/** The referenced columns need a valid, immediate, non-partial unique index with exactly those columns. */
function checkReferencedUnique(r: Replay, key: string, refKey: string, refColumns: readonly string[]): boolean {
  const { valid, invalid } = matchingUniqueIndexes(r, refKey, refColumns)
  if (valid.length > 0) return true
  const cols = refColumns.join(', ')
  if (invalid.length > 0) {
    reportInvalidIndex(r, keyOf(invalid[0]!.schema, invalid[0]!.name), refKey, `as the unique constraint the foreign key references on (${cols})`, 'error')
    return false
  }
  r.report('foreign-key', `no unique constraint or unique index on ${displayKey(refKey)} (${cols}) matches the referenced columns`, {
    mitigation: `Add a unique constraint on ${displayKey(refKey)} (${cols}) first (CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT ... UNIQUE USING INDEX), or reference the primary key.`,
    evidence: { referencedTable: refKey, referencedColumns: refColumns },
    tables: [key, refKey],
  })
  return false
}

/** Categories where differing types still compare (int vs bigint, varchar vs text). */
const COMPARABLE_CATEGORIES = new Set(['N', 'S', 'D', 'T', 'V'])

/** Referencing and referenced column types should be the same; different categories fail outright. */
function checkKeyTypes(r: Replay, relation: Relation, key: string, columns: readonly string[], ref: Relation, refKey: string, refColumns: readonly string[]): void {
  for (const [i, col] of columns.entries()) {
    const local = relation.columns.get(col)?.type
    const remote = ref.columns.get(refColumns[i]!)?.type
    if (!local || !remote || sameType(local, remote)) continue
    const evidence = { column: `${key}.${col}`, type: local.display, referencedColumn: `${refKey}.${refColumns[i]}`, referencedType: remote.display }
    if (local.category && local.category === remote.category && COMPARABLE_CATEGORIES.has(local.category)) {
      r.report('foreign-key', `foreign key column ${displayKey(key)}.${col} is ${local.display} but references ${displayKey(refKey)}.${refColumns[i]}, which is ${remote.display}`, {
        mitigation: `Declare ${col} as ${remote.display}, so every referenced value fits and lookups use the index without a cross-type comparison.`,
        evidence,
        severity: 'warning',
        isFailure: false,
        tables: [key, refKey],
      })
    } else {
      r.report('foreign-key', `key columns ${col} and ${refColumns[i]} are of incompatible types: ${local.display} and ${remote.display}`, {
        mitigation: `Declare ${col} as ${remote.display}, the type of the referenced column.`,
        evidence,
        tables: [key, refKey],
      })
    }
  }
}

/** True when two column types are the same type (modifiers aside). */
export function sameType(a: { oid?: number; display: string; createdKey?: string }, b: { oid?: number; display: string; createdKey?: string }): boolean {
  if (a.oid !== undefined && b.oid !== undefined) return a.oid === b.oid
  if (a.createdKey || b.createdKey) return a.createdKey === b.createdKey
  return a.display.replace(/\(.*\)/, '') === b.display.replace(/\(.*\)/, '')
}
