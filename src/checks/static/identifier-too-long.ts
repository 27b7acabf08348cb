/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { defineStaticRule, type StatementRef } from '../../engine/define.js'
import { dollarQuoteTag, isEscapeString, skipBlockComment, skipDollarQuoted, skipLineComment, skipQuoted } from '../../dialects/postgres/sql-lexing.js'

/** PostgreSQL's NAMEDATALEN - 1: the most bytes an identifier keeps. */
const MAX_BYTES = 63

// Keys under which a node defines (not references) a name, anywhere in a statement.
const DEFINING_KEYS = new Set(['colname', 'conname', 'idxname', 'trigname', 'policy_name', 'rulename', 'newname'])

// Statement kinds whose trees can hold those keys; DML and DO blocks are not walked.
const DEFINING_KINDS = new Set([
  'CreateStmt',
  'CreateForeignTableStmt',
  'AlterTableStmt',
  'IndexStmt',
  'RenameStmt',
  'CreateTrigStmt',
  'CreatePolicyStmt',
  'RuleStmt',
  'CreateSchemaStmt',
  'CreateDomainStmt',
  'CompositeTypeStmt',
])

/** An identifier token in the statement text. */
interface Identifier {
  /** The name PostgreSQL sees before truncation: unquoted names are folded to lower case. */
  readonly value: string
  /** Character offset in the statement text. */
  readonly at: number
}

/**
 * PostgreSQL truncates identifiers longer than 63 bytes (UTF-8) with only a NOTICE
 * (https://www.postgresql.org/docs/current/sql-syntax-lexical.html#SQL-SYNTAX-IDENTIFIERS): the
 * object gets a shorter name than the migration says. Code that compares the full name with the
 * catalog misses it, and two long names that differ after byte 63 collide. Enum labels over 63
 * bytes are an error instead. The parser already truncated names in the tree, so the statement
 * text is scanned for the original spelling.
 */
export default defineStaticRule({
  id: 'identifier-too-long',
  title: 'Identifiers fit in 63 bytes',
  category: 'static-analysis',
  severity: 'error',
  run(ctx) {
    for (const ref of ctx.statements()) {
      const created = createdNames(ref.stmt.kind, ref.stmt.node)
      // A truncated name keeps 60 to 63 bytes: only then is the text worth scanning.
      if ([...created].some((name) => Buffer.byteLength(name) > MAX_BYTES - 4)) {
        const reported = new Set<string>()
        for (const id of identifiers(ref.stmt.text)) {
          const bytes = Buffer.byteLength(id.value)
          const truncated = truncate(id.value)
          if (bytes <= MAX_BYTES || !created.has(truncated) || reported.has(id.value)) continue
          reported.add(id.value)
          ctx.report(positionOf(ref, id.at), {
            message:
              `Identifier "${id.value}" is ${bytes} bytes; PostgreSQL silently truncates it to ${MAX_BYTES} and creates "${truncated}": ` +
              'code and migrations that compare the full name with the catalog will not find it, and names that differ only after byte 63 collide.',
            mitigation: `Use a name of at most ${MAX_BYTES} bytes (characters outside ASCII take 2 to 4 bytes each).`,
            evidence: { bytes, maxBytes: MAX_BYTES, truncatedTo: truncated },
          })
        }
      }
      for (const label of enumLabels(ref.stmt.kind, ref.stmt.node)) {
        const bytes = Buffer.byteLength(label)
        if (bytes <= MAX_BYTES) continue
        ctx.report(ref, {
          message: `Enum label '${label}' is ${bytes} bytes; PostgreSQL rejects labels over ${MAX_BYTES} bytes ("invalid enum label"), so the migration fails.`,
          mitigation: `Use a label of at most ${MAX_BYTES} bytes.`,
          evidence: { bytes, maxBytes: MAX_BYTES },
        })
      }
    }
  },
})

