/**
 * Current column types of the tables pending statements touch, in one query, as format_type
 * prints them ("character varying(20)"): static rules compare a type change with them.
 */
import type { LiveContext } from '../../../engine/define.js'
import { normaliseTable } from '../../../engine/pending.js'
import { tableArrayParams, touchedRelationSql, unqualifiedNames } from './touched.js'

/** Reads "schema.table.column" -> type for every column of every touched table, once per run. */
export function readColumnTypes(ctx: LiveContext): Promise<ReadonlyMap<string, string>> {
  return ctx.memo('postgres:column-types', async () => {
    const names = ctx.touched.map((t) => normaliseTable(t.table))
    const out = new Map<string, string>()
    if (names.length === 0) return out
    const rows = await ctx.db.query<{ name: string; column: string; type: string }>(
      `WITH touched AS (${touchedRelationSql(1)})
       SELECT t.name, a.attname::text AS column, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
         FROM touched t JOIN pg_catalog.pg_attribute a ON a.attrelid = t.oid
        WHERE a.attnum > 0 AND NOT a.attisdropped`,
      tableArrayParams(names, unqualifiedNames(ctx.pending, Math.floor(ctx.server.major))),
    )
    for (const row of rows) out.set(`${row.name}.${row.column}`, row.type)
    return out
  })
}
