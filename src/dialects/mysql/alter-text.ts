/**
 * ALTER TABLE statements node-sql-parser rejects, read clause by clause when every clause is one of
 * a few fixed forms: CONVERT TO CHARACTER SET, DISABLE/ENABLE KEYS (mysqldump), RENAME INDEX,
 * MariaDB's ADD/DROP ... IF [NOT] EXISTS, ALTER COLUMN ... SET/DROP DEFAULT, FORCE, table options,
 * ALGORITHM= and LOCK=. The result is an "alter" node in node-sql-parser's shape, so every rule reads
 * it like a parsed one. A statement with any other clause is left unparsed.
 * https://dev.mysql.com/doc/refman/8.4/en/alter-table.html, https://mariadb.com/kb/en/alter-table/
 */
import { quotedEnd } from './comments.js'
import { unquote } from './keyword-statements.js'

/** A name as written: `quoted` or bare. */
const NAME = '(`(?:[^`]|``)+`|[A-Za-z0-9_$]+)'
const HEAD = new RegExp(`^ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+(?:IF\\s+EXISTS\\s+)?${NAME}(?:\\s*\\.\\s*${NAME})?\\s+([\\s\\S]+)$`, 'i')

/** One clause form: its pattern and the node-sql-parser-shaped item it becomes. */
interface ClauseForm {
  readonly pattern: RegExp
  readonly item: (m: RegExpExecArray) => Record<string, unknown>
}

const IF_EXISTS = '(IF\\s+EXISTS\\s+)?'
const IF_NOT_EXISTS = '(IF\\s+NOT\\s+EXISTS\\s+)?'

const CLAUSES: readonly ClauseForm[] = [
  { pattern: /^CONVERT\s+TO\s+(?:CHARACTER\s+SET|CHARSET)\s+\S+(?:\s+COLLATE\s+\S+)?$/i, item: () => ({ type: 'alter', resource: 'convert', keyword: 'convert to character set' }) },
  { pattern: /^(DISABLE|ENABLE)\s+KEYS$/i, item: (m) => ({ type: 'alter', resource: 'keys', keyword: `${m[1]!.toLowerCase()} keys` }) },
  { pattern: /^FORCE$/i, item: () => ({ type: 'alter', resource: 'force', keyword: 'force' }) },
  { pattern: new RegExp(`^RENAME\\s+(?:INDEX|KEY)\\s+${NAME}\\s+TO\\s+${NAME}$`, 'i'), item: (m) => ({ type: 'alter', resource: 'index', action: 'rename', keyword: 'index', index: unquote(m[1]!) }) },
  {
    pattern: new RegExp(`^ADD\\s+(UNIQUE\\s+)?(?:INDEX|KEY)\\s+${IF_NOT_EXISTS}${NAME}?\\s*(?:USING\\s+\\w+\\s*)?\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)(?:\\s+USING\\s+\\w+)?(?:\\s+COMMENT\\s+'[^']*')?$`, 'i'),
    item: (m) => ({ type: 'alter', resource: 'index', action: 'add', keyword: m[1] ? 'unique index' : 'index', index: m[3] ? unquote(m[3]) : null, ...(m[2] ? { if_not_exists: 'if not exists' } : {}) }),
  },
  { pattern: new RegExp(`^DROP\\s+(?:INDEX|KEY)\\s+${IF_EXISTS}${NAME}$`, 'i'), item: (m) => ({ type: 'alter', resource: 'index', action: 'drop', keyword: 'index', index: unquote(m[2]!), ...(m[1] ? { if_exists: 'if exists' } : {}) }) },
  { pattern: new RegExp(`^DROP\\s+FOREIGN\\s+KEY\\s+${IF_EXISTS}${NAME}$`, 'i'), item: (m) => ({ type: 'alter', resource: 'key', action: 'drop', keyword: 'foreign key', key: unquote(m[2]!), ...(m[1] ? { if_exists: 'if exists' } : {}) }) },
  {
    // After the DROP INDEX / KEY / FOREIGN KEY forms: a bare DROP names a column.
    pattern: new RegExp(`^DROP\\s+(?:COLUMN\\s+)?${IF_EXISTS}(?!(?:PRIMARY|INDEX|KEY|FOREIGN|CONSTRAINT|CHECK|PARTITION)\\b)${NAME}$`, 'i'),
    item: (m) => ({ type: 'alter', resource: 'column', action: 'drop', keyword: 'COLUMN', column: { type: 'column_ref', table: null, column: unquote(m[2]!) }, ...(m[1] ? { if_exists: 'if exists' } : {}) }),
  },
  {
    pattern: new RegExp(`^ALTER\\s+(?:COLUMN\\s+)?${NAME}\\s+(?:SET\\s+DEFAULT\\s+[\\s\\S]+|DROP\\s+DEFAULT)$`, 'i'),
    item: (m) => ({ type: 'alter', resource: 'column', action: 'alter', keyword: 'default', column: { type: 'column_ref', table: null, column: unquote(m[1]!) } }),
  },
  { pattern: /^ALGORITHM\s*=?\s*(\w+)$/i, item: (m) => ({ type: 'alter', resource: 'algorithm', keyword: 'algorithm', algorithm: m[1]!.toUpperCase() }) },
  { pattern: /^LOCK\s*=?\s*(\w+)$/i, item: (m) => ({ type: 'alter', resource: 'lock', keyword: 'lock', lock: m[1]!.toUpperCase() }) },
  {
    pattern: /^(ENGINE|AUTO_INCREMENT|COMMENT|ROW_FORMAT|KEY_BLOCK_SIZE|STATS_PERSISTENT|STATS_AUTO_RECALC|PACK_KEYS)\s*=?\s*('[^']*'|\S+)$/i,
    item: (m) => ({ type: 'alter', resource: m[1]!.toLowerCase(), keyword: m[1]!.toLowerCase() }),
  },
  {
    pattern: /^(DEFAULT\s+)?(CHARACTER\s+SET|CHARSET|COLLATE)\s*=?\s*\S+(?:\s+COLLATE\s*=?\s*\S+)?$/i,
    item: (m) => ({ type: 'alter', resource: `${m[1] ? 'default ' : ''}${m[2]!.toLowerCase().replace(/\s+/g, ' ')}`, keyword: 'character set' }),
  },
]

