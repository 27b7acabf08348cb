/**
 * Passes table names to catalog queries as arrays, so the number of queries does not grow with
 * the number of tables. Names are resolved with to_regclass over quoted parts: a table that does
 * not exist yet (created by the pending set) yields NULL instead of an error, which a
 * `::regclass` cast would raise.
 *
 * Touched names are keyed "schema.table" with unqualified names under "public" (engine/pending.ts).
 * On the target, an unqualified name resolves through the search_path instead: the role's
 * (ALTER ROLE ... SET search_path), or a `SET search_path` earlier in the migration file. So a
 * name the pending SQL writes unqualified is looked up the way PostgreSQL will look it up
 * (https://www.postgresql.org/docs/current/ddl-schemas.html#DDL-SCHEMAS-PATH), and a name whose
 * parts contain dots ("a.b.c") is tried at every split, since the key alone cannot say where the
 * schema ends.
 */
import type { PendingFile } from '../../../engine/define.js'
import { statementLocks } from '../locks.js'
import { searchPathArgs } from '../schema-model/names.js'

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

/**
 * How the pending SQL wrote a table it references without a schema: `session` when it relies on
 * the session's search_path, or the schemas of the `SET search_path` in force at that statement.
 */
export type SearchPath = 'session' | readonly string[]

/** Names the pending SQL writes only unqualified, keyed as touched ("public.users"), with the search path they resolve through. */
export function unqualifiedNames(pending: readonly PendingFile[], pgMajor: number): ReadonlyMap<string, SearchPath> {
  const unqualified = new Map<string, SearchPath>()
  const qualified = new Set<string>()
  for (const file of pending) {
    let path: SearchPath = 'session'
    for (const stmt of file.parsed.statements) {
      if (stmt.kind === 'VariableSetStmt' && stmt.node.name === 'search_path') {
        path = stmt.node.kind === 'VAR_SET_VALUE' ? searchPathArgs(stmt.node) : 'session'
        continue
      }
      for (const { table } of statementLocks(stmt, pgMajor)) {
        if (table.includes('.')) qualified.add(table)
        else if (!unqualified.has(`public.${table}`)) unqualified.set(`public.${table}`, path)
      }
    }
  }
  // A name also written as public.x explicitly is looked up there.
  for (const name of qualified) unqualified.delete(name)
  return unqualified
}

/** One way to look a name up: exactly schema.relation, or relation through a search path (JSON array, or '' for the session's). */
interface Candidate {
  readonly name: string
  readonly schema: string
  readonly relation: string
  readonly path: string | null
}

/** The lookups to try for a name, in order: the first that finds a relation wins. */
function candidatesFor(name: string, unqualified: ReadonlyMap<string, SearchPath> | undefined): Candidate[] {
  return allCandidates(name, unqualified).filter((c) => c.relation !== '' && (c.path !== null || c.schema !== ''))
}

/** Every lookup for a name, before empty parts ('"a".""' is a syntax error for to_regclass) are dropped. */
function allCandidates(name: string, unqualified: ReadonlyMap<string, SearchPath> | undefined): Candidate[] {
  const out: Candidate[] = []
  const path = unqualified?.get(name)
  if (path !== undefined && name.startsWith('public.')) {
    out.push({ name, schema: 'public', relation: name.slice('public.'.length), path: path === 'session' ? '' : JSON.stringify(path) })
  }
  if (!name.includes('.')) return [...out, { name, schema: 'public', relation: name, path: null }]
  for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
    out.push({ name, schema: name.slice(0, dot), relation: name.slice(dot + 1), path: null })
  }
  // "tab.le" written unqualified reaches here as schema "tab": try it as one relation name too.
  out.push({ name, schema: '', relation: name, path: '' })
  return out
}

/**
 * Four parallel arrays (name, schema, relation, search path) for touchedRelationSql, with
 * several lookups per name where it is ambiguous; `unqualified` comes from unqualifiedNames.
 */
export function tableArrayParams(names: readonly string[], unqualified?: ReadonlyMap<string, SearchPath>): [string[], string[], string[], (string | null)[]] {
  const candidates = [...new Set(names)].flatMap((n) => candidatesFor(n, unqualified))
  return [candidates.map((c) => c.name), candidates.map((c) => c.schema), candidates.map((c) => c.relation), candidates.map((c) => c.path)]
}

/**
 * SQL for a relation `touched(name, oid)` over the arrays at parameters $first..$first+3: one
 * row per name, oid NULL when no lookup finds a relation. "$user" in a SET search_path is the
 * current user.
 */
export function touchedRelationSql(first: number): string {
  const [names, schemas, relations, paths] = [first, first + 1, first + 2, first + 3].map((n) => `$${n}`)
  return `SELECT DISTINCT ON (x.name) x.name, x.found AS oid
      FROM (SELECT c.name, c.ord,
                   CASE WHEN c.search_path IS NULL THEN pg_catalog.to_regclass(format('%I.%I', c.schema_name, c.rel_name))
                        WHEN c.search_path = '' THEN pg_catalog.to_regclass(quote_ident(c.rel_name))
                        ELSE (SELECT pg_catalog.to_regclass(format('%I.%I', CASE WHEN p.s = '$user' THEN current_user ELSE p.s END, c.rel_name))
                                FROM json_array_elements_text(c.search_path::json) WITH ORDINALITY AS p(s, i)
                               WHERE pg_catalog.to_regclass(format('%I.%I', CASE WHEN p.s = '$user' THEN current_user ELSE p.s END, c.rel_name)) IS NOT NULL
                               ORDER BY p.i LIMIT 1)
                   END::oid AS found
              FROM unnest(${names}::text[], ${schemas}::text[], ${relations}::text[], ${paths}::text[]) WITH ORDINALITY AS c(name, schema_name, rel_name, search_path, ord)) x
     ORDER BY x.name, x.found IS NULL, x.ord`
}
