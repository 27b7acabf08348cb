/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
/**
 * The replay state shared by the statement handlers: the model being changed, the simulated
 * search_path, name resolution as PostgreSQL does it, and the issues found so far.
 * Nothing here talks to the database: it is a symbolic run of the migration on the model.
 */
import type { StatementRef } from '../../../engine/define.js'
import type { Evidence, Severity } from '../../../engine/model.js'
import {
  displayIdent,
  displayKey,
  keyOf,
  type Column,
  type Constraint,
  type Relation,
  type RelationKind,
  type SchemaModel,
  type TypeInfo,
  type TypeRef,
} from './model.js'
import { quotedKey, readTypeName, serialBase, withTypmods } from './type-names.js'

/** What kind of mismatch an issue is; each live check reports some kinds. */
export const ISSUE_KINDS = ['missing', 'exists', 'dependents', 'cast', 'foreign-key', 'invalid-index', 'column-limit'] as const
export type IssueKind = (typeof ISSUE_KINDS)[number]

/** One mismatch between a statement and the target's schema. */
export interface SchemaIssue {
  readonly kind: IssueKind
  readonly at: StatementRef
  readonly severity: Severity
  readonly message: string
  readonly mitigation: string
  readonly evidence: Evidence
  readonly tables?: readonly string[]
}

/** An ALTER COLUMN ... TYPE the replay saw, for the cast lookup and the disk-space estimate. */
export interface TypeChange {
  readonly at: StatementRef
  readonly table: string
  readonly column: string
  readonly from: TypeRef
  readonly to: TypeRef
  readonly hasUsing: boolean
}

/** PostgreSQL's limit on columns per table, dropped ones included (MaxHeapAttributeNumber). */
export const MAX_COLUMNS = 1600

/** Where a relation name resolves. */
export interface RelationLookup {
  /** Where the relation is, or where an unqualified name would be created. */
  readonly key: string | undefined
  readonly relation?: Relation
  /** True when the model knows it does not exist (its name and schema were loaded). */
  readonly isKnownMissing: boolean
}

/** Where a type name resolves. */
export interface TypeLookup {
  readonly ref?: TypeRef
  readonly info?: TypeInfo
  readonly isKnownMissing: boolean
  /** The name as written, for messages. */
  readonly written: string
}

const SYSTEM_SCHEMAS = new Set(['pg_catalog', 'information_schema'])

/** The mutable replay: model, search path, current statement and findings. */
export class Replay {
  readonly model: SchemaModel
  readonly issues: SchemaIssue[] = []
  readonly typeChanges: TypeChange[] = []
  /** Statements the replay cannot see into (DO blocks, procedure calls). */
  readonly opaque: StatementRef[] = []
  #path: string[]
  /** A CREATE EXTENSION ran: its types are unknown to the model, so a missing type is no longer certain. */
  #hasNewExtension = false
  readonly #initialPath: readonly string[]
  #at: StatementRef | undefined

  constructor(model: SchemaModel) {
    this.model = model
    this.#path = [...model.searchPath]
    this.#initialPath = [...model.searchPath]
  }

