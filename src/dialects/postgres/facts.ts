/**
 * Facts from the live target that the static rules use to grade findings (table sizes, column
 * types) and to accept backup evidence (point-in-time recovery). Read once, before the static
 * rules run; each fact is read on its own, so one failing query loses only that fact.
 */
import type { LiveContext, LiveFacts } from '../../engine/define.js'
import { describeError } from '../../engine/errors.js'
import { judgeArchiving, readArchiver } from './catalog/archiver.js'
import { readColumnTypes } from './catalog/column-types.js'
import { readTableSizes } from './catalog/table-sizes.js'

/** Collects live facts for the static rules. */
export async function collectLiveFacts(ctx: LiveContext): Promise<LiveFacts> {
  const { largeTableRows, largeTableBytes } = ctx.target.thresholds
  const sizes = await attempt(ctx, 'table sizes', () => readTableSizes(ctx))
  const columnTypes = await attempt(ctx, 'column types', () => readColumnTypes(ctx))
  const archiver = await attempt(ctx, 'WAL archiving state', () => readArchiver(ctx))
  return {
    thresholds: { largeTableRows, largeTableBytes },
    ...(sizes ? { tableSizes: new Map([...sizes].map(([key, s]) => [key, { rows: s.rows, bytes: s.totalBytes }])) } : {}),
    ...(columnTypes ? { columnTypes } : {}),
    // Point-in-time recovery counts as backup evidence only when the config accepts it.
    ...(archiver ? { hasPitrBackup: judgeArchiving(archiver).isWorking && ctx.target.acceptPitrAsBackup } : {}),
  }
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
