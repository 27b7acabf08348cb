/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
/**
 * Replay of ALTER TABLE sub-commands and CREATE INDEX on the model.
 * https://www.postgresql.org/docs/current/sql-altertable.html
 */
import { descendantsOf, displayKey, keyOf, type Relation } from './model.js'
import type { Replay } from './replay.js'
import {
  OBJECT_WORDS,
  addColumnDef,
  addConstraint,
  addIndexRelation,
  chooseName,
  displayParts,
  reportInvalidIndex,
  requireColumn,
  requireRelation,
} from './replay-tables.js'

/** Sub-commands that only need their column to exist. */
const COLUMN_COMMANDS = new Set([
  'AT_ColumnDefault',
  'AT_CookedColumnDefault',
  'AT_SetStatistics',
  'AT_SetOptions',
  'AT_ResetOptions',
  'AT_SetStorage',
  'AT_SetCompression',
  'AT_AddIdentity',
  'AT_SetIdentity',
  'AT_DropIdentity',
  'AT_DropExpression',
  'AT_SetExpression',
  'AT_AlterColumnGenericOptions',
])

/** ALTER TABLE / INDEX / SEQUENCE / VIEW: the relation exists, then each sub-command in order. */
export function replayAlterTable(r: Replay, n: Record<string, any>): void {
  const look = r.lookupRangeVar(n.relation)
  if (!look.relation || !look.key) {
    if (look.isKnownMissing && !n.missing_ok) r.reportMissing(OBJECT_WORDS[n.objtype] ?? 'relation', displayParts(look.parts), {}, look.key ? [look.key] : undefined)
    return
  }
  for (const c of n.cmds ?? []) {
    const cmd = c.AlterTableCmd
    if (cmd) replayAlterCmd(r, look.relation, look.key, cmd)
  }
}

/** One ALTER TABLE sub-command. */
function replayAlterCmd(r: Replay, relation: Relation, key: string, cmd: Record<string, any>): void {
  const name: string | undefined = cmd.name
  if (COLUMN_COMMANDS.has(cmd.subtype)) {
    requireColumn(r, relation, key, name)
    return
  }
  switch (cmd.subtype) {
    case 'AT_AddColumn':
    case 'AT_AddColumnToView': {
      const def = cmd.def?.ColumnDef
      if (!def) return
      if (relation.columns.has(def.colname)) {
        if (!cmd.missing_ok) r.reportExists('column', `"${def.colname}" of ${relation.kind} ${displayKey(key)}`, { table: key, column: def.colname, type: relation.columns.get(def.colname)!.type.display })
        return
      }
      addColumnDef(r, relation, key, def)
      // Children and partitions get the column too (ALTER TABLE ONLY is refused for ADD COLUMN on them).
      const added = relation.columns.get(def.colname)
      for (const child of descendantsOf(r.model, key)) if (added && !child.columns.has(def.colname)) r.addColumn(child, { ...added })
      return
    }
    case 'AT_DropColumn':
      dropColumn(r, relation, key, name!, cmd)
      return
    case 'AT_AlterColumnType':
      alterColumnType(r, relation, key, name!, cmd.def?.ColumnDef ?? {})
      return
    case 'AT_SetNotNull':
    case 'AT_DropNotNull': {
      if (!requireColumn(r, relation, key, name)) return
      const column = relation.columns.get(name!)
      if (column) relation.columns.set(name!, { ...column, isNotNull: cmd.subtype === 'AT_SetNotNull' })
      return
    }
    case 'AT_AddConstraint':
      if (cmd.def?.Constraint) addConstraint(r, relation, key, cmd.def.Constraint)
      return
    case 'AT_DropConstraint':
      dropConstraint(r, relation, key, name!, cmd)
      return
    case 'AT_ValidateConstraint':
    case 'AT_AlterConstraint': {
      const constraintName: string | undefined = name ?? cmd.def?.ATAlterConstraint?.conname ?? cmd.def?.Constraint?.conname
      if (constraintName && !relation.isOpaque && !relation.constraints.has(constraintName)) {
        r.reportMissing('constraint', `"${constraintName}" of table ${displayKey(key)}`, { table: key }, [key])
      }
      return
    }
    case 'AT_ReplicaIdentity': {
      const def = cmd.def?.ReplicaIdentityStmt
      if (def?.identity_type === 'i' && def.name) requireIndexOf(r, relation, key, def.name, 'as the replica identity')
      return
    }
    case 'AT_ClusterOn':
      if (name) requireIndexOf(r, relation, key, name, 'to cluster on')
      return
    case 'AT_AttachPartition':
    case 'AT_DetachPartition':
      requireRelation(r, cmd.def?.PartitionCmd?.name)
      return
    case 'AT_AddInherit':
    case 'AT_DropInherit':
      requireRelation(r, cmd.def?.RangeVar ?? cmd.def)
      return
    default:
      return
  }
}

