/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser ASTs are untyped JSON, as Statement.node is typed */
/**
 * Facts about MySQL statements read from node-sql-parser's AST: which tables a statement names,
 * whether it is DDL (which MySQL commits implicitly), and what the migration's ALTER TABLE asks
 * of InnoDB online DDL. Rules and live checks read statements through these, not the raw AST.
 */
import type { Statement } from '../postgres/parser.js'
import { UNPARSED, type UnparsedNode } from './parser.js'
import { unquote } from './keyword-statements.js'

/** A table as the SQL names it; `db` is null when unqualified (the connection's database). */
export interface MysqlTable {
  readonly db: string | null
  readonly table: string
}

/** "db.table", or "table" when unqualified. */
export function tableLabel(t: MysqlTable): string {
  return t.db ? `${t.db}.${t.table}` : t.table
}

/** True when both names can mean the same table: same name, and the same database when both say one. */
export function isSameTable(a: MysqlTable, b: MysqlTable): boolean {
  return a.table === b.table && (a.db === null || b.db === null || a.db === b.db)
}

/** Reads one {db, table} entry of node-sql-parser's table lists. */
function toTable(entry: unknown): MysqlTable | undefined {
  const e = entry as { db?: unknown; table?: unknown } | null
  if (!e || typeof e.table !== 'string') return undefined
  return { db: typeof e.db === 'string' && e.db !== '' ? e.db : null, table: e.table }
}

/** Reads a list (or a single entry) of tables. */
function toTables(list: unknown): MysqlTable[] {
  const items = Array.isArray(list) ? list : list ? [list] : []
  return items.map(toTable).filter((t): t is MysqlTable => t !== undefined)
}

/** Tables dropped by DROP TABLE (not views or temporary tables). */
export function droppedTables(stmt: Statement): MysqlTable[] {
  return stmt.kind === 'drop' && stmt.node.keyword === 'table' ? toTables(stmt.node.name) : []
}

/** Tables emptied by TRUNCATE. */
export function truncatedTables(stmt: Statement): MysqlTable[] {
  return stmt.kind === 'truncate' ? toTables(stmt.node.name) : []
}

/** The table an ALTER TABLE changes. */
export function alteredTable(stmt: Statement): MysqlTable | undefined {
  return stmt.kind === 'alter' ? toTables(stmt.node.table)[0] : undefined
}

/** The items of an ALTER TABLE (ADD COLUMN, DROP INDEX, ALGORITHM=..., LOCK=...). */
export function alterItems(stmt: Statement): Record<string, any>[] {
  return stmt.kind === 'alter' && Array.isArray(stmt.node.expr) ? stmt.node.expr : []
}

/** The table a CREATE INDEX builds an index on. */
export function indexedTable(stmt: Statement): MysqlTable | undefined {
  return stmt.kind === 'create' && stmt.node.keyword === 'index' ? toTable(stmt.node.table) : undefined
}

/** Tables a CREATE TABLE creates (temporary tables excluded: they vanish with the session). */
export function createdTables(stmt: Statement): MysqlTable[] {
  if (stmt.kind === UNPARSED) {
    const head = unparsedCreateTable(stmt)
    return head && !head.isTemporary ? [head.table] : []
  }
  if (stmt.kind !== 'create' || stmt.node.keyword !== 'table' || stmt.node.temporary) return []
  return toTables(stmt.node.table)
}

/** The head of a CREATE TABLE node-sql-parser rejected: which table, and how it is created. */
export interface CreateTableHead {
  readonly table: MysqlTable
  readonly isTemporary: boolean
  readonly ifNotExists: boolean
}

/**
 * The table an unparsed CREATE TABLE creates, read from its text. node-sql-parser rejects whole
 * CREATE TABLEs over one column clause it does not know (ON UPDATE NOW(2), REAL, a generated column
 * with ->>); the table they create is still new and empty for every later statement.
 */