  /** The statement being replayed. */
  get at(): StatementRef {
    if (!this.#at) throw new Error('Replay.at read outside a statement')
    return this.#at
  }

  /** Starts replaying a statement. */
  begin(at: StatementRef): void {
    this.#at = at
  }

  /** Records that a new extension was created by the migration. */
  noteNewExtension(): void {
    this.#hasNewExtension = true
  }

  /** Sets the simulated search_path (SET search_path); undefined restores the session's. */
  setSearchPath(schemas: readonly string[] | undefined): void {
    this.#path = schemas ? [...schemas] : [...this.#initialPath]
  }

  /** Schemas of the search path that exist, in order (PostgreSQL skips missing ones). */
  effectivePath(): string[] {
    return this.#path.filter((s) => this.model.schemas.has(s))
  }

  /** The schema unqualified CREATE statements create in. */
  creationSchema(): string | undefined {
    return this.effectivePath()[0]
  }

  /** Whether a schema exists: yes, no, or unknown when the loader never looked. */
  schemaState(schema: string): 'yes' | 'no' | 'unknown' {
    if (this.model.schemas.has(schema)) return 'yes'
    if (this.model.isComplete || this.model.searchedSchemas.has(schema)) return 'no'
    return 'unknown'
  }

  /** True when the model would know about relation `name` in `schema` if it existed. */
  isRelationSearched(schema: string, name: string): boolean {
    if (this.schemaState(schema) === 'no') return true
    return this.model.isComplete || (this.model.searchedRelations.has(name) && this.model.searchedSchemas.has(schema))
  }

  /** Resolves a relation as PostgreSQL does: qualified, or the first match on the search path. */
  lookupRelation(parts: readonly string[]): RelationLookup {
    const name = parts.at(-1)!
    if (parts.length > 1) {
      const key = keyOf(parts[parts.length - 2]!, name)
      const relation = this.model.relations.get(key)
      return { key, ...(relation ? { relation } : {}), isKnownMissing: !relation && this.isRelationSearched(parts[parts.length - 2]!, name) }
    }
    for (const schema of this.effectivePath()) {
      const relation = this.model.relations.get(keyOf(schema, name))
      if (relation) return { key: keyOf(schema, name), relation, isKnownMissing: false }
    }
    const creation = this.creationSchema()
    const isKnownMissing = this.#path.every((s) => this.isRelationSearched(s, name))
    return { key: creation ? keyOf(creation, name) : undefined, isKnownMissing }
  }

  /** Resolves a RangeVar node. */
  lookupRangeVar(rangeVar: Record<string, any> | undefined): RelationLookup & { parts: string[] } {
    const parts = rangeVarParts(rangeVar)
    if (parts.length === 0) return { key: undefined, isKnownMissing: false, parts }
    return { ...this.lookupRelation(parts), parts }
  }

  /** The key a new relation named by `parts` gets; reports a missing schema. */
  creationKey(parts: readonly string[], what: string): string | undefined {
    const name = parts.at(-1)!
    const schema = parts.length > 1 ? parts[parts.length - 2]! : this.creationSchema()
    if (!schema) {
      this.report('missing', `no schema on the search_path (${this.#path.join(', ') || 'empty'}) exists to create ${what} ${displayIdent(name)} in`, {
        mitigation: 'Qualify the name with its schema, or create the schema first.',
        evidence: { searchPath: this.#path },
      })
      return undefined
    }
    if (this.schemaState(schema) === 'no') {
      this.reportMissing('schema', displayIdent(schema), { schema })
      return undefined
    }
    return keyOf(schema, name)
  }

  /** Resolves a TypeName node to a column type, as PostgreSQL resolves type names. */
  lookupType(node: Record<string, any> | undefined): TypeLookup {
    const tn = readTypeName(node)
    const written = tn.parts.join('.') + (tn.isArray ? '[]' : '')
    const serial = serialBase(tn.parts)
    const base = serial ? this.#systemType(quotedKey(['pg_catalog', serial])) : this.#findType(tn.parts)
    if (!base.info) return { isKnownMissing: base.isKnownMissing && !this.#hasNewExtension, written }
    const info = base.info
    const display = withTypmods(info.display, tn.typmods)
    const ref: TypeRef = tn.isArray
      ? { ...(info.arrayOid !== undefined ? { oid: info.arrayOid } : {}), display: `${display}[]`, category: 'A' }
      : {
          ...(info.oid !== undefined ? { oid: info.oid } : {}),
          display,
          category: info.category,
          ...(info.origin === 'migration' ? { createdKey: keyOf(info.schema, info.name) } : {}),
        }
    return { ref, info, isKnownMissing: false, written }
  }

  /** Finds a type by its name parts: pg_catalog first, then the user types on the search path. */
  #findType(parts: readonly string[]): { info?: TypeInfo; isKnownMissing: boolean } {
    if (parts.length > 1) {
      const [schema, name] = [parts[parts.length - 2]!, parts.at(-1)!]
      if (SYSTEM_SCHEMAS.has(schema)) return this.#systemType(quotedKey([schema, name]))
      const info = this.model.types.get(keyOf(schema, name))
      if (info) return { info, isKnownMissing: false }
      return { isKnownMissing: this.model.isComplete || this.model.resolvedTypes.has(quotedKey([schema, name])) || this.schemaState(schema) === 'no' }
    }
    const name = parts[0]!
    const system = this.#systemType(quotedKey(['pg_catalog', name]))
    if (system.info) return system
    for (const schema of this.effectivePath()) {
      const info = this.model.types.get(keyOf(schema, name))
      if (info) return { info, isKnownMissing: false }
    }
    const plain = this.model.resolvedTypes.get(quotedKey([name]))
    // Only trust a lookup through the session's path for system types: user types are in `types`.
    if (plain && SYSTEM_SCHEMAS.has(plain.schema)) return { info: plain, isKnownMissing: false }
    return { isKnownMissing: this.model.resolvedTypes.has(quotedKey([name])) }
  }

  /** A system type by quoted key. */
  #systemType(key: string): { info?: TypeInfo; isKnownMissing: boolean } {
    const info = this.model.resolvedTypes.get(key)
    return info ? { info, isKnownMissing: false } : { isKnownMissing: this.model.resolvedTypes.has(key) }
  }

  /** Adds a relation (and its row type for tables, views and composite types). */
  addRelation(key: string, kind: RelationKind, init: Partial<Relation> = {}): Relation {
    const dot = key.indexOf('.')
    const relation: Relation = {
      schema: key.slice(0, dot),
      name: key.slice(dot + 1),
      kind,
      columns: new Map(),
      attnums: 0,
      isOpaque: false,
      constraints: new Map(),
      dependents: [],
      origin: 'migration',
      ...init,
    }
    this.model.relations.set(key, relation)
    if (HAS_ROW_TYPE.has(kind)) {
      this.model.types.set(key, { schema: relation.schema, name: relation.name, typtype: 'c', display: displayKey(key), category: 'C', labels: [], relationKind: kind, origin: 'migration' })
    }
    return relation
  }

  /** Removes a relation with its indexes, constraints and row type. */
  dropRelation(key: string): void {
    const relation = this.model.relations.get(key)
    if (!relation) return
    this.model.relations.delete(key)
    if (this.model.types.get(key)?.relationKind) this.model.types.delete(key)
    for (const [k, r] of this.model.relations) {
      if (r.index?.table === key) this.model.relations.delete(k)
      for (const [name, c] of r.constraints) if (c.refTable === key) r.constraints.delete(name)
    }
  }

  /** Adds a column, counting its attribute number; reports when the table passes 1,600. */
  addColumn(relation: Relation, column: Column): void {
    relation.columns.set(column.name, column)
    relation.attnums += 1
    if (relation.attnums === MAX_COLUMNS + 1) {
      this.report('column-limit', `table ${displayKey(keyOf(relation.schema, relation.name))} would have ${relation.attnums} columns counting dropped ones; PostgreSQL allows ${MAX_COLUMNS}`, {
        mitigation: 'Dropped columns still use attribute numbers until the table is rewritten: rebuild the table (pg_repack, or CREATE TABLE ... AS and swap), or split it into two tables.',
        evidence: { table: keyOf(relation.schema, relation.name), attributeNumbers: relation.attnums, limit: MAX_COLUMNS },
        tables: [keyOf(relation.schema, relation.name)],
      })
    }
  }

  /** Every constraint in the model, with the table it is on. */
  *allConstraints(): Iterable<Constraint> {
    for (const relation of this.model.relations.values()) yield* relation.constraints.values()
  }

  /** Records an issue at the current statement. */
  report(
    kind: IssueKind,
    reason: string,
    details: { mitigation: string; evidence?: Evidence; severity?: Severity; tables?: readonly string[]; isFailure?: boolean },
  ): void {
    // After a DO block or CALL the model may be missing objects it created: say so, and warn only.
    const isUnsure = kind === 'missing' && this.opaque.length > 0
    const note = isUnsure ? ` (unless the ${this.opaque.at(-1)!.stmt.kind === 'DoStmt' ? 'DO block' : 'procedure call'} at line ${this.opaque.at(-1)!.stmt.line} creates it)` : ''
    this.issues.push({
      kind,
      at: this.at,
      severity: isUnsure ? 'warning' : (details.severity ?? 'error'),
      message: details.isFailure === false ? `${statementLabel(this.at)}: ${reason}.` : `${statementLabel(this.at)} fails on this target: ${reason}${note}.`,
      mitigation: details.mitigation,
      evidence: details.evidence ?? {},
      ...(details.tables ? { tables: details.tables } : {}),
    })
  }

  /** Reports an object that does not exist. */
  reportMissing(what: string, name: string, evidence: Evidence = {}, tables?: readonly string[]): void {
    this.report('missing', `${what} ${name} does not exist`, {
      mitigation:
        `Check the name and the migration order: create the ${what} in an earlier migration, or write IF EXISTS if its absence is expected. ` +
        'If other environments have it, this target has drifted: compare with `migrations snapshot`.',
      evidence: { object: what, name, ...evidence },
      ...(tables ? { tables } : {}),
    })
  }

  /** Reports an object that already exists. */
  reportExists(what: string, name: string, evidence: Evidence = {}, hint?: string): void {
    this.report('exists', `${what} ${name} already exists`, {
      mitigation:
        hint ??
        `The target already has this ${what}: created by hand, or by a migration that ran part-way. Compare it with what the migration creates; ` +
          'if it is the same, mark the migration applied or write IF NOT EXISTS; otherwise rename one of them.',
      evidence: { object: what, name, ...evidence },
    })
  }
}

/** Relation kinds that come with a composite row type of the same name. */
const HAS_ROW_TYPE: ReadonlySet<RelationKind> = new Set(['table', 'partitioned table', 'view', 'materialized view', 'foreign table', 'composite type'])

/** [schema?, name] of a RangeVar. */
export function rangeVarParts(rangeVar: Record<string, any> | undefined): string[] {
  if (!rangeVar?.relname) return []
  return rangeVar.schemaname ? [rangeVar.schemaname, rangeVar.relname] : [rangeVar.relname]
}

/** A short label for a statement in messages: "ALTER TABLE users", "CREATE INDEX". */
export function statementLabel(at: StatementRef): string {
  const words = at.stmt.text.replace(/\s+/g, ' ').trim().split(' ')
  const out: string[] = []
  for (const word of words.slice(0, 5)) {
    if (!/^[A-Za-z]+$/.test(word) || !KEYWORDS.has(word.toUpperCase())) break
    out.push(word.toUpperCase())
  }
  return out.length > 0 ? out.join(' ') : at.stmt.kind
}

/** Leading keywords kept in a statement label. */
const KEYWORDS = new Set([
  'ALTER', 'CREATE', 'DROP', 'TABLE', 'INDEX', 'UNIQUE', 'CONCURRENTLY', 'TYPE', 'SCHEMA', 'SEQUENCE', 'VIEW', 'MATERIALIZED',
  'EXTENSION', 'DOMAIN', 'COMMENT', 'ON', 'COLUMN', 'INSERT', 'INTO', 'UPDATE', 'DELETE', 'FROM', 'REINDEX', 'RENAME', 'TRIGGER',
  'GRANT', 'REVOKE', 'CLUSTER', 'REFRESH', 'TRUNCATE', 'VACUUM', 'LOCK', 'OR', 'REPLACE', 'TEMPORARY', 'UNLOGGED', 'FOREIGN', 'POLICY', 'MERGE',
])