/** Reads an ALTER TABLE (comments already blanked) whose every clause has a known form; undefined otherwise. */
export function readAlterText(text: string): { kind: 'alter'; node: Record<string, unknown> } | undefined {
  const head = HEAD.exec(text.trim().replace(/;$/, '').trim())
  if (!head) return undefined
  const table = head[2] ? { db: unquote(head[1]!), table: unquote(head[2]) } : { db: null, table: unquote(head[1]!) }
  const items: Record<string, unknown>[] = []
  for (const clause of topLevelClauses(head[3]!)) {
    const form = CLAUSES.map((f) => ({ f, m: f.pattern.exec(clause) })).find((x) => x.m)
    if (!form) return undefined
    items.push(form.f.item(form.m!))
  }
  if (items.length === 0) return undefined
  // MariaDB's ALTER ONLINE TABLE means LOCK=NONE.
  if (/^\s*ALTER\s+(?:IGNORE\s+)?ONLINE\b/i.test(text) && !items.some((i) => i.resource === 'lock')) items.push({ type: 'alter', resource: 'lock', keyword: 'lock', lock: 'NONE' })
  return { kind: 'alter', node: { type: 'alter', table: [table], expr: items, isReadFromText: true } }
}

/** The clauses of an ALTER TABLE body: split at commas outside parentheses and quotes, whitespace collapsed. */
function topLevelClauses(body: string): string[] {
  const clauses: string[] = []
  let depth = 0
  let current = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c === "'" || c === '"' || c === '`') {
      const end = quotedEnd(body, i)
      current += body.slice(i, end)
      i = end - 1
    } else if (c === '(') {
      depth++
      current += c
    } else if (c === ')') {
      depth--
      current += c
    } else if (c === ',' && depth === 0) {
      clauses.push(current)
      current = ''
    } else {
      current += c
    }
  }
  clauses.push(current)
  return clauses.map((c) => c.replace(/\s+/g, ' ').trim()).filter((c) => c !== '')
}