/** DROP COLUMN: the column exists and no view or foreign key elsewhere depends on it (unless CASCADE). */
function dropColumn(r: Replay, relation: Relation, key: string, name: string, cmd: Record<string, any>): void {
  if (!requireColumn(r, relation, key, name, Boolean(cmd.missing_ok))) return
  const isCascade = cmd.behavior === 'DROP_CASCADE'
  const views = relation.dependents.filter((d) => d.columns.includes(name))
  const foreignKeys = [...r.allConstraints()].filter((c) => c.type === 'f' && c.refTable === key && c.table !== key && (c.refColumns ?? []).includes(name))
  if (!isCascade && (views.length > 0 || foreignKeys.length > 0)) {
    const users = [...views.map((v) => `${v.kind} ${displayKey(v.name)}`), ...foreignKeys.map((c) => `foreign key ${c.name} on ${displayKey(c.table)}`)]
    r.report('dependents', `column "${name}" of ${displayKey(key)} is used by ${users.join(', ')}`, {
      mitigation: 'Drop or change the dependent objects earlier in the migration (and re-create them after), or add CASCADE if dropping them is intended.',
      evidence: { table: key, column: name, dependents: users },
      tables: [key],
    })
    return
  }
  relation.columns.delete(name)
  for (const child of descendantsOf(r.model, key)) child.columns.delete(name)
  // Indexes and constraints on the column go with it.
  for (const [k, rel] of r.model.relations) if (rel.index?.table === key && rel.index.columns.includes(name)) r.model.relations.delete(k)
  for (const [cname, c] of relation.constraints) if (c.columns.includes(name)) relation.constraints.delete(cname)
}

/** ALTER COLUMN TYPE: the column exists, no view uses it; the type change is kept for the cast lookup. */
function alterColumnType(r: Replay, relation: Relation, key: string, name: string, def: Record<string, any>): void {
  if (!requireColumn(r, relation, key, name)) return
  const type = r.lookupType(def.typeName)
  if (!type.ref) {
    if (type.isKnownMissing) r.reportMissing('type', type.written, { column: name }, [key])
    return
  }
  const views = relation.dependents.filter((d) => d.columns.includes(name))
  if (views.length > 0) {
    const names = views.map((v) => `${v.kind} ${displayKey(v.name)}`)
    r.report('dependents', `column "${name}" of ${displayKey(key)} is used by ${names.join(', ')}, and PostgreSQL cannot change the type of a column a view or rule uses`, {
      mitigation: 'Drop the dependent views before the type change and re-create them after it, in the same migration.',
      evidence: { table: key, column: name, dependents: names },
      tables: [key],
    })
    return
  }
  const column = relation.columns.get(name)
  if (!column) return
  r.typeChanges.push({ at: r.at, table: key, column: name, from: column.type, to: type.ref, hasUsing: Boolean(def.raw_default) })
  for (const target of [relation, ...descendantsOf(r.model, key)]) {
    const c = target.columns.get(name)
    if (c) target.columns.set(name, { ...c, type: type.ref })
  }
}