export function unparsedCreateTable(stmt: Statement): CreateTableHead | undefined {
  if (stmt.kind !== UNPARSED) return undefined
  const name = '(`(?:[^`]|``)+`|"(?:[^"]|"")+"|[A-Za-z0-9_$]+)'
  const match = new RegExp(`^\\s*CREATE\\s+(TEMPORARY\\s+)?TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?${name}(?:\\s*\\.\\s*${name})?\\s*[(\\s]`, 'i').exec(stripComments(stmt.text))
  if (!match) return undefined
  const table = match[4] ? { db: unquote(match[3]!), table: unquote(match[4]) } : { db: null, table: unquote(match[3]!) }
  return { table, isTemporary: match[1] !== undefined, ifNotExists: match[2] !== undefined }
}

/** The table a DELETE or UPDATE changes rows of, with its WHERE (null without one). */
export function changedRows(stmt: Statement): { table: MysqlTable; hasWhere: boolean; verb: 'DELETE' | 'UPDATE' } | undefined {
  if (stmt.kind === 'delete') {
    const table = toTables(stmt.node.table)[0] ?? toTables(stmt.node.from)[0]
    return table ? { table, hasWhere: stmt.node.where != null, verb: 'DELETE' } : undefined
  }
  if (stmt.kind === 'update') {
    const table = toTables(stmt.node.table)[0]
    return table ? { table, hasWhere: stmt.node.where != null, verb: 'UPDATE' } : undefined
  }
  return undefined
}

/**
 * The columns an UPDATE sets, each with the table it belongs to: a qualifier (w.hostname) is
 * resolved through the aliases of a multi-table UPDATE; an unqualified column is the first table's.
 */
export function updatedColumns(stmt: Statement): { table: MysqlTable; column: string }[] {
  if (stmt.kind !== 'update' || !Array.isArray(stmt.node.set)) return []
  const entries: Record<string, any>[] = Array.isArray(stmt.node.table) ? stmt.node.table : []
  const first = toTable(entries[0])
  const result: { table: MysqlTable; column: string }[] = []
  for (const item of stmt.node.set as Record<string, any>[]) {
    const column = columnName(item)
    const qualifier = typeof item.table === 'string' ? item.table.toLowerCase() : undefined
    const entry = qualifier ? entries.find((e) => String(e.as ?? e.table).toLowerCase() === qualifier) : undefined
    const table = qualifier ? toTable(entry) : first
    if (column && table) result.push({ table, column })
  }
  return result
}

/**
 * A column's data type as an ALTER TABLE item defines it (type, length, scale, UNSIGNED, ENUM
 * values, character set, collation, AUTO_INCREMENT), comparable between an ADD COLUMN and a later
 * MODIFY; NULL, DEFAULT and COMMENT are left out because changing them does not change the stored data.
 */
export function columnTypeOf(item: Record<string, any>): string | undefined {
  const definition = item.definition as Record<string, any> | undefined
  if (!definition || typeof definition.dataType !== 'string') return undefined
  const suffix = Array.isArray(definition.suffix) ? definition.suffix.map((x: unknown) => String(x).toLowerCase()) : []
  const collate = item.collate?.collate?.name ?? item.collate?.name ?? item.collate?.value ?? null
  return JSON.stringify([definition.dataType.toLowerCase(), definition.length ?? null, definition.scale ?? null, suffix, definition.expr ?? null, item.character_set?.value?.value ?? null, collate, item.auto_increment ? 'auto_increment' : null])
}

/** The column an ALTER TABLE item names (the old name for CHANGE), lower case. */
export function alterItemColumn(item: Record<string, any>): string | undefined {
  return columnName(item.old_column ?? item.column)
}

/** The columns an ALTER TABLE adds, lower case. */
export function addedColumns(stmt: Statement): string[] {
  return alterItems(stmt)
    .filter((i) => i.action === 'add' && i.resource === 'column')
    .map((i) => columnName(i.column))
    .filter((c): c is string => c !== undefined)
}

