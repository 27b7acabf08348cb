/**
 * Passes table names to catalog queries as arrays, so the number of queries does not grow with
 * the number of tables. Names are resolved with to_regclass over quoted parts: a table that does
 * not exist yet (created by the pending set) yields NULL instead of an error, which a
 * `::regclass` cast would raise.
 */

/** A schema-qualified name split for `format('%I.%I', schema, name)`. */
export interface SplitName {
  readonly name: string
  readonly schema: string
  readonly relation: string
}

/** Splits "schema.table" at the first dot; an unqualified name is in public, as pending.ts assumes. */
export function splitTableName(name: string): SplitName {
  const dot = name.indexOf('.')
  return dot === -1 ? { name, schema: 'public', relation: name } : { name, schema: name.slice(0, dot), relation: name.slice(dot + 1) }
}

/** Three parallel arrays (name, schema, relation) for `unnest($1::text[], $2::text[], $3::text[])`. */
export function tableArrayParams(names: readonly string[]): [string[], string[], string[]] {
  const split = [...new Set(names)].map(splitTableName)
  return [split.map((s) => s.name), split.map((s) => s.schema), split.map((s) => s.relation)]
}

/**
 * SQL for a relation `touched(name, oid)` over the arrays at parameters $first..$first+2;
 * oid is NULL for names that do not resolve to a relation.
 */
export function touchedRelationSql(first: number): string {
  return `SELECT x.name, to_regclass(format('%I.%I', x.schema_name, x.rel_name))::oid AS oid
      FROM unnest($${first}::text[], $${first + 1}::text[], $${first + 2}::text[]) AS x(name, schema_name, rel_name)`
}
