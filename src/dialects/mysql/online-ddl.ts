/* eslint-disable @typescript-eslint/no-explicit-any -- node-sql-parser ASTs are untyped JSON, as Statement.node is typed */
/**
 * What InnoDB online DDL can do for each part of an ALTER TABLE or CREATE INDEX, and what the
 * statement asks for (ALGORITHM=, LOCK=). Without those clauses MySQL silently picks the cheapest
 * algorithm it can, which may copy the table and block writes; with them it refuses instead.
 * https://dev.mysql.com/doc/refman/8.4/en/innodb-online-ddl-operations.html
 * https://mariadb.com/kb/en/innodb-online-ddl-overview/
 */
import type { Statement } from '../postgres/parser.js'
import { UNPARSED } from './parser.js'
import { alterItemColumn, alterItems, alteredTable, columnTypeOf, indexedTable, stripComments, unparsedAlterTable, type MysqlTable } from './statements.js'

/**
 * The best InnoDB does for an operation: INSTANT (metadata only), INPLACE (no copy, writes allowed),
 * SHARED (in place, but writes blocked: LOCK=SHARED at best), COPY (copies every row, writes blocked).
 */
export type OnlineSupport = 'INSTANT' | 'INPLACE' | 'SHARED' | 'COPY'

/** One operation of the statement and the best InnoDB can do for it. */
export interface DdlOperation {
  /** e.g. "ADD COLUMN email", "MODIFY COLUMN total". */
  readonly what: string
  readonly best: OnlineSupport
  /** Why it copies or locks, when it does. */
  readonly note?: string
  /** A COPY that some forms avoid (a column change that only renames or grows a VARCHAR): asserting LOCK=NONE is then the test. */
  readonly mayRunInPlace?: boolean
}

/** What an ALTER TABLE or CREATE INDEX does, and what it asserts. */
export interface DdlPlan {
  readonly table: MysqlTable
  readonly operations: readonly DdlOperation[]
  /** ALGORITHM= as written (upper case), if any. */
  readonly algorithm?: string
  /** LOCK= as written (upper case), if any; MariaDB's ALTER ONLINE TABLE means LOCK=NONE. */
  readonly lock?: string
  /** True when the statement could not be parsed and the plan was read from its keywords. */
  readonly isFromText: boolean
}

/** What the session has set before the statement that changes what InnoDB can do. */
export interface DdlSession {
  /** SET foreign_key_checks = 0 ran earlier in the file: foreign keys are then added in place. */
  readonly isForeignKeyChecksOff?: boolean
  /** Data types earlier pending statements gave the table's columns (columnTypeOf), by lower-case name. */
  readonly columnTypes?: ReadonlyMap<string, string>
}

/** The plan of an ALTER TABLE or CREATE INDEX statement, or undefined for other statements. */
export function ddlPlan(stmt: Statement, session: DdlSession = {}): DdlPlan | undefined {
  if (stmt.kind === 'alter') return alterPlan(stmt, session)
  if (stmt.kind === 'create' && stmt.node.keyword === 'index') return createIndexPlan(stmt)
  if (stmt.kind === UNPARSED) return unparsedAlterPlan(stmt)
  return undefined
}

/** What a SET statement does to foreign_key_checks: "off" for 0/OFF, "on" for 1/ON, undefined when it leaves it alone. */
export function foreignKeyChecksSetting(stmt: Statement): 'on' | 'off' | undefined {
  if (stmt.kind !== 'set' || !Array.isArray(stmt.node.expr)) return undefined
  const assignment = (stmt.node.expr as Record<string, any>[]).filter((e) => /^foreign_key_checks$/i.test(String(e?.left?.name ?? ''))).at(-1)
  if (!assignment) return undefined
  return /^(0|off|false)$/i.test(String(assignment.right?.value ?? assignment.right?.column ?? '')) ? 'off' : 'on'
}

/** True when the statement makes MySQL refuse rather than copy or block: ALGORITHM=INSTANT, or LOCK=NONE without ALGORITHM=COPY. */
export function assertsOnline(plan: DdlPlan): boolean {
  if (plan.algorithm === 'INSTANT') return true
  return plan.lock === 'NONE' && plan.algorithm !== 'COPY'
}

/** The operations that copy the table or block writes, including those that may run in place. */
export function blockingOperations(plan: DdlPlan): DdlOperation[] {
  return plan.operations.filter((op) => op.best === 'COPY' || op.best === 'SHARED')
}

/** The operations that cannot run online in any form: with LOCK=NONE or ALGORITHM=INSTANT, MySQL rejects the statement. */
export function neverOnlineOperations(plan: DdlPlan): DdlOperation[] {
  return blockingOperations(plan).filter((op) => !op.mayRunInPlace)
}

