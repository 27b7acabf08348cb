/**
 * Placeholders that a migration tool replaces in a file before it runs it: `${name}` (Flyway,
 * Liquibase, SQL templated by an application) and psql-style variables `:name`, `:'name'` (the
 * value as a string literal) and `:"name"` (the value as an identifier), as graphile-worker writes
 * them. With `migrations.placeholders` in the config the SQL is analysed as the tool will run it;
 * without, such a file does not parse, and the syntax error says which placeholder to configure
 * (`placeholderNear`).
 *
 * Only configured names are replaced, and everywhere in the file (function bodies, strings and
 * comments too), as Flyway and graphile-worker replace them; psql itself leaves quoted text alone,
 * which matters only for a configured name written inside quotes. In a run of colons, pairs are
 * `::` casts: `x::name` is never a placeholder, `):::name` (a cast to a placeholder's type) is.
 * Values are single-line (the config schema says so), so every line keeps its number; columns
 * after a placeholder on its line count in the replaced text.
 */

/** Configured placeholder values, by name. */
export type Placeholders = Readonly<Record<string, string>>

/** `${name}` */
const BRACED = /\$\{([^{}\r\n]+)\}/g

/** A run of colons, then a name, bare or quoted: a psql-style variable when the run is odd. */
const COLON_NAMED = /(:+)(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/g

/** The SQL with every configured placeholder replaced; the same string when there is none to replace. */
export function substitutePlaceholders(sql: string, values: Placeholders): string {
  if (Object.keys(values).length === 0) return sql
  const braced = sql.includes('${') ? sql.replace(BRACED, (whole, name: string) => (Object.hasOwn(values, name) ? values[name]! : whole)) : sql
  if (!braced.includes(':')) return braced
  return braced.replace(COLON_NAMED, (whole, colons: string, quote: string, name: string, at: number) => {
    // An even run of colons is all casts (x::name).
    if (colons.length % 2 === 0 || !Object.hasOwn(values, name) || isNameChar(braced[at + whole.length])) return whole
    return colons.slice(1) + quoted(values[name]!, quote)
  })
}

/** A placeholder as written in a file. */
export interface PlaceholderUse {
  /** As written, e.g. `${schema}` or `:'owner'`. */
  readonly text: string
  readonly name: string
}

/**
 * The placeholder that a syntax error at 0-based `column` of `line` most likely hit: one whose
 * text covers the column, or starts right after it; undefined when the line has none there.
 */
export function placeholderNear(line: string, column: number): PlaceholderUse | undefined {
  const uses: (PlaceholderUse & { start: number })[] = []
  for (const m of line.matchAll(BRACED)) uses.push({ text: m[0], name: m[1]!, start: m.index })
  for (const m of line.matchAll(COLON_NAMED)) {
    // The last colon of an odd run starts the placeholder.
    if (m[1]!.length % 2 === 1) uses.push({ text: m[0].slice(m[1]!.length - 1), name: m[3]!, start: m.index + m[1]!.length - 1 })
  }
  const hit = uses.find((u) => column >= u.start - 1 && column < u.start + u.text.length)
  return hit && { text: hit.text, name: hit.name }
}

/** Whether `c` continues a name (so a match ending before it would cut the name short). */
function isNameChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_$]/.test(c)
}

/** The value as the variable form writes it: bare, as a string literal (:'name') or as an identifier (:"name"). */
function quoted(value: string, quote: string): string {
  if (quote === '"') return `"${value.replaceAll('"', '""')}"`
  if (quote !== "'") return value
  const doubled = value.replaceAll("'", "''")
  // psql writes a value holding a backslash as an E'' literal, the backslash doubled.
  return value.includes('\\') ? `E'${doubled.replaceAll('\\', '\\\\')}'` : `'${doubled}'`
}
