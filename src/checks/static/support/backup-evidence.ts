/**
 * Evidence that data a destructive statement removes can be restored, shared by the destructive rules.
 * With evidence, the finding is still shown but as `info`, carrying the evidence, so it does not fail:
 *  - a copy of the table made earlier in the same pending set (CREATE TABLE x AS SELECT * FROM t,
 *    SELECT * INTO x FROM t, INSERT INTO x SELECT * FROM t), not into a temporary table;
 *  - an explicit `-- preflight:backup <reference>` directive right before the statement;
 *  - point-in-time recovery on the target (live facts), which restores the whole cluster.
 */
import type { FindingInput, StatementRef, StaticContext } from '../../../engine/define.js'
import { parseDirectives, type Directive } from '../../../engine/directives.js'
import type { ParsedSql } from '../../../dialects/postgres/parser.js'
import { relationName } from '../../../dialects/postgres/locks.js'
import { executedPosition, executedStatements, type ExecutedStatement } from './executed-sql.js'
import { tableKey } from './created-in-pending.js'
import type { AstNode } from './ast.js'
import { defineShardIndex } from './carry.js'

export const BACKUP_KINDS = ['directive', 'copy', 'pitr'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

/** Where a backup of the removed data is. */
export interface BackupEvidence {
  readonly kind: BackupKind
  /** The reference: the directive's text, the copy's table and place, or the PITR note. */
  readonly reference: string
}

/** What a rule asks about: which table (and column) loses data, and which kinds of evidence it accepts. */
export interface BackupQuery {
  /** Tables whose rows the statement removes; a copy must cover every one. */
  readonly tables?: readonly string[]
  /** A column that loses its values; a copy must include it (or `*`). */
  readonly column?: string
  /** Evidence kinds the rule accepts; default all. A table copy cannot restore a schema or database. */
  readonly accept?: readonly BackupKind[]
}

/** Finds backup evidence for the data `ref` removes, preferring the explicit directive. */
export function findBackup(ctx: StaticContext, ref: StatementRef, query: BackupQuery = {}): BackupEvidence | undefined {
  const accept = new Set(query.accept ?? BACKUP_KINDS)
  if (accept.has('directive')) {
    const directive = backupDirective(ref)
    if (directive) return { kind: 'directive', reference: directive.reason }
  }
  if (accept.has('copy') && query.tables && query.tables.length > 0) {
    const copies = query.tables.map((table) => findCopy(ctx, ref, table, query.column))
    if (copies.every((c): c is string => c !== undefined)) return { kind: 'copy', reference: copies.join('; ') }
  }
  if (accept.has('pitr') && ctx.live.hasPitrBackup === true) {
    return { kind: 'pitr', reference: 'point-in-time recovery is available on the target' }
  }
  return undefined
}

/** The part of a finding that records backup evidence: severity info and the reference in evidence. */
export function backupFields(backup: BackupEvidence): Pick<FindingInput, 'severity' | 'evidence'> {
  return { severity: 'info', evidence: { backup: backup.reference, backupKind: backup.kind } }
}

/** Sentence appended to a message when a backup makes the finding informational. */
export function backupNote(backup: BackupEvidence): string {
  const what = backup.kind === 'directive' ? 'a backup is declared' : backup.kind === 'copy' ? 'a copy is made earlier' : 'point-in-time recovery is available'
  return ` Not failing: ${what} (${backup.reference}).`
}

// Directives are read from comments once per file; every destructive finding asks for them.
const directiveCache = new WeakMap<ParsedSql, Directive[]>()

/** The `-- preflight:backup <reference>` right before the statement, when it has a reference. */
function backupDirective(ref: StatementRef): Directive | undefined {
  const parsed = ref.file.parsed
  let directives = directiveCache.get(parsed)
  if (!directives) {
    directives = parseDirectives(parsed)
    directiveCache.set(parsed, directives)
  }
  return directives.find((d) => d.kind === 'backup' && d.reason !== '' && d.statementIndex === ref.stmt.index)
}

/** Describes the earlier statement that copies every row of `table` (with `column`), or undefined. */
function findCopy(ctx: StaticContext, ref: StatementRef, table: string, column: string | undefined): string | undefined {
  const key = tableKey(table)
  const at = executedPosition(ctx, ref)
  for (const { position, copy, where } of copiesOf(ctx)) {
    if (position >= at) break
    if (!copy.sources.some((s) => tableKey(s) === key)) continue
    if (!copy.hasStar && (column === undefined || !copy.columns.includes(column))) continue
    return `${copy.target} copied at ${where}`
  }
  return undefined
}

/** A copy statement, its place among the executed statements, and where it is written (path:line). */
interface PlacedCopy {
  readonly position: number
  readonly copy: Copy
  readonly where: string
}

/** Every destructive finding looks for copies before it: they are listed once, carried across shards and extended with each. */
class CopiesIndex {
  readonly copies: PlacedCopy[] = []

  extend(ctx: StaticContext): void {
    for (const exec of executedStatements(ctx)) {
      const copy = copyOf(exec)
      if (copy) this.copies.push({ position: executedPosition(ctx, exec), copy, where: `${exec.file.migration.path}:${exec.stmt.line}` })
    }
  }
}

/** The copy statements of the pending set up to the end of the current shard, in order. */
function copiesOf(ctx: StaticContext): readonly PlacedCopy[] {
  return copiesIndex(ctx).copies
}

/** A statement that copies rows into a lasting table: its target, source tables and selected columns. */
interface Copy {
  readonly target: string
  readonly sources: readonly string[]
  readonly hasStar: boolean
  readonly columns: readonly string[]
}

/** Reads CREATE TABLE AS, SELECT INTO and INSERT ... SELECT as a copy; undefined for anything else. */
function copyOf(exec: ExecutedStatement): Copy | undefined {
  const n = exec.node
  let into: AstNode | undefined
  let select: AstNode | undefined
  if (exec.kind === 'CreateTableAsStmt' && n.objtype === 'OBJECT_TABLE') {
    into = n.into?.rel
    select = n.query?.SelectStmt
  } else if (exec.kind === 'SelectStmt' && n.intoClause) {
    into = n.intoClause.rel
    select = n
  } else if (exec.kind === 'InsertStmt') {
    into = n.relation
    select = n.selectStmt?.SelectStmt
  }
  const target = relationName(into)
  // A temporary table is gone when the session ends, so it cannot restore anything later.
  if (!target || !select || into?.relpersistence === 't') return undefined
  // A filtered or limited copy does not hold every row.
  if (select.whereClause || select.limitCount) return undefined
  // Only a plain copy of one table holds its rows as they were: a join drops or repeats rows.
  const from = select.fromClause ?? []
  const source = from.length === 1 ? relationName(from[0]?.RangeVar) : undefined
  if (!source) return undefined
  const fields = (select.targetList ?? []).map((t: AstNode) => t?.ResTarget?.val?.ColumnRef?.fields ?? [])
  const hasStar = fields.some((f: AstNode[]) => f.some((x) => x?.A_Star))
  const columns = fields.map((f: AstNode[]) => f[f.length - 1]?.String?.sval).filter((s: unknown): s is string => typeof s === 'string')
  return { target, sources: [source], hasStar, columns }
}

/** Reports a destructive finding: as an error, or as info with the evidence when a backup exists. */
export function reportDestructive(ctx: StaticContext, ref: StatementRef, finding: FindingInput, query: BackupQuery = {}): void {
  const backup = findBackup(ctx, ref, query)
  if (!backup) {
    ctx.report(ref, finding)
    return
  }
  const fields = backupFields(backup)
  ctx.report(ref, { ...finding, message: finding.message + backupNote(backup), severity: fields.severity, evidence: { ...finding.evidence, ...fields.evidence } })
}

/** The CopiesIndex of the run, up to the end of the current shard. */
const copiesIndex = defineShardIndex(() => new CopiesIndex())
