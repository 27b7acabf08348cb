/**
 * Current columns of the tables pending statements touch, in one query: their types as
 * format_type prints them ("character varying(20)"), which static rules compare a type change
 * with, and which are generated (STORED), whose values a DROP COLUMN does not lose.
 */
import type { LiveContext } from '../../../engine/define.js'
import { normaliseTable } from '../../../engine/pending.js'
import { tableArrayParams, touchedRelationSql, unqualifiedNames } from './touched.js'

/** The columns of the touched tables, keyed "schema.table.column". */
export interface TouchedColumns {
  readonly types: ReadonlyMap<string, string>
  /** Generated columns (attgenerated, PostgreSQL 12+: every supported version). */
  readonly generated: ReadonlySet<string>
}

/** Reads every column of every touched table, once per run. */
export function readTouchedColumns(ctx: LiveContext): Promise<TouchedColumns> {
  return ctx.memo('postgres:touched-columns', async () => {
    const names = ctx.touched.map((t) => normaliseTable(t.table))
    const types = new Map<string, string>()
    const generated = new Set<string>()
    if (names.length === 0) return { types, generated }
    const rows = await ctx.db.query<{ name: string; column: string; type: string; generated: boolean }>(
      `WITH touched AS (${touchedRelationSql(1)})
       SELECT t.name, a.attname::text AS column, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attgenerated <> '' AS generated
         FROM touched t JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid
        WHERE a.attnum > 0 AND NOT a.attisdropped`,
      tableArrayParams(names, unqualifiedNames(ctx.pending, Math.floor(ctx.server.major))),
    )
    for (const row of rows) {
      types.set(`${row.name}.${row.column}`, row.type)
      if (row.generated) generated.add(`${row.name}.${row.column}`)
    }
    return { types, generated }
  })
}