/** Names the statement creates, as the parser stored them (already truncated). */
function createdNames(kind: string, n: Record<string, any>): Set<string> {
  const out = new Set<string>()
  const add = (value: unknown): void => {
    if (typeof value === 'string' && value) out.add(value)
  }
  const last = (list: any[] | undefined): unknown => list?.[list.length - 1]?.String?.sval
  switch (kind) {
    case 'CreateStmt':
    case 'CreateForeignTableStmt':
      add((n.base ?? n).relation?.relname)
      break
    case 'CreateTableAsStmt':
      add(n.into?.rel?.relname)
      break
    case 'ViewStmt':
      add(n.view?.relname)
      break
    case 'CreateSeqStmt':
      add(n.sequence?.relname)
      break
    case 'CompositeTypeStmt':
      add(n.typevar?.relname)
      break
    case 'CreateSchemaStmt':
      add(n.schemaname)
      for (const elt of n.schemaElts ?? []) {
        const [eltKind] = Object.keys(elt)
        if (eltKind) for (const name of createdNames(eltKind, elt[eltKind])) out.add(name)
      }
      break
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      add(last(n.typeName))
      break
    case 'CreateDomainStmt':
      add(last(n.domainname))
      break
    case 'CreateFunctionStmt':
      add(last(n.funcname))
      break
    case 'CreateStatsStmt':
    case 'DefineStmt':
      add(last(n.defnames))
      break
    case 'CreateRoleStmt':
      add(n.role)
      break
    case 'CreatedbStmt':
      add(n.dbname)
      break
    case 'CreateTableSpaceStmt':
      add(n.tablespacename)
      break
    case 'CreatePublicationStmt':
      add(n.pubname)
      break
    case 'CreateSubscriptionStmt':
      add(n.subname)
      break
    case 'CreateEventTrigStmt':
      add(n.trigname)
      break
  }
  if (DEFINING_KINDS.has(kind)) collectDefiningKeys(n, out)
  return out
}

/** Adds every value under a defining key (column, constraint, index, trigger... names) in the tree. */
function collectDefiningKeys(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectDefiningKeys(item, out)
    return
  }
  if (!node || typeof node !== 'object') return
  const record = node as Record<string, unknown>
  for (const key in record) {
    const value = record[key]
    if (typeof value === 'string') {
      if (DEFINING_KEYS.has(key)) out.add(value)
    } else if (value && typeof value === 'object') collectDefiningKeys(value, out)
  }
}

/** Enum labels a statement defines. */
function enumLabels(kind: string, n: Record<string, any>): string[] {
  if (kind === 'CreateEnumStmt') return (n.vals ?? []).map((v: any) => String(v?.String?.sval ?? ''))
  if (kind === 'AlterEnumStmt' && typeof n.newVal === 'string') return [n.newVal]
  return []
}

/** Every identifier token in SQL text, skipping strings, dollar quotes and comments. */
export function identifiers(text: string): Identifier[] {
  const out: Identifier[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '-' && text[i + 1] === '-') {
      i = skipLineComment(text, i)
    } else if (ch === '/' && text[i + 1] === '*') {
      i = skipBlockComment(text, i)
    } else if (ch === "'") {
      i = skipQuoted(text, i, isEscapeString(text, i))
    } else if (ch === '$' && dollarQuoteTag(text, i) !== undefined) {
      i = skipDollarQuoted(text, i, dollarQuoteTag(text, i)!)
    } else if (ch === '"') {
      let j = i + 1
      let value = ''
      while (j < text.length) {
        if (text[j] === '"' && text[j + 1] === '"') {
          value += '"'
          j += 2
        } else if (text[j] === '"') break
        else value += text[j++]
      }
      out.push({ value, at: i })
      i = j + 1
    } else if (isIdentStart(ch)) {
      let j = i + 1
      while (j < text.length && isIdentChar(text[j]!)) j++
      // Unquoted names fold ASCII letters to lower case; other characters stay as they are.
      out.push({ value: text.slice(i, j).replace(/[A-Z]+/g, (s) => s.toLowerCase()), at: i })
      i = j
    } else if (/[0-9]/.test(ch)) {
      let j = i + 1
      while (j < text.length && isIdentChar(text[j]!)) j++
      i = j
    } else i++
  }
  return out
}

/** Whether a character can start an unquoted identifier. */
function isIdentStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch) || ch.charCodeAt(0) >= 0x80
}

/** Whether a character can continue an unquoted identifier. */
function isIdentChar(ch: string): boolean {
  return /[A-Za-z0-9_$]/.test(ch) || ch.charCodeAt(0) >= 0x80
}



/** The identifier as PostgreSQL keeps it: at most 63 bytes, cut at a character boundary. */
function truncate(value: string): string {
  let bytes = 0
  let out = ''
  for (const ch of value) {
    const size = Buffer.byteLength(ch)
    if (bytes + size > MAX_BYTES) break
    bytes += size
    out += ch
  }
  return out
}

/** The file position of a character offset in the statement text. */
function positionOf(ref: StatementRef, charOffset: number): { file: StatementRef['file']; line: number; col: number } {
  const byte = ref.stmt.startByte + Buffer.byteLength(ref.stmt.text.slice(0, charOffset))
  return { file: ref.file, ...ref.file.parsed.lines.position(byte) }
}