/** DROP CONSTRAINT: it exists; a key other tables reference needs CASCADE. */
function dropConstraint(r: Replay, relation: Relation, key: string, name: string, cmd: Record<string, any>): void {
  const constraint = relation.constraints.get(name)
  if (!constraint) {
    if (!relation.isOpaque && !cmd.missing_ok) r.reportMissing('constraint', `"${name}" of table ${displayKey(key)}`, { table: key }, [key])
    return
  }
  if (constraint.type === 'p' || constraint.type === 'u') {
    const wanted = [...constraint.columns].sort().join('\u0000')
    const users = [...r.allConstraints()].filter(
      (c) => c.type === 'f' && c.refTable === key && [...(c.refColumns ?? [])].sort().join('\u0000') === wanted && c !== constraint,
    )
    if (users.length > 0 && cmd.behavior !== 'DROP_CASCADE') {
      r.report('dependents', `constraint ${name} of ${displayKey(key)} is referenced by ${users.map((c) => `foreign key ${c.name} on ${displayKey(c.table)}`).join(', ')}`, {
        mitigation: 'Drop the foreign keys first (and re-create them against the new key), or add CASCADE if dropping them is intended.',
        evidence: { table: key, constraint: name, foreignKeys: users.map((c) => `${c.table}.${c.name}`) },
        tables: [key],
      })
      return
    }
  }
  relation.constraints.delete(name)
  if (constraint.index) r.model.relations.delete(constraint.index)
}

/** An index named in an ALTER TABLE that must exist on this table and be valid. */
function requireIndexOf(r: Replay, relation: Relation, key: string, name: string, purpose: string): void {
  const indexKey = keyOf(relation.schema, name)
  const index = r.model.relations.get(indexKey)
  if (!index?.index) {
    if (r.isRelationSearched(relation.schema, name)) r.reportMissing('index', displayKey(indexKey), { table: key }, [key])
    return
  }
  if (!index.index.isValid) reportInvalidIndex(r, indexKey, key, purpose, 'error')
}

/** CREATE INDEX: the table and columns exist and the name is free. */
export function replayCreateIndex(r: Replay, n: Record<string, any>): void {
  const found = requireRelation(r, n.relation)
  if (!found) return
  const { key, relation } = found
  const columns: (string | null)[] = (n.indexParams ?? []).map((p: any) => p.IndexElem?.name ?? null)
  const includes: string[] = (n.indexIncludingParams ?? []).map((p: any) => p.IndexElem?.name).filter(Boolean)
  for (const col of [...columns, ...includes]) if (col && !requireColumn(r, relation, key, col)) return
  const base = `${relation.name}_${columns.map((c) => c ?? 'expr').join('_')}_${n.unique ? 'key' : 'idx'}`
  const name: string = n.idxname ?? chooseName(r, relation.schema, base)
  const indexKey = keyOf(relation.schema, name)
  const clash = r.model.relations.get(indexKey)
  if (clash) {
    if (!n.if_not_exists) {
      const detail = clash.index && !clash.index.isValid ? ' (an invalid index left by a failed CREATE INDEX CONCURRENTLY: drop it first)' : ''
      r.reportExists(clash.kind, `${displayKey(indexKey)}${detail}`, { kind: clash.kind, valid: clash.index?.isValid ?? null })
    } else if (clash.index && !clash.index.isValid) {
      // IF NOT EXISTS keeps the broken index and carries on as if the build had worked.
      r.report('invalid-index', `index ${displayKey(indexKey)} already exists but is invalid (indisvalid = false, a failed CREATE INDEX CONCURRENTLY), so IF NOT EXISTS skips the build and the migration succeeds without a usable index`, {
        mitigation: `Drop the invalid index first (DROP INDEX CONCURRENTLY IF EXISTS ${displayKey(indexKey)}), fix what made the build fail (duplicates for a unique index), then build it again.`,
        evidence: { index: indexKey, table: key, valid: false, definition: clash.index.definition ?? null },
        isFailure: false,
        tables: [key],
      })
    }
    return
  }
  addIndexRelation(r, indexKey, { table: key, columns, isUnique: Boolean(n.unique), isPrimary: false, isValid: true, isImmediate: true, isPartial: Boolean(n.whereClause) })
}