/** The clause to add so the statement runs online: INSTANT where every operation supports it, else INPLACE with LOCK=NONE. */
export function onlineClause(plan: DdlPlan): string {
  return plan.operations.length > 0 && plan.operations.every((op) => op.best === 'INSTANT') ? 'ALGORITHM=INSTANT' : 'ALGORITHM=INPLACE, LOCK=NONE'
}

/** Reads ALTER TABLE items: operations, ALGORITHM= and LOCK=. */
function alterPlan(stmt: Statement, session: DdlSession): DdlPlan | undefined {
  const table = alteredTable(stmt)
  if (!table) return undefined
  const items = alterItems(stmt)
  let algorithm: string | undefined
  let lock: string | undefined
  const operations: DdlOperation[] = []
  const isAddingPrimaryKey = items.some((i) => i.action === 'add' && /primary key/i.test(i.create_definitions?.constraint_type ?? ''))
  for (const item of items) {
    if (item.resource === 'algorithm') algorithm = String(item.algorithm).toUpperCase()
    else if (item.resource === 'lock') lock = String(item.lock).toUpperCase()
    else operations.push(classifyAlterItem(item, isAddingPrimaryKey, session))
  }
  return { table, operations, ...(algorithm ? { algorithm } : {}), ...(lock ? { lock } : {}), isFromText: false }
}

/** The best InnoDB can do for one ALTER TABLE item. */
function classifyAlterItem(item: Record<string, any>, isAddingPrimaryKey: boolean, session: DdlSession): DdlOperation {
  const column = item.column?.column ?? item.old_column?.column
  const action = String(item.action ?? item.keyword ?? item.resource ?? '').toUpperCase()
  if (item.resource === 'column') {
    switch (item.action) {
      case 'add':
        return addColumnOperation(item, column)
      case 'drop':
        // INSTANT from MySQL 8.0.29 and MariaDB 10.4; older servers rebuild the table in place.
        return { what: `DROP COLUMN ${column}`, best: 'INSTANT' }
      case 'rename':
        return { what: `RENAME COLUMN ${item.old_column?.column} TO ${column}`, best: 'INSTANT' }
      case 'alter':
        // ALTER COLUMN ... SET DEFAULT / DROP DEFAULT changes metadata only.
        return { what: `ALTER COLUMN ${column}`, best: 'INSTANT' }
      case 'modify':
      case 'change': {
        const before = session.columnTypes?.get(alterItemColumn(item) ?? '')
        // The pending set gave the column this very type: only NULL, DEFAULT, COMMENT or the name change, in place.
        if (before !== undefined && before === columnTypeOf(item)) return { what: `${action} COLUMN ${column}`, best: 'INPLACE' }
        return {
          what: `${action} COLUMN ${column}`,
          best: 'COPY',
          note: 'a new data type copies the table; keeping the type (a rename, a new default, NULL or NOT NULL) or growing a VARCHAR within the same length byte runs in place',
          mayRunInPlace: true,
        }
      }
      default:
        return { what: `${action} COLUMN ${column}`, best: 'INPLACE' }
    }
  }
  if (item.resource === 'index') {
    const kind = String(item.keyword ?? 'index').toUpperCase()
    if (item.action === 'add' && /FULLTEXT|SPATIAL/.test(kind)) {
      return { what: `ADD ${kind} ${item.index ?? ''}`.trim(), best: 'SHARED', note: `adding a ${kind.split(' ')[0]} index blocks writes while it builds (LOCK=SHARED at best)` }
    }
    return { what: `${action} ${kind} ${item.index ?? ''}`.trim(), best: 'INPLACE' }
  }
  if (item.resource === 'constraint') {
    const type = String(item.create_definitions?.constraint_type ?? 'constraint').toUpperCase()
    if (type === 'CHECK') {
      return { what: 'ADD CHECK', best: 'COPY', note: 'adding a CHECK constraint copies the table to validate every row' }
    }
    if (/FOREIGN KEY/.test(type) && !session.isForeignKeyChecksOff) {
      return { what: `ADD ${type}`, best: 'COPY', note: 'adding a foreign key copies the table while foreign_key_checks is on (SET foreign_key_checks = 0 first lets it run in place)' }
    }
    return { what: `ADD ${type}`, best: 'INPLACE' }
  }
  if (item.resource === 'key') {
    const kind = String(item.keyword ?? '').toUpperCase()
    if (kind === 'PRIMARY KEY' && !isAddingPrimaryKey) {
      return { what: 'DROP PRIMARY KEY', best: 'COPY', note: 'dropping the primary key without adding another in the same statement copies the table' }
    }
    return { what: `DROP ${kind} ${item.key ?? ''}`.trim(), best: 'INPLACE' }
  }
  if (item.resource === 'table' && item.action === 'rename') return { what: `RENAME TO ${item.table}`, best: 'INSTANT' }
  if (item.resource === 'convert') {
    return { what: 'CONVERT TO CHARACTER SET', best: 'COPY', note: 'converting the character set rewrites every row into a copy of the table' }
  }
  // DISABLE / ENABLE KEYS (mysqldump) do nothing on InnoDB.
  if (item.resource === 'keys') return { what: String(item.keyword).toUpperCase(), best: 'INSTANT' }
  if (/character set|charset|collate/.test(String(item.resource))) {
    return { what: String(item.resource).toUpperCase(), best: 'SHARED', note: 'changing the table\'s default character set rebuilds it without concurrent writes on MySQL' }
  }
  // Table options (ENGINE, COMMENT, AUTO_INCREMENT...) and FORCE run in place; ENGINE= and FORCE rebuild but allow writes.
  return { what: String(item.keyword ?? item.resource ?? 'table option').toUpperCase(), best: 'INPLACE' }
}

