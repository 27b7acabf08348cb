/**
 * SQL features a statement uses that older PostgreSQL majors lack, read from the parsed nodes
 * (libpg-query's JSON, @pgsql/types shapes). Each entry names the first major that has the
 * feature, from the release notes (https://www.postgresql.org/docs/release/). A "behaviour" entry
 * runs on older majors but does something worse there (a table rewrite instead of a catalog change).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { CURRENT_GRAMMAR, OLDER_GRAMMARS } from './grammars.js'
import type { Statement } from './parser.js'

export interface SqlFeature {
  readonly id: string
  /** What the statement uses, for messages: "MERGE", "NULLS NOT DISTINCT". */
  readonly name: string
  /** First PostgreSQL major with the feature. */
  readonly since: number
  /** syntax: older servers reject the statement; behaviour: older servers run it differently. */
  readonly kind: 'syntax' | 'behaviour'
  /** For behaviour entries: what happens on older servers. */
  readonly olderBehaviour?: string
  /**
   * The shipped grammar of every older major (13 and later) rejects it, so the static rule
   * target-version-syntax already reports it on those targets (checked in sql-features.test.ts).
   */
  readonly isGrammarSyntax?: boolean
  /** True when the statement uses the feature. */
  readonly isUsedBy: (stmt: Pick<Statement, 'kind' | 'node'>, nodes: NodeIndex) => boolean
}

/** Every node kind under a statement, with the nodes of each kind, built once per statement. */
export type NodeIndex = ReadonlyMap<string, readonly Record<string, any>[]>

/** Indexes all nodes under `root` by kind, e.g. "FuncCall" -> [...], "Constraint" -> [...]. */
export function indexNodes(root: Record<string, any>): NodeIndex {
  const index = new Map<string, Record<string, any>[]>()
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    if (!value || typeof value !== 'object') return
    for (const [key, child] of Object.entries(value)) {
      // Node wrappers are single-key objects named in PascalCase: { FuncCall: {...} }.
      if (/^[A-Z]/.test(key) && child && typeof child === 'object' && !Array.isArray(child)) {
        const list = index.get(key) ?? []
        list.push(child as Record<string, any>)
        index.set(key, list)
      }
      visit(child)
    }
  }
  visit(root)
  return index
}

/** Sub-commands of an ALTER TABLE statement. */
function alterCmds(stmt: Pick<Statement, 'kind' | 'node'>): Record<string, any>[] {
  if (stmt.kind !== 'AlterTableStmt') return []
  return (stmt.node.cmds ?? []).map((c: any) => c.AlterTableCmd ?? {})
}

/** Constraint nodes anywhere in the statement. */
function constraints(nodes: NodeIndex): readonly Record<string, any>[] {
  return nodes.get('Constraint') ?? []
}

/** Names of functions called anywhere in the statement, lower-case, unqualified. */
function calledFunctions(nodes: NodeIndex): string[] {
  return (nodes.get('FuncCall') ?? []).map((f) => {
    const parts = (f.funcname ?? []).map((p: any) => p?.String?.sval)
    return String(parts[parts.length - 1] ?? '').toLowerCase()
  })
}

