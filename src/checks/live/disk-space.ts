import { statfs } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import { defineLiveCheck, type FindingInput, type LiveContext, type ReportTarget, type StatementRef } from '../../engine/define.js'
import { readTableSizes, type TableSize } from '../../dialects/postgres/catalog/table-sizes.js'
import { statementRebuilds, type Rebuild } from '../../dialects/postgres/rebuilds.js'
import { analyseSchema, pendingStatements } from '../../dialects/postgres/schema-model/analyse.js'
import { normaliseTable } from '../../engine/pending.js'
import { formatBytes } from '../../engine/units.js'

/** Below this many times the space needed, free space is tight enough to warn. */
export const SPACE_MARGIN = 2

/**
 * Statements that rewrite a table or build an index write a new copy next to the old one and
 * log it to WAL, so they need about the table's size (heap, TOAST and indexes) free, twice over.
 * A full disk stops the whole server, not just the migration. Free space is what the tool can
 * know: the quota (capacity.quotaBytes) minus pg_database_size, or the data directory's file
 * system (capacity.dataDirectory, when the server runs on this host).
 * https://www.postgresql.org/docs/current/disk-full.html
 */
export default defineLiveCheck({
  id: 'disk-space',
  title: 'Enough free disk space for rewrites and index builds',
  category: 'capacity',
  severity: 'error',
  async run(ctx) {
    const rebuilds = await findRebuilds(ctx)
    const sizes = await readTableSizes(ctx)
    const needs = spaceNeeds(rebuilds, sizes)
    const required = needs.reduce((sum, n) => sum + n.requiredBytes, 0)
    const free = await freeSpace(ctx)
    const evidence = {
      requiredBytes: required,
      required: formatBytes(required),
      freeBytes: free.bytes ?? null,
      free: free.bytes === undefined ? 'unknown' : formatBytes(free.bytes),
      freeSource: free.source ?? null,
      ...free.details,
      tables: needs.map((n) => ({ table: n.table, totalBytes: n.totalBytes, requiredBytes: n.requiredBytes, statements: n.statements.length })),
    }
    if (needs.length === 0) {
      const known = free.bytes === undefined ? ` Free space is unknown: ${HOW_TO_CONFIGURE}` : ` ${formatBytes(free.bytes)} free (${free.source}).`
      return { status: 'pass', summary: `No pending statement rewrites an existing table or builds an index on one.${known}`, evidence }
    }
    const biggest = [...needs].sort((a, b) => b.requiredBytes - a.requiredBytes)[0]!
    const what = `The migration rebuilds ${needs.length} table${needs.length === 1 ? '' : 's'} (largest ${biggest.table}, ${formatBytes(biggest.totalBytes)}) and needs about ${formatBytes(required)} free for the new copies and their WAL`
    if (free.bytes === undefined) {
      return { status: 'warn', summary: `${what}; free space is unknown.`, mitigation: HOW_TO_CONFIGURE, evidence, findings: findingsFor(needs, undefined) }
    }
    if (free.bytes < required) {
      return {
        status: 'fail',
        summary: `${what}, but only ${formatBytes(free.bytes)} is free (${free.source}).`,
        mitigation: 'Add storage before the migration (raise the volume or plan size), or rebuild one table at a time in separate deployments; a full disk stops every write on the server.',
        evidence,
        findings: findingsFor(needs, free.bytes),
      }
    }
    if (free.bytes < required * SPACE_MARGIN) {
      return {
        status: 'warn',
        summary: `${what}; ${formatBytes(free.bytes)} is free (${free.source}), less than ${SPACE_MARGIN}x that.`,
        mitigation: 'Add storage or watch free space while the migration runs: WAL kept for replicas or a lagging archive grows on top of this estimate.',
        evidence,
        findings: findingsFor(needs, free.bytes),
      }
    }
    return { status: 'pass', summary: `${what}; ${formatBytes(free.bytes)} is free (${free.source}).`, evidence }
  },
})

const HOW_TO_CONFIGURE =
  'set capacity.quotaBytes on the target to its storage size (the plan or volume size), or capacity.dataDirectory to the data directory when the server runs on this host.'

/** What one table needs. */
interface SpaceNeed {
  readonly table: string
  readonly totalBytes: number
  readonly requiredBytes: number
  readonly statements: readonly Rebuild[]
}

