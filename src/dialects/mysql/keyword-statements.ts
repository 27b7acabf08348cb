/**
 * Statements node-sql-parser does not know but whose meaning is fixed by a few keywords, read here
 * into nodes shaped like its own: SET NAMES / CHARACTER SET, PREPARE, DEALLOCATE PREPARE, DROP
 * PROCEDURE / FUNCTION / EVENT, and ALTER DATABASE ... CHARACTER SET / COLLATE. They are common in real migrations (mysqldump headers, the
 * PREPARE ... EXECUTE idiom, routines dropped after use) and reporting each as "not analysed" would
 * bury the statements nobody checked. EXECUTE stays unparsed: what it runs is decided at run time.
 * https://dev.mysql.com/doc/refman/8.4/en/sql-prepared-statements.html
 */

/** A statement read from its keywords: its kind (the AST `type`) and a node in node-sql-parser's shape. */
export interface KeywordStatement {
  readonly kind: string
  readonly node: Record<string, unknown>
}

/** A name as written: `quoted`, "quoted" (ANSI_QUOTES) or bare. */
const NAME = '(`(?:[^`]|``)+`|"(?:[^"]|"")+"|[A-Za-z0-9_$]+)'
/** A possibly qualified name: db.name. */
const QUALIFIED = `${NAME}(?:\\s*\\.\\s*${NAME})?`

const SET_NAMES = /^SET\s+(NAMES|CHARACTER\s+SET|CHARSET)\s+(?:'[^']*'|"[^"]*"|`[^`]*`|[A-Za-z0-9_$]+|DEFAULT)(\s+COLLATE\s+(?:'[^']*'|"[^"]*"|`[^`]*`|[A-Za-z0-9_$]+))?$/i
const PREPARE = new RegExp(`^PREPARE\\s+${NAME}\\s+FROM\\s+(@${NAME}|'(?:[^'\\\\]|\\\\[\\s\\S]|'')*'|"(?:[^"\\\\]|\\\\[\\s\\S]|"")*")$`, 'i')
const DEALLOCATE = new RegExp(`^(?:DEALLOCATE|DROP)\\s+PREPARE\\s+${NAME}$`, 'i')
const DROP_ROUTINE = new RegExp(`^DROP\\s+(PROCEDURE|FUNCTION|EVENT)\\s+(IF\\s+EXISTS\\s+)?${QUALIFIED}$`, 'i')
const OPTION = '(?:DEFAULT\\s+)?(?:CHARACTER\\s+SET|CHARSET|COLLATE)\\s*=?\\s*\\S+'
const ALTER_DATABASE = new RegExp(`^ALTER\\s+(?:DATABASE|SCHEMA)(?:\\s+${NAME})?((?:\\s+${OPTION})+)$`, 'i')

/** Reads `text` (comments already blanked, no trailing delimiter) when its keywords fix its meaning. */
export function readKeywordStatement(text: string): KeywordStatement | undefined {
  const sql = text.trim().replace(/;$/, '').trim()
  if (SET_NAMES.test(sql)) return { kind: 'set', node: { type: 'set', keyword: 'names', expr: [] } }
  const prepare = PREPARE.exec(sql)
  if (prepare) return { kind: 'prepare', node: { type: 'prepare', name: unquote(prepare[1]!), from: prepare[2]!.startsWith('@') ? `@${unquote(prepare[2]!.slice(1))}` : prepare[2]! } }
  const deallocate = DEALLOCATE.exec(sql)
  if (deallocate) return { kind: 'deallocate', node: { type: 'deallocate', name: unquote(deallocate[1]!) } }
  const database = ALTER_DATABASE.exec(sql)
  if (database) {
    // Only the default character set and collation of new tables: no table is touched, and running it again changes nothing.
    return { kind: 'alter', node: { type: 'alter', keyword: 'database', database: database[1] ? unquote(database[1]) : null, expr: [{ type: 'alter', resource: 'default character set', keyword: 'character set' }] } }
  }
  const drop = DROP_ROUTINE.exec(sql)
  if (drop) {
    const [db, name] = drop[4] ? [unquote(drop[3]!), unquote(drop[4])] : [null, unquote(drop[3]!)]
    return { kind: 'drop', node: { type: 'drop', keyword: drop[1]!.toLowerCase(), prefix: drop[2] ? 'if exists' : null, name: [{ db, name }] } }
  }
  return undefined
}

/** The name without its quotes (a doubled quote inside stands for one). */
export function unquote(name: string): string {
  const quote = name[0]
  if (quote !== '`' && quote !== '"') return name
  return name.slice(1, -1).replaceAll(quote + quote, quote)
}
