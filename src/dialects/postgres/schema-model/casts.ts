/**
 * Whether each ALTER COLUMN ... TYPE without USING has the assignment cast PostgreSQL applies
 * (https://www.postgresql.org/docs/current/sql-altertable.html: "the default conversion is the
 * same as an assignment cast from old data type to new"). One query for every type change:
 * pg_cast rows between the base types (domains unwrapped), and between element types of arrays.
 */
import type { ReadOnlySession } from '../../../engine/define.js'
import { displayKey } from './model.js'
import type { SchemaIssue, TypeChange } from './replay.js'
import { statementLabel } from './replay.js'

/** What the catalog says about one type change. */
export interface CastVerdict {
  readonly change: TypeChange
  /** PostgreSQL converts the values without a USING clause. */
  readonly isAssignable: boolean
  /** The stored bytes stay valid (same type, or a binary-coercible cast): no table rewrite for the cast. */
  readonly isBinary: boolean
  /** An explicit-only cast exists, so `USING col::type` works. */
  readonly hasExplicitCast: boolean
  /** Why, for evidence: "assignment cast", "I/O conversion to a string type", "no cast". */
  readonly reason: string
}

interface CastRow extends Record<string, unknown> {
  ord: string
  same: boolean
  context: string | null
  method: string | null
  target_category: string
  source_category: string
  source_is_array: boolean
  target_is_array: boolean
  elem_same: boolean | null
  elem_context: string | null
  elem_method: string | null
  elem_target_category: string | null
}

/** Looks up the casts of every type change in one query. */
export async function lookupCasts(db: ReadOnlySession, changes: readonly TypeChange[]): Promise<CastVerdict[]> {
  const verdicts: CastVerdict[] = []
  const known = changes.filter((c) => c.from.oid !== undefined && c.to.oid !== undefined)
  for (const change of changes) {
    if (change.from.oid !== undefined && change.to.oid !== undefined) continue
    // A type the model cannot identify (from an extension created in the migration): no verdict.
    if ((change.from.oid === undefined && !change.from.createdKey) || (change.to.oid === undefined && !change.to.createdKey)) continue
    verdicts.push(verdictForCreatedType(change))
  }
  if (known.length === 0) return verdicts
  const rows = await db.query<CastRow>(
    `WITH p AS (
       SELECT * FROM unnest($1::oid[], $2::oid[]) WITH ORDINALITY AS p(src, dst, ord)
     ), b AS (
       SELECT p.ord,
              CASE WHEN s.typtype = 'd' THEN s.typbasetype ELSE s.oid END AS s_base,
              CASE WHEN d.typtype = 'd' THEN d.typbasetype ELSE d.oid END AS d_base
         FROM p JOIN pg_catalog.pg_type s ON s.oid = p.src JOIN pg_catalog.pg_type d ON d.oid = p.dst
     )
     SELECT b.ord::text AS ord, b.s_base = b.d_base AS same,
            c.castcontext::text AS context, c.castmethod::text AS method, dt.typcategory::text AS target_category,
            st.typcategory::text AS source_category,
            st.typcategory = 'A' AS source_is_array, dt.typcategory = 'A' AS target_is_array,
            NULLIF(st.typelem, 0) = NULLIF(dt.typelem, 0) AS elem_same,
            ce.castcontext::text AS elem_context, ce.castmethod::text AS elem_method, de.typcategory::text AS elem_target_category
       FROM b
       JOIN pg_catalog.pg_type st ON st.oid = b.s_base JOIN pg_catalog.pg_type dt ON dt.oid = b.d_base
       LEFT JOIN pg_catalog.pg_cast c ON c.castsource = b.s_base AND c.casttarget = b.d_base
       LEFT JOIN pg_catalog.pg_type de ON de.oid = NULLIF(dt.typelem, 0)
       LEFT JOIN pg_catalog.pg_cast ce ON ce.castsource = NULLIF(st.typelem, 0) AND ce.casttarget = NULLIF(dt.typelem, 0)
      ORDER BY b.ord`,
    [known.map((c) => c.from.oid), known.map((c) => c.to.oid)],
  )
  for (const row of rows) verdicts.push(verdictOf(known[Number(row.ord) - 1]!, row))
  return verdicts
}

/** Applies PostgreSQL's assignment coercion rules to one cast row. */
function verdictOf(change: TypeChange, row: CastRow): CastVerdict {
  // From a string type, an explicit cast always exists: the value goes through the target's input function.
  const base = { change, hasExplicitCast: row.context === 'e' || row.source_category === 'S' }
  if (row.same) return { ...base, isAssignable: true, isBinary: true, reason: 'same base type' }
  if (row.context === 'a' || row.context === 'i') {
    return { ...base, isAssignable: true, isBinary: row.method === 'b', reason: `${row.context === 'i' ? 'implicit' : 'assignment'} cast${row.method === 'b' ? ' (binary-coercible)' : ''}` }
  }
  // Any type converts to a string type through its output function in assignment context.
  if (row.target_category === 'S') return { ...base, isAssignable: true, isBinary: false, reason: 'I/O conversion to a string type' }
  if (row.source_is_array && row.target_is_array) {
    if (row.elem_same) return { ...base, isAssignable: true, isBinary: true, reason: 'same element type' }
    if (row.elem_context === 'a' || row.elem_context === 'i' || row.elem_target_category === 'S') {
      return { ...base, isAssignable: true, isBinary: row.elem_method === 'b', reason: 'element types have an assignment cast' }
    }
    return { change, isAssignable: false, isBinary: false, hasExplicitCast: row.elem_context === 'e', reason: 'no assignment cast between the element types' }
  }
  const reason = row.context === 'e' ? 'only an explicit cast exists' : row.source_category === 'S' ? 'only an explicit conversion from text exists' : 'no cast exists'
  return { ...base, isAssignable: false, isBinary: false, reason }
}

/** A change to or from a type the migration creates: only the same type converts without USING. */
function verdictForCreatedType(change: TypeChange): CastVerdict {
  const isSame = change.from.createdKey !== undefined && change.from.createdKey === change.to.createdKey
  // An enum or domain created by the migration: text converts to it only explicitly.
  const isToString = change.to.category === 'S'
  return {
    change,
    isAssignable: isSame || isToString,
    isBinary: isSame,
    hasExplicitCast: change.from.category === 'S',
    reason: isSame ? 'same type' : isToString ? 'I/O conversion to a string type' : 'no assignment cast to a type the migration creates',
  }
}

/** Issues for type changes PostgreSQL refuses without USING. */
export function castIssues(verdicts: readonly CastVerdict[]): SchemaIssue[] {
  return verdicts
    .filter((v) => !v.isAssignable && !v.change.hasUsing)
    .map((v) => {
      const { change } = v
      const using = `USING ${change.column}::${change.to.display}`
      return {
        kind: 'cast' as const,
        at: change.at,
        severity: 'error' as const,
        message:
          `${statementLabel(change.at)} fails on this target: column "${change.column}" of ${displayKey(change.table)} cannot be cast automatically ` +
          `from ${change.from.display} to ${change.to.display} (${v.reason}).`,
        mitigation: v.hasExplicitCast
          ? `Say how to convert the values: ALTER COLUMN ${change.column} TYPE ${change.to.display} ${using}. Check first that every value converts (a failing row aborts the whole rewrite).`
          : `No cast exists between these types: write a USING expression that computes the new value from the old one, or add a new column, backfill it and swap.`,
        evidence: { table: change.table, column: change.column, from: change.from.display, to: change.to.display, cast: v.reason },
        tables: [change.table],
      }
    })
}
