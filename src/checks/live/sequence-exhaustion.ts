import { defineLiveCheck, type FindingInput } from '../../engine/define.js'
import { formatCount, formatPercent } from '../../engine/units.js'

/**
 * A sequence that reaches its maximum makes every insert that needs a value fail ("nextval:
 * reached maximum value"); a bigint sequence feeding an integer column fails earlier, at the
 * column's maximum ("integer out of range"). Reads every sequence of the database with the
 * columns it feeds (serial and identity columns, and defaults calling nextval) in one query.
 * https://www.postgresql.org/docs/current/view-pg-sequences.html
 */
export default defineLiveCheck({
  id: 'sequence-exhaustion',
  title: 'Sequences and identity columns have room left',
  category: 'capacity',
  severity: 'error',
  async run(ctx) {
    const limit = ctx.target.thresholds.sequenceUsedRatio
    const rows = await ctx.db.query<SequenceRow>(SEQUENCES_SQL)
    const usages = rows.map(toUsage)
    const unreadable = usages.filter((u) => !u.isReadable).length
    const ranked = usages.filter((u) => u.isReadable && !u.isCycle).sort((a, b) => b.ratio - a.ratio)
    const over = ranked.filter((u) => u.ratio >= limit)
    const evidence = {
      sequenceUsedRatio: limit,
      sequences: usages.length,
      unreadable,
      highest: ranked.slice(0, 5).map((u) => ({ sequence: u.sequence, column: u.column, lastValue: u.lastValue, maxValue: u.effectiveMax, limitedBy: u.limitedBy, used: formatPercent(u.ratio) })),
    }
    const note = unreadable > 0 ? ` ${unreadable} sequence${unreadable === 1 ? '' : 's'} could not be read (no SELECT or USAGE privilege).` : ''
    if (over.length > 0) {
      const first = over[0]!
      const findings: FindingInput[] = over.map((u) => ({
        message: `${describe(u)} has used ${formatPercent(u.ratio)} of its range (${formatCount(u.lastValue)} of ${formatCount(u.effectiveMax)}): inserts fail when it runs out.`,
        mitigation: mitigationFor(u),
        evidence: { sequence: u.sequence, column: u.column, lastValue: u.lastValue, maxValue: u.effectiveMax, limitedBy: u.limitedBy, ratio: u.ratio },
        ...(u.table ? { tables: [u.table] } : {}),
      }))
      return {
        status: 'fail',
        summary: `${over.length} sequence${over.length === 1 ? '' : 's'} past ${formatPercent(limit)} of ${over.length === 1 ? 'its' : 'their'} range; ${describe(first)} is at ${formatPercent(first.ratio)}.${note}`,
        mitigation: mitigationFor(first),
        evidence,
        findings,
      }
    }
    const top = ranked[0]
    const summary = top ? `The fullest of ${usages.length} sequences, ${describe(top)}, has used ${formatPercent(top.ratio)} of its range (limit ${formatPercent(limit)}).${note}` : `No sequences in use.${note}`
    return { status: 'pass', summary, evidence }
  },
})

interface SequenceRow extends Record<string, unknown> {
  sequence: string
  data_type: string
  last_value: string | null
  min_value: string
  max_value: string
  increment_by: string
  cycle: boolean
  readable: boolean
  table_name: string | null
  column_name: string | null
  column_type: string | null
  column_max: string | null
}

