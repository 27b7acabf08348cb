/**
 * The expected-schema snapshot: every user table (columns, indexes, constraints), view,
 * sequence, type and extension of a target, as deterministic JSON (sorted keys, no timestamps)
 * so it can be committed and diffed. `migrations snapshot` writes it; the schema-drift check
 * compares a target with it, table by table.
 */
import { keyOf, splitKey, type Relation, type SchemaModel } from './model.js'

export const SNAPSHOT_VERSION = 1

export interface ColumnSnapshot {
  readonly name: string
  readonly type: string
  readonly notNull: boolean
  readonly default?: string
  readonly identity?: 'always' | 'by default'
  readonly generated?: boolean
}

export interface TableSnapshot {
  readonly kind: string
  readonly columns: readonly ColumnSnapshot[]
  /** Index name -> pg_get_indexdef (with " -- INVALID" when indisvalid is false). */
  readonly indexes: Readonly<Record<string, string>>
  /** Constraint name -> pg_get_constraintdef (NOT NULL constraints are in the columns). */
  readonly constraints: Readonly<Record<string, string>>
}

export interface SchemaSnapshot {
  readonly snapshotVersion: typeof SNAPSHOT_VERSION
  readonly tool: 'migrations-preflight'
  /** The newest migration applied when the snapshot was taken, when the history could be read. */
  readonly migration?: { readonly layout: string; readonly latestApplied: string | null }
  readonly schemas: readonly string[]
  readonly extensions: Readonly<Record<string, string>>
  readonly tables: Readonly<Record<string, TableSnapshot>>
  /** View and materialized view keys with their kind. */
  readonly views: Readonly<Record<string, string>>
  readonly sequences: readonly string[]
  /** Type key -> "enum (a, b)", "domain", "composite", "range". */
  readonly types: Readonly<Record<string, string>>
}

const TABLE_KINDS = new Set(['table', 'partitioned table', 'foreign table'])
const TYPE_KINDS: Readonly<Record<string, string>> = { e: 'enum', d: 'domain', c: 'composite', r: 'range', m: 'multirange', b: 'base' }