/** The keywords of an unparsed statement ("ALTER TABLE"), or undefined for a parsed one. */
export function unparsedKeywords(stmt: Statement): string | undefined {
  return stmt.kind === UNPARSED ? (stmt.node as UnparsedNode).keywords : undefined
}

const DDL_KINDS = new Set(['create', 'alter', 'drop', 'truncate', 'rename'])
const DDL_KEYWORDS = /^(CREATE|ALTER|DROP|RENAME|TRUNCATE)\b/

/**
 * True for a statement MySQL commits implicitly, before and after it
 * (https://dev.mysql.com/doc/refman/8.4/en/implicit-commit.html). CREATE/DROP TEMPORARY TABLE do not commit.
 */
export function isDdl(stmt: Statement): boolean {
  if (stmt.kind === UNPARSED) {
    const keywords = (stmt.node as UnparsedNode).keywords
    return DDL_KEYWORDS.test(keywords) && !/ TEMPORARY$/.test(keywords)
  }
  if (!DDL_KINDS.has(stmt.kind)) return false
  return !(stmt.kind === 'create' && stmt.node.temporary)
}

/**
 * True when the DDL can run again after it already ran: CREATE ... IF NOT EXISTS or OR REPLACE,
 * DROP ... IF EXISTS, and an ALTER TABLE whose every item changes nothing the second time.
 */
export function isRerunnable(stmt: Statement): boolean {
  if (stmt.kind === UNPARSED) return unparsedCreateTable(stmt)?.ifNotExists ?? false
  if (stmt.kind === 'create') return stmt.node.if_not_exists != null || stmt.node.replace != null
  if (stmt.kind === 'drop') return typeof stmt.node.prefix === 'string' && /if exists/i.test(stmt.node.prefix)
  if (stmt.kind === 'alter') {
    const items = alterItems(stmt)
    return items.length > 0 && items.every(isRepeatableAlterItem)
  }
  return false
}

/** Table options and other ALTER TABLE items that set a state rather than add or remove something. */
const REPEATABLE_RESOURCES = /^(algorithm|lock|convert|keys|force|engine|auto_increment|comment|row_format|key_block_size|stats_persistent|stats_auto_recalc|pack_keys|(default )?(character set|charset|collate))$/

/**
 * True when running the ALTER TABLE item again changes nothing: MODIFY, CHANGE to the same name,
 * SET/DROP DEFAULT, table options, CONVERT TO, or MariaDB's IF [NOT] EXISTS.
 */
function isRepeatableAlterItem(item: Record<string, any>): boolean {
  if (item.if_not_exists != null || item.if_exists != null) return true
  if (item.resource === 'column') {
    if (item.action === 'modify' || item.action === 'alter') return true
    return item.action === 'change' && columnName(item.old_column) !== undefined && columnName(item.old_column) === columnName(item.column)
  }
  return REPEATABLE_RESOURCES.test(String(item.resource ?? ''))
}

/** The name of a node-sql-parser column reference, lower case (MySQL column names ignore case). */
function columnName(ref: unknown): string | undefined {
  const column = (ref as { column?: unknown } | null)?.column
  const name = typeof column === 'string' ? column : (column as { expr?: { value?: unknown } } | null)?.expr?.value
  return typeof name === 'string' ? name.toLowerCase() : undefined
}

/** A named schema object a CREATE or DROP statement makes or removes: "procedure", "trigger", "table"... */
export interface SchemaObject {
  readonly type: string
  readonly name: string
}

