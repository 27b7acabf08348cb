/**
 * Facts from the live target that the static rules use to grade findings (table sizes, column
 * types) and to accept backup evidence (point-in-time recovery). Read once, before the static
 * rules run; each fact is read on its own, so one failing query loses only that fact.
 */
import type { LiveContext, LiveFacts, PendingFile } from '../../engine/define.js'
import { describeError } from '../../engine/errors.js'
import { normaliseTable } from '../../engine/pending.js'
import { judgeArchiving, readArchiver } from './catalog/archiver.js'
import { readTouchedColumns } from './catalog/column-types.js'
import { INDEX_TABLE_KEY_PREFIX, readIndexTableSizes, readTableSizes, type TableSize } from './catalog/table-sizes.js'
import { objectNames, relationName } from './locks.js'

/** Collects live facts for the static rules. */
export async function collectLiveFacts(ctx: LiveContext): Promise<LiveFacts> {
  const { largeTableRows, largeTableBytes } = ctx.target.thresholds
  const sizes = await attempt(ctx, 'table sizes', () => readAllSizes(ctx))
  const columns = await attempt(ctx, 'column types', () => readTouchedColumns(ctx))
  const archiver = await attempt(ctx, 'WAL archiving state', () => readArchiver(ctx))
  return {
    thresholds: { largeTableRows, largeTableBytes },
    ...(sizes ? { tableSizes: sizes } : {}),
    ...(columns ? { columnTypes: columns.types, generatedColumns: columns.generated } : {}),
    // Point-in-time recovery counts as backup evidence only when the config accepts it.
    ...(archiver ? { hasPitrBackup: judgeArchiving(archiver).isWorking && ctx.target.acceptPitrAsBackup } : {}),
  }
}

/**
 * Sizes of the touched tables, plus the size of the table behind each index a statement names
 * without its table (REINDEX INDEX, ALTER INDEX, DROP INDEX), keyed "index:schema.name". Both or
 * neither: a missing index entry would read as "not on the target" and grade the finding info.
 */
async function readAllSizes(ctx: LiveContext): Promise<LiveFacts['tableSizes']> {
  const tables = await readTableSizes(ctx)
  const indexes = await readIndexTableSizes(ctx, indexNamesIn(ctx.pending))
  // A table never vacuumed or analysed has no row estimate (reltuples -1): its bytes still grade it.
  const brief = (s: TableSize): { rows: number; bytes: number; isRowsKnown?: boolean } => ({ rows: s.rows, bytes: s.totalBytes, ...(s.isRowsKnown ? {} : { isRowsKnown: false }) })
  return new Map([
    ...[...tables].map(([key, s]) => [key, brief(s)] as const),
    ...[...indexes].map(([key, s]) => [`${INDEX_TABLE_KEY_PREFIX}${key}`, brief(s)] as const),
  ])
}

/** Indexes that pending statements name without their table. */
function indexNamesIn(pending: readonly PendingFile[]): string[] {
  const names = new Set<string>()
  for (const file of pending) {
    for (const { kind, node: n } of file.parsed.statements) {
      const named =
        kind === 'ReindexStmt' && n.kind === 'REINDEX_OBJECT_INDEX'
          ? [relationName(n.relation)]
          : kind === 'AlterTableStmt' && n.objtype === 'OBJECT_INDEX'
            ? [relationName(n.relation)]
            : kind === 'DropStmt' && n.removeType === 'OBJECT_INDEX'
              ? objectNames(n.objects)
              : []
      for (const name of named) if (name) names.add(normaliseTable(name))
    }
  }
  return [...names]
}

/** Runs one read; a failure is logged and the fact left out. */
async function attempt<T>(ctx: LiveContext, what: string, read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read()
  } catch (error) {
    const code = (error as { code?: string }).code
    ctx.log.log('warn', `could not read ${what} for the static rules: ${describeError(error)}${code ? ` (SQLSTATE ${code})` : ''}`)
    return undefined
  }
}