/** Sorts an object's keys (JSON.stringify keeps insertion order). */
function sorted<T>(entries: Iterable<[string, T]>): Record<string, T> {
  return Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/** Builds a snapshot from a complete model; `exclude` drops tables such as the tool's history table. */
export function toSnapshot(model: SchemaModel, options: { exclude?: readonly string[]; migration?: SchemaSnapshot['migration'] } = {}): SchemaSnapshot {
  const exclude = new Set(options.exclude ?? [])
  const relations = [...model.relations.entries()].filter(([key]) => !exclude.has(key))
  // Indexes grouped by table once: a scan per table would be quadratic on large schemas.
  const indexesByTable = new Map<string, Relation[]>()
  for (const [, r] of relations) if (r.index) indexesByTable.set(r.index.table, [...(indexesByTable.get(r.index.table) ?? []), r])
  const tables = relations.filter(([, r]) => TABLE_KINDS.has(r.kind)).map(([key, r]): [string, TableSnapshot] => [key, tableSnapshot(r, indexesByTable.get(key) ?? [])])
  return {
    snapshotVersion: SNAPSHOT_VERSION,
    tool: 'migrations-preflight',
    ...(options.migration ? { migration: options.migration } : {}),
    schemas: [...model.schemas].sort(),
    extensions: sorted([...model.extensions.values()].map((e): [string, string] => [e.name, e.version])),
    tables: sorted(tables),
    views: sorted(relations.filter(([, r]) => r.kind === 'view' || r.kind === 'materialized view').map(([key, r]): [string, string] => [key, r.kind])),
    sequences: relations.filter(([, r]) => r.kind === 'sequence').map(([key]) => key).sort(),
    types: sorted(
      [...model.types.entries()]
        .filter(([, t]) => !t.relationKind || t.relationKind === 'composite type')
        .map(([key, t]): [string, string] => [key, t.typtype === 'e' ? `enum (${t.labels.join(', ')})` : (TYPE_KINDS[t.typtype] ?? t.typtype)]),
    ),
  }
}

/** One table: columns in order, indexes and constraints by name. */
function tableSnapshot(r: Relation, indexes: readonly Relation[]): TableSnapshot {
  return {
    kind: r.kind,
    columns: [...r.columns.values()].map((c) => ({
      name: c.name,
      type: c.type.display,
      notNull: c.isNotNull,
      ...(c.defaultExpr !== undefined && !c.generated ? { default: c.defaultExpr } : {}),
      ...(c.identity ? { identity: c.identity === 'a' ? ('always' as const) : ('by default' as const) } : {}),
      ...(c.generated ? { generated: true } : {}),
    })),
    indexes: sorted(indexes.map((i): [string, string] => [i.name, `${i.index!.definition ?? ''}${i.index!.isValid ? '' : ' -- INVALID'}`])),
    constraints: sorted([...r.constraints.values()].filter((c) => c.type !== 'n').map((c): [string, string] => [c.name, c.definition ?? c.type])),
  }
}

/** Renders a snapshot as stable JSON with a trailing newline. */
export function renderSnapshot(snapshot: SchemaSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`
}

/** One object that differs, with every difference in words. */
export interface Drift {
  /** "table", "view", "sequence", "type", "schema" or "extension". */
  readonly object: string
  readonly key: string
  readonly differences: readonly string[]
}

/** Compares the expected snapshot with the actual one, object by object, table by table. */
export function compareSnapshots(expected: SchemaSnapshot, actual: SchemaSnapshot): Drift[] {
  const drifts: Drift[] = []
  const presence = (object: string, want: Iterable<string>, have: Iterable<string>): void => {
    const haveSet = new Set(have)
    const wantSet = new Set(want)
    for (const k of wantSet) if (!haveSet.has(k)) drifts.push({ object, key: k, differences: [`${object} ${k} is in the snapshot but not on the target`] })
    for (const k of haveSet) if (!wantSet.has(k)) drifts.push({ object, key: k, differences: [`${object} ${k} is on the target but not in the snapshot`] })
  }
  presence('schema', expected.schemas, actual.schemas)
  presence('extension', Object.keys(expected.extensions), Object.keys(actual.extensions))
  for (const [name, version] of Object.entries(expected.extensions)) {
    const have = actual.extensions[name]
    if (have !== undefined && have !== version) drifts.push({ object: 'extension', key: name, differences: [`extension ${name} is version ${have}, the snapshot has ${version}`] })
  }
  presence('table', Object.keys(expected.tables), Object.keys(actual.tables))
  for (const [key, want] of Object.entries(expected.tables)) {
    const have = actual.tables[key]
    if (!have) continue
    const differences = tableDifferences(want, have)
    if (differences.length > 0) drifts.push({ object: 'table', key, differences })
  }
  presence('view', Object.keys(expected.views), Object.keys(actual.views))
  presence('sequence', expected.sequences, actual.sequences)
  presence('type', Object.keys(expected.types), Object.keys(actual.types))
  for (const [key, want] of Object.entries(expected.types)) {
    const have = actual.types[key]
    if (have !== undefined && have !== want) drifts.push({ object: 'type', key, differences: [`type ${key} is ${have}, the snapshot has ${want}`] })
  }
  return drifts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.object.localeCompare(b.object)))
}

/** Column, index and constraint differences of one table. */
function tableDifferences(want: TableSnapshot, have: TableSnapshot): string[] {
  const out: string[] = []
  const haveColumns = new Map(have.columns.map((c) => [c.name, c]))
  const wantColumns = new Map(want.columns.map((c) => [c.name, c]))
  for (const c of want.columns) {
    const h = haveColumns.get(c.name)
    if (!h) {
      out.push(`column ${c.name} (${c.type}) is missing`)
      continue
    }
    if (h.type !== c.type) out.push(`column ${c.name} is ${h.type}, the snapshot has ${c.type}`)
    if (h.notNull !== c.notNull) out.push(`column ${c.name} is ${h.notNull ? 'NOT NULL' : 'nullable'}, the snapshot has it ${c.notNull ? 'NOT NULL' : 'nullable'}`)
    if ((h.default ?? null) !== (c.default ?? null)) out.push(`column ${c.name} defaults to ${h.default ?? 'nothing'}, the snapshot has ${c.default ?? 'nothing'}`)
    if ((h.identity ?? null) !== (c.identity ?? null)) out.push(`column ${c.name} identity is ${h.identity ?? 'none'}, the snapshot has ${c.identity ?? 'none'}`)
  }
  for (const c of have.columns) if (!wantColumns.has(c.name)) out.push(`column ${c.name} (${c.type}) is not in the snapshot`)
  out.push(...namedDifferences('index', want.indexes, have.indexes))
  out.push(...namedDifferences('constraint', want.constraints, have.constraints))
  return out
}

/** Differences between two name -> definition maps. */
function namedDifferences(what: string, want: Readonly<Record<string, string>>, have: Readonly<Record<string, string>>): string[] {
  const out: string[] = []
  for (const [name, def] of Object.entries(want)) {
    if (!(name in have)) out.push(`${what} ${name} is missing (${def})`)
    else if (have[name] !== def) out.push(`${what} ${name} is "${have[name]}", the snapshot has "${def}"`)
  }
  for (const [name, def] of Object.entries(have)) if (!(name in want)) out.push(`${what} ${name} is not in the snapshot (${def})`)
  return out
}

/** Reads a snapshot from parsed JSON, or says what is wrong with it. */
export function parseSnapshot(value: unknown): SchemaSnapshot | string {
  if (value === null || typeof value !== 'object') return 'it is not a JSON object'
  const v = value as Partial<SchemaSnapshot>
  if (v.snapshotVersion !== SNAPSHOT_VERSION) return `snapshotVersion is ${JSON.stringify(v.snapshotVersion)}, expected ${SNAPSHOT_VERSION}`
  for (const field of ['tables', 'extensions', 'views', 'types'] as const) {
    if (v[field] === null || typeof v[field] !== 'object') return `"${field}" is missing or not an object`
  }
  if (!Array.isArray(v.schemas) || !Array.isArray(v.sequences)) return '"schemas" or "sequences" is missing or not an array'
  return v as SchemaSnapshot
}

/** Key of the tool's history table as the model stores it. */
export function historyKey(historyTable: string | undefined): string | undefined {
  if (!historyTable) return undefined
  const { schema, name } = splitKey(historyTable.includes('.') ? historyTable : `public.${historyTable}`)
  return keyOf(schema, name)
}

/** The newest applied migration in file order, null when none is. */
export function latestAppliedId<M extends { readonly id: string; readonly kind: string }>(migrations: readonly M[], isApplied: (m: M) => boolean): string | null {
  return migrations.filter((m) => m.kind === 'versioned' && isApplied(m)).at(-1)?.id ?? null
}