/** The object a CREATE or DROP names (the first, for DROP TABLE a, b), in lower case; undefined for other statements. */
export function schemaObjectOf(stmt: Statement): SchemaObject | undefined {
  if (stmt.kind === 'drop') {
    // DROP INDEX names a column_ref; the others a list of {table}, {name} (routines) or {trigger}.
    const first = Array.isArray(stmt.node.name) ? stmt.node.name[0] : stmt.node.name
    const name = first?.table ?? first?.name ?? first?.trigger ?? first?.column
    return typeof name === 'string' ? { type: String(stmt.node.keyword).toLowerCase(), name: name.toLowerCase() } : undefined
  }
  if (stmt.kind === 'create') {
    const keyword = String(stmt.node.keyword).toLowerCase()
    const names: Record<string, unknown> = {
      table: toTables(stmt.node.table)[0]?.table,
      index: stmt.node.index,
      trigger: stmt.node.trigger?.table,
      view: stmt.node.view?.view,
    }
    const name = names[keyword]
    return typeof name === 'string' ? { type: keyword, name: name.toLowerCase() } : undefined
  }
  if (stmt.kind === UNPARSED) {
    const created = unparsedCreateTable(stmt)
    if (created) return { type: 'table', name: created.table.table.toLowerCase() }
    // Routines, triggers and events node-sql-parser does not read: CREATE [DEFINER=...] PROCEDURE name.
    const match = /^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:AGGREGATE\s+)?(PROCEDURE|FUNCTION|TRIGGER|EVENT)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:`?[A-Za-z0-9_$]+`?\s*\.\s*)?`?([A-Za-z0-9_$]+)`?/i.exec(stripComments(stmt.text))
    return match ? { type: match[1]!.toLowerCase(), name: match[2]!.toLowerCase() } : undefined
  }
  return undefined
}

/** Tables a statement touches, and whether it changes their definition (DDL) or only rows (DML). */
export function touchedTablesOf(stmt: Statement): { tables: MysqlTable[]; isDdl: boolean } {
  switch (stmt.kind) {
    case 'alter':
      return { tables: toTables(stmt.node.table), isDdl: true }
    case 'drop':
      return { tables: stmt.node.keyword === 'table' ? toTables(stmt.node.name) : stmt.node.keyword === 'index' ? toTables(stmt.node.table) : [], isDdl: true }
    case 'truncate':
      return { tables: toTables(stmt.node.name), isDdl: true }
    case 'create':
      return { tables: stmt.node.keyword === 'index' ? toTables(stmt.node.table) : [], isDdl: true }
    case 'rename':
      return { tables: (Array.isArray(stmt.node.table) ? stmt.node.table : []).flatMap((pair: unknown) => toTables(Array.isArray(pair) ? pair[0] : undefined)), isDdl: true }
    case 'delete':
    case 'update':
    case 'insert':
    case 'replace':
      return { tables: toTables(stmt.node.table).slice(0, 1), isDdl: false }
    case UNPARSED: {
      const table = unparsedAlterTable(stmt)
      return { tables: table ? [table] : [], isDdl: true }
    }
    default:
      return { tables: [], isDdl: false }
  }
}

/** The table an unparsed ALTER TABLE names, read from its text (`db`.`t`, db.t or t). */
export function unparsedAlterTable(stmt: Statement): MysqlTable | undefined {
  if (stmt.kind !== UNPARSED) return undefined
  const name = '(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)'
  const match = new RegExp(`^\\s*ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+${name}(?:\\s*\\.\\s*${name})?`, 'i').exec(stripComments(stmt.text))
  if (!match) return undefined
  const unquote = (s: string): string => (s.startsWith('`') ? s.slice(1, -1).replaceAll('``', '`') : s)
  return match[2] ? { db: unquote(match[1]!), table: unquote(match[2]) } : { db: null, table: unquote(match[1]!) }
}

/** The statement text with quoted strings and comments blanked, for keyword tests on unparsed statements. */
export function stripComments(text: string): string {
  return text.replace(/'(?:[^'\\]|\\[\s\S]|'')*'|"(?:[^"\\]|\\[\s\S]|"")*"|--[ \t][^\n]*|#[^\n]*|\/\*(?![!+]|M!)[\s\S]*?\*\//g, (m) => (m.startsWith("'") || m.startsWith('"') ? "''" : ' '))
}