/**
 * ADD COLUMN is instant, or in place with writes allowed, except for an AUTO_INCREMENT column
 * (writes blocked while the table is rebuilt) and a STORED generated column (copies the table).
 * https://dev.mysql.com/doc/refman/8.4/en/innodb-online-ddl-operations.html#online-ddl-column-operations
 */
function addColumnOperation(item: Record<string, any>, column: unknown): DdlOperation {
  if (item.auto_increment) {
    return { what: `ADD COLUMN ${column}`, best: 'SHARED', note: 'adding an AUTO_INCREMENT column rebuilds the table and blocks writes until done (LOCK=SHARED at best)' }
  }
  if (String(item.generated?.storage_type ?? '').toLowerCase() === 'stored') {
    return { what: `ADD COLUMN ${column}`, best: 'COPY', note: 'adding a STORED generated column copies the table to compute every row' }
  }
  return { what: `ADD COLUMN ${column}`, best: 'INSTANT' }
}

/** CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX ... [ALGORITHM=] [LOCK=]. */
function createIndexPlan(stmt: Statement): DdlPlan | undefined {
  const table = indexedTable(stmt)
  if (!table) return undefined
  const kind = String(stmt.node.index_type ?? '').toUpperCase()
  const isBlocking = kind === 'FULLTEXT' || kind === 'SPATIAL'
  const operation: DdlOperation = isBlocking
    ? { what: `CREATE ${kind} INDEX ${stmt.node.index}`, best: 'SHARED', note: `adding a ${kind} index blocks writes while it builds (LOCK=SHARED at best)` }
    : { what: `CREATE ${kind ? `${kind} ` : ''}INDEX ${stmt.node.index}`, best: 'INPLACE' }
  const algorithm = stmt.node.algorithm_option?.algorithm
  const lock = stmt.node.lock_option?.lock
  return {
    table,
    operations: [operation],
    ...(algorithm ? { algorithm: String(algorithm).toUpperCase() } : {}),
    ...(lock ? { lock: String(lock).toUpperCase() } : {}),
    isFromText: false,
  }
}

/**
 * An ALTER TABLE node-sql-parser could not read: ALGORITHM= and LOCK= (and MariaDB's ONLINE) are
 * read from its keywords; CONVERT TO CHARACTER SET, which copies the table, is recognised too.
 */
function unparsedAlterPlan(stmt: Statement): DdlPlan | undefined {
  const table = unparsedAlterTable(stmt)
  if (!table) return undefined
  const text = stripComments(stmt.text)
  const algorithm = /\bALGORITHM\s*=?\s*(INSTANT|INPLACE|NOCOPY|COPY|DEFAULT)\b/i.exec(text)?.[1]?.toUpperCase()
  const isOnline = /^\s*ALTER\s+ONLINE\b/i.test(text)
  const lock = isOnline ? 'NONE' : /\bLOCK\s*=?\s*(NONE|SHARED|EXCLUSIVE|DEFAULT)\b/i.exec(text)?.[1]?.toUpperCase()
  const operations: DdlOperation[] = /\bCONVERT\s+TO\s+(CHARACTER\s+SET|CHARSET)\b/i.test(text)
    ? [{ what: 'CONVERT TO CHARACTER SET', best: 'COPY', note: 'converting the character set rewrites every row into a copy of the table' }]
    : []
  return { table, operations, ...(algorithm ? { algorithm: algorithm === 'NOCOPY' ? 'INPLACE' : algorithm } : {}), ...(lock ? { lock } : {}), isFromText: true }
}