/** Every user sequence, with the column it feeds (one row per column) and that column's maximum. */
const SEQUENCES_SQL = `
WITH feeds AS (
  SELECT d.objid AS seq, d.refobjid AS rel, d.refobjsubid AS attnum
    FROM pg_catalog.pg_depend d
   WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.refclassid = 'pg_catalog.pg_class'::regclass
     AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0
  UNION
  SELECT d.refobjid, ad.adrelid, ad.adnum
    FROM pg_catalog.pg_attrdef ad
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_attrdef'::regclass AND d.objid = ad.oid
     AND d.refclassid = 'pg_catalog.pg_class'::regclass
)
SELECT format('%I.%I', s.schemaname, s.sequencename) AS sequence, s.data_type::text AS data_type,
       s.last_value::text AS last_value, s.min_value::text AS min_value, s.max_value::text AS max_value,
       s.increment_by::text AS increment_by, s.cycle,
       pg_catalog.has_sequence_privilege(c.oid, 'SELECT,USAGE') AS readable,
       format('%I.%I', tn.nspname, t.relname) AS table_name, a.attname::text AS column_name,
       pg_catalog.format_type(a.atttypid, NULL) AS column_type,
       CASE a.atttypid WHEN 'int2'::regtype THEN '32767' WHEN 'int4'::regtype THEN '2147483647' WHEN 'int8'::regtype THEN '9223372036854775807' END AS column_max
  FROM pg_catalog.pg_sequences s
  JOIN pg_catalog.pg_namespace n ON n.nspname = s.schemaname
  JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = s.sequencename
  LEFT JOIN feeds f ON f.seq = c.oid
  LEFT JOIN pg_catalog.pg_class t ON t.oid = f.rel AND t.relkind IN ('r', 'p')
  LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
  LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = f.rel AND a.attnum = f.attnum AND t.oid IS NOT NULL
 WHERE s.schemaname <> 'information_schema' AND s.schemaname !~ '^pg_'
 ORDER BY 1, 9, 10`

/** How full one sequence (as seen by one column) is. */
interface Usage {
  readonly sequence: string
  readonly table?: string
  readonly column?: string
  readonly columnType?: string
  readonly lastValue: number
  readonly effectiveMax: number
  /** "sequence" or "column type integer" */
  readonly limitedBy: string
  readonly ratio: number
  readonly isReadable: boolean
  readonly isCycle: boolean
}

/** Share of the usable range consumed; a descending sequence counts from its maximum down. */
function toUsage(row: SequenceRow): Usage {
  const min = Number(row.min_value)
  const seqMax = Number(row.max_value)
  const columnMax = row.column_max !== null ? Number(row.column_max) : Infinity
  const isDescending = Number(row.increment_by) < 0
  // An integer column fed by a bigint sequence overflows at the column's maximum, not the sequence's.
  const effectiveMax = isDescending ? seqMax : Math.min(seqMax, columnMax)
  const last = row.last_value !== null ? Number(row.last_value) : isDescending ? seqMax : min
  const span = effectiveMax - min
  const used = isDescending ? seqMax - last : last - min
  const column = row.column_name ? `${row.table_name}.${row.column_name}` : undefined
  return {
    sequence: row.sequence,
    ...(row.table_name && row.column_name ? { table: row.table_name, column, columnType: row.column_type ?? undefined } : {}),
    lastValue: last,
    effectiveMax,
    limitedBy: columnMax < seqMax && !isDescending ? `column type ${row.column_type}` : `sequence (${row.data_type})`,
    ratio: span > 0 ? Math.max(0, used / span) : 0,
    isReadable: row.readable,
    isCycle: row.cycle,
  }
}

/** "sequence users_id_seq (feeding users.id, integer)". */
function describe(u: Usage): string {
  return u.column ? `sequence ${u.sequence} (feeding ${u.column}, ${u.columnType})` : `sequence ${u.sequence}`
}

/** What to do: widen the column when the column type limits, else the sequence. */
function mitigationFor(u: Usage): string {
  if (u.limitedBy.startsWith('column type') && u.column) {
    return `Change ${u.column} to bigint (a rewrite under ACCESS EXCLUSIVE: on a large table add a bigint column, backfill it in batches and swap), and check the columns that reference it.`
  }
  return `ALTER SEQUENCE ${u.sequence} AS bigint (and the columns it feeds to bigint), or plan a new key scheme; CYCLE only helps if old values are gone.`
}