/** Rebuilding statements; type changes the target's pg_cast calls binary-coercible are not rewrites. */
async function findRebuilds(ctx: LiveContext): Promise<Rebuild[]> {
  const statements = pendingStatements(ctx.pending)
  const hasTypeChange = statements.some((s) => s.stmt.kind === 'AlterTableStmt' && (s.stmt.node.cmds as { AlterTableCmd?: { subtype?: string } }[] | undefined ?? []).some((c) => c.AlterTableCmd?.subtype === 'AT_AlterColumnType'))
  const binary = new Set<string>()
  if (hasTypeChange) {
    const analysis = await analyseSchema(ctx)
    for (const v of analysis.casts) if (v.isBinary) binary.add(typeChangeKey(v.change.at, v.change.column))
  }
  return statements.flatMap((ref) => statementRebuilds(ref, (r, column) => binary.has(typeChangeKey(r, column))))
}

/** Identity of a type change: the statement and the column. */
function typeChangeKey(ref: StatementRef, column: string): string {
  return `${ref.file.migration.path}:${ref.stmt.index}:${column}`
}

/**
 * Per existing table: its size once (a rewrite or index build needs about that much), plus as much
 * WAL. Grouped by the table found on the target, so "users" and "app.users" that a search_path
 * makes the same table count once.
 */
function spaceNeeds(rebuilds: readonly Rebuild[], sizes: ReadonlyMap<string, TableSize>): SpaceNeed[] {
  const byTable = new Map<string, { size: TableSize; statements: Rebuild[] }>()
  for (const r of rebuilds) {
    const size = sizes.get(normaliseTable(r.table))
    if (!size) continue // created by the pending set: empty
    const entry = byTable.get(size.resolved) ?? { size, statements: [] }
    entry.statements.push(r)
    byTable.set(size.resolved, entry)
  }
  return [...byTable].map(([table, { size, statements }]) => ({ table, totalBytes: size.totalBytes, requiredBytes: size.totalBytes * 2, statements }))
}

/** A finding at each rebuilding statement, with the table's size. */
function findingsFor(needs: readonly SpaceNeed[], free: number | undefined): (FindingInput & { at?: ReportTarget })[] {
  return needs.flatMap((need) =>
    need.statements.map((r) => ({
      at: r.ref,
      severity: free !== undefined && free < need.requiredBytes ? ('error' as const) : ('warning' as const),
      message: `${r.reason} writes a new copy of ${need.table} (${formatBytes(need.totalBytes)} with indexes and TOAST) and about as much WAL: it needs about ${formatBytes(need.requiredBytes)} free${free === undefined ? '' : `, ${formatBytes(free)} is`}.`,
      mitigation: 'Make sure the volume has room for the new copy and its WAL before running it; the old copy is freed only when the transaction commits.',
      evidence: { table: need.table, totalBytes: need.totalBytes, requiredBytes: need.requiredBytes, ...(free !== undefined ? { freeBytes: free } : {}) },
      tables: [need.table],
    })),
  )
}

/** Free space as far as the tool can know it; the smaller when both sources are configured. */
async function freeSpace(ctx: LiveContext): Promise<{ bytes?: number; source?: string; details: Record<string, unknown> }> {
  const { quotaBytes, dataDirectory } = ctx.target.capacity
  const candidates: { bytes: number; source: string }[] = []
  const details: Record<string, unknown> = {}
  if (quotaBytes !== undefined) {
    const [row] = await ctx.db.query<{ size: string }>('SELECT pg_catalog.pg_database_size(pg_catalog.current_database())::text AS size')
    const used = Number(row!.size)
    details.quotaBytes = quotaBytes
    details.databaseBytes = used
    candidates.push({ bytes: Math.max(0, quotaBytes - used), source: `quota ${formatBytes(quotaBytes)} minus database size ${formatBytes(used)}` })
  }
  if (dataDirectory !== undefined) {
    const path = isAbsolute(dataDirectory) ? dataDirectory : resolve(ctx.baseDir, dataDirectory)
    try {
      const fs = await statfs(path)
      const bytes = Number(fs.bavail) * Number(fs.bsize)
      details.dataDirectory = path
      candidates.push({ bytes, source: `file system of ${path}` })
    } catch (error) {
      // Not on this host (the usual case for a remote server): say so instead of guessing.
      details.dataDirectory = `${path} (not readable here: ${(error as NodeJS.ErrnoException).code ?? 'error'})`
    }
  }
  const smallest = candidates.sort((a, b) => a.bytes - b.bytes)[0]
  return smallest ? { ...smallest, details } : { details }
}