export const SQL_FEATURES: readonly SqlFeature[] = [
  {
    id: 'add-column-default-without-rewrite',
    name: 'ADD COLUMN with a DEFAULT',
    since: 11,
    kind: 'behaviour',
    olderBehaviour: 'rewrites the whole table under ACCESS EXCLUSIVE instead of storing the default in the catalog',
    isUsedBy: (stmt) =>
      alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_AddColumn' && (cmd.def?.ColumnDef?.constraints ?? []).some((c: any) => c.Constraint?.contype === 'CONSTR_DEFAULT')),
  },
  { id: 'index-include', name: 'INCLUDE columns in an index', since: 11, kind: 'syntax', isUsedBy: (stmt, nodes) => (stmt.kind === 'IndexStmt' && (stmt.node.indexIncludingParams ?? []).length > 0) || constraints(nodes).some((c) => (c.including ?? []).length > 0) },
  { id: 'procedures', name: 'CREATE PROCEDURE', since: 11, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'CreateFunctionStmt' && stmt.node.is_procedure === true },
  { id: 'reindex-concurrently', name: 'REINDEX CONCURRENTLY', since: 12, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'ReindexStmt' && (stmt.node.params ?? []).some((p: any) => p.DefElem?.defname === 'concurrently') },
  { id: 'generated-columns', name: 'generated columns (GENERATED ALWAYS AS ... STORED)', since: 12, kind: 'syntax', isUsedBy: (_s, nodes) => constraints(nodes).some((c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind !== 'v') },
  { id: 'drop-expression', name: 'ALTER COLUMN ... DROP EXPRESSION', since: 13, kind: 'syntax', isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_DropExpression') },
  { id: 'create-or-replace-trigger', isGrammarSyntax: true, name: 'CREATE OR REPLACE TRIGGER', since: 14, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'CreateTrigStmt' && stmt.node.replace === true },
  { id: 'detach-partition-concurrently', isGrammarSyntax: true, name: 'DETACH PARTITION ... CONCURRENTLY', since: 14, kind: 'syntax', isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_DetachPartition' && cmd.def?.PartitionCmd?.concurrent === true) },
  { id: 'set-compression', isGrammarSyntax: true, name: 'ALTER COLUMN ... SET COMPRESSION', since: 14, kind: 'syntax', isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_SetCompression') },
  { id: 'merge', isGrammarSyntax: true, name: 'MERGE', since: 15, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'MergeStmt' },
  { id: 'nulls-not-distinct', isGrammarSyntax: true, name: 'NULLS NOT DISTINCT', since: 15, kind: 'syntax', isUsedBy: (stmt, nodes) => (stmt.kind === 'IndexStmt' && stmt.node.nulls_not_distinct === true) || constraints(nodes).some((c) => c.nulls_not_distinct === true) },
  { id: 'set-access-method', isGrammarSyntax: true, name: 'ALTER TABLE ... SET ACCESS METHOD', since: 15, kind: 'syntax', isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_SetAccessMethod') },
  { id: 'grant-on-parameter', isGrammarSyntax: true, name: 'GRANT ... ON PARAMETER', since: 15, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'GrantStmt' && stmt.node.objtype === 'OBJECT_PARAMETER_ACL' },
  { id: 'security-invoker-views', name: 'views WITH (security_invoker)', since: 15, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'ViewStmt' && (stmt.node.options ?? []).some((o: any) => o.DefElem?.defname === 'security_invoker') },
  { id: 'merge-returning', isGrammarSyntax: true, name: 'MERGE ... RETURNING', since: 17, kind: 'syntax', isUsedBy: (stmt) => stmt.kind === 'MergeStmt' && stmt.node.returningClause !== undefined },
  { id: 'set-expression', isGrammarSyntax: true, name: 'ALTER COLUMN ... SET EXPRESSION', since: 17, kind: 'syntax', isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_SetExpression') },
  { id: 'json-table', isGrammarSyntax: true, name: 'JSON_TABLE', since: 17, kind: 'syntax', isUsedBy: (_s, nodes) => nodes.has('JsonTable') },
  { id: 'virtual-generated-columns', isGrammarSyntax: true, name: 'virtual generated columns', since: 18, kind: 'syntax', isUsedBy: (_s, nodes) => constraints(nodes).some((c) => c.contype === 'CONSTR_GENERATED' && c.generated_kind === 'v') },
  {
    id: 'not-enforced-constraints',
    isGrammarSyntax: true,
    name: 'NOT ENFORCED constraints',
    since: 18,
    kind: 'syntax',
    // The parser sets is_enforced on every CHECK and FOREIGN KEY it reads unless NOT ENFORCED is written.
    isUsedBy: (_s, nodes) => constraints(nodes).some((c) => (c.contype === 'CONSTR_CHECK' || c.contype === 'CONSTR_FOREIGN') && c.is_enforced !== true),
  },
  { id: 'without-overlaps', isGrammarSyntax: true, name: 'WITHOUT OVERLAPS (temporal keys)', since: 18, kind: 'syntax', isUsedBy: (_s, nodes) => constraints(nodes).some((c) => c.without_overlaps === true) },
  { id: 'not-null-constraint-syntax', isGrammarSyntax: true, name: 'named or NOT VALID NOT NULL constraints (ADD CONSTRAINT ... NOT NULL)', since: 18, kind: 'syntax', isUsedBy: (stmt) => alterCmds(stmt).some((cmd) => cmd.subtype === 'AT_AddConstraint' && cmd.def?.Constraint?.contype === 'CONSTR_NOTNULL') },
  { id: 'uuidv7', name: 'uuidv7()', since: 18, kind: 'syntax', isUsedBy: (_s, nodes) => calledFunctions(nodes).includes('uuidv7') },
]

/**
 * Whether target-version-syntax reports the feature on a target of this major, because it parses
 * the SQL with that major's own grammar, which rejects it: the live check then leaves it alone,
 * so one MERGE on PostgreSQL 14 is reported once. Targets with no shipped grammar (12 and older) get no such report.
 */
export function isLeftToGrammar(feature: SqlFeature, major: number): boolean {
  return feature.isGrammarSyntax === true && (OLDER_GRAMMARS.includes(major) || major >= CURRENT_GRAMMAR)
}

/** The features a statement uses, oldest first. */
export function featuresUsedBy(stmt: Pick<Statement, 'kind' | 'node'>): SqlFeature[] {
  const nodes = indexNodes(stmt.node)
  return SQL_FEATURES.filter((f) => f.isUsedBy(stmt, nodes))
}
