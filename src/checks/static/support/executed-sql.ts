/**
 * The SQL a pending set executes, including SQL hidden in procedural code: the statements of a
 * `DO` block's PL/pgSQL body, `EXECUTE 'literal'` inside it, and the bodies of functions and
 * procedures the set creates and then calls (`SELECT f()`, `CALL p()`, `PERFORM f()`).
 * A function body that the set never calls does not run during the migration, so it is not here.
 * Text in comments, string literals and dollar-quoted strings elsewhere is never treated as SQL:
 * only the parser's DO and function bodies are opened.
 * What cannot be read statically (EXECUTE of a built string, other languages) is listed apart,
 * for the `dynamic-sql-not-analysed` rule, rather than silently passed.
 */
import type { PendingFile, StatementRef, StaticContext } from '../../../engine/define.js'
import { loadedPostgresParser, type PostgresParser, type Statement } from '../../../dialects/postgres/parser.js'
import type { AstNode } from './ast.js'
import { defineShardIndex } from './carry.js'

/** A statement the migration runs: top-level, or inside a DO block or a called function. Reports go to `stmt`, the top-level statement. */
export interface ExecutedStatement extends StatementRef {
  /** Node type of the executed statement itself, e.g. "DropStmt". */
  readonly kind: string
  readonly node: AstNode
  /** SQL text of the executed statement. */
  readonly text: string
  /** How it is reached, e.g. "EXECUTE in a DO block"; undefined for a top-level statement. */
  readonly via?: string
}

/** SQL the migration runs that cannot be read statically. */
export interface UnanalysedSql extends StatementRef {
  /** What could not be read, e.g. "EXECUTE of a built string". */
  readonly reason: string
  /** The expression or body, shortened. */
  readonly excerpt: string
}

/** The current shard's expansion. */
interface ExecutedSql {
  readonly statements: readonly ExecutedStatement[]
  readonly unanalysed: readonly UnanalysedSql[]
  /** Executed statements of the shards before this one: `statements[i]` runs at place `offset + i` of the pending set. */
  readonly offset: number
  /** Place of each statement in `statements`: by Statement at top level, by ExecutedStatement inside procedural code. */
  readonly positions: ReadonlyMap<object, number>
  /** Places in `statements` of each node kind, in order: a rule asking for two kinds does not filter every statement. */
  readonly byKind: ReadonlyMap<string, readonly number[]>
}

/** Executed statements of the current shard in order, optionally only of the given node kinds. */
export function executedStatements(ctx: StaticContext, kind?: string | readonly string[]): readonly ExecutedStatement[] {
  const sql = executedSql(ctx)
  // Every statement: the shard's own list, not a copy (several rules and indexes read all of it).
  if (kind === undefined) return sql.statements
  const kinds = typeof kind === 'string' ? [kind] : [...new Set(kind)]
  const places = kinds.flatMap((k) => sql.byKind.get(k) ?? [])
  // Places of several kinds interleave: sort them back into execution order.
  if (kinds.length > 1) places.sort((a, b) => a - b)
  return places.map((p) => sql.statements[p]!)
}

/**
 * The place of `ref` among the executed statements of the whole pending set (the index of its first
 * executed statement), comparable across shards.
 */
export function executedPosition(ctx: StaticContext, ref: StatementRef): number {
  const sql = executedSql(ctx)
  return sql.offset + (sql.positions.get(ref) ?? sql.positions.get(ref.stmt) ?? 0)
}

/** Procedural SQL of the current shard that could not be analysed. */
export function unanalysedSql(ctx: StaticContext): readonly UnanalysedSql[] {
  return executedSql(ctx).unanalysed
}

/** The statement `ref` itself: an executed statement's own kind and node (one inside a DO block is not its DO), else the top-level statement. */
export function ownStatement(ref: StatementRef): { readonly kind: string; readonly node: AstNode } {
  const exec = ref as Partial<ExecutedStatement>
  return exec.kind !== undefined && exec.node !== undefined ? { kind: exec.kind, node: exec.node } : ref.stmt
}

/** Whether procedural code (a DO block, a called function, EXECUTE) runs the statement. */
export function isInProcedure(ref: StatementRef): boolean {
  return (ref as Partial<ExecutedStatement>).via !== undefined
}

/** Suffix for a message about an executed statement: "" at top level, " (inside a DO block)" otherwise. */
export function viaSuffix(exec: ExecutedStatement): string {
  return exec.via ? ` (${exec.via})` : ''
}

/**
 * The expansion, built once per shard and read by every rule. Carried across shards: the routines
 * the set created (a function created in one file may be called in a later one) and how many
 * statements ran before.
 */
class ExpansionIndex {
  readonly routines = new Map<string, CreatedRoutine>()
  current: ExecutedSql = { statements: [], unanalysed: [], offset: 0, positions: new Map(), byKind: new Map() }

  extend(ctx: StaticContext): void {
    this.current = expand(ctx.files, this.routines, this.current.offset + this.current.statements.length)
  }
}

/** The current shard's expansion. */
function executedSql(ctx: StaticContext): ExecutedSql {
  return expansionIndex(ctx).current
}

/** How deep DO blocks, EXECUTE strings and function calls are followed. */
const MAX_DEPTH = 4

/** A function or procedure the pending set created, by name: what a call runs (no parse tree but its SQL body's). */
interface CreatedRoutine {
  readonly name: string
  readonly language: string
  /** The whole CREATE statement: PL/pgSQL is parsed from it. */
  readonly statementText: string
  /** The AS body. */
  readonly body: string | undefined
  /** A `BEGIN ATOMIC ... END` body's statements. */
  readonly sqlBody: readonly { kind: string; node: AstNode }[] | undefined
}

/** State of one expansion walk. */
interface Walk {
  readonly parser: PostgresParser | undefined
  readonly statements: ExecutedStatement[]
  readonly unanalysed: UnanalysedSql[]
  readonly routines: Map<string, CreatedRoutine>
}

/** Walks every statement of the shard and the procedural code it runs. */
function expand(files: readonly PendingFile[], routines: Map<string, CreatedRoutine>, offset: number): ExecutedSql {
  const walk: Walk = { parser: loadedPostgresParser(), statements: [], unanalysed: [], routines }
  for (const file of files) {
    for (const stmt of file.parsed.statements) {
      const outer: StatementRef = { file, stmt }
      walk.statements.push(new TopLevelStatement(file, stmt))
      followStatement(walk, outer, stmt.kind, stmt.node, stmt, 0, undefined)
    }
  }
  const positions = new Map<object, number>()
  const byKind = new Map<string, number[]>()
  for (const [i, s] of walk.statements.entries()) {
    positions.set(s.via ? s : s.stmt, i)
    const places = byKind.get(s.kind)
    if (places) places.push(i)
    else byKind.set(s.kind, [i])
  }
  return { statements: walk.statements, unanalysed: walk.unanalysed, offset, positions, byKind }
}

/**
 * Parses, with `parser`, what expanding these DO blocks parses: their PL/pgSQL, the SQL in it and
 * EXECUTE literals. Nothing is kept: a parse worker runs it for its parser to record the results,
 * which the main thread's parser then returns without parsing (parse-worker.ts). Calls to routines
 * the set created are not followed: which exist depends on earlier files.
 */
export function parseDoBlocks(parser: PostgresParser, blocks: readonly { readonly node: AstNode; readonly text: string }[]): void {
  const walk: Walk = { parser, statements: [], unanalysed: [], routines: new Map() }
  // What the walk records is dropped, so it needs no real statement to report to.
  const nowhere = {} as StatementRef
  for (const block of blocks) followStatement(walk, nowhere, 'DoStmt', block.node, block, 0, undefined)
}

/**
 * A top-level statement as the migration runs it. Its text is the statement's, read only when
 * asked: most executed statements' text never is (see ParsedStatement).
 */
class TopLevelStatement implements ExecutedStatement {
  readonly file: PendingFile
  readonly stmt: Statement
  readonly kind: string
  readonly node: AstNode

  constructor(file: PendingFile, stmt: Statement) {
    this.file = file
    this.stmt = stmt
    this.kind = stmt.kind
    this.node = stmt.node
  }

  get text(): string {
    return this.stmt.text
  }
}

/** Follows what one executed statement runs in turn: DO bodies, created routines, calls. `source.text` is read only for those. */
function followStatement(walk: Walk, outer: StatementRef, kind: string, node: AstNode, source: { readonly text: string }, depth: number, via: string | undefined): void {
  if (depth >= MAX_DEPTH) return
  switch (kind) {
    case 'DoStmt': {
      const body = bodyOf(node.args)
      // A DO written in the file (not one run by EXECUTE) places what it runs at their own lines.
      const bodyLine = source === outer.stmt && body !== undefined ? firstLineOf(outer.stmt, body) : undefined
      followBody(walk, outer, languageOf(node.args, 'plpgsql'), source.text, body, depth, via ? `${via}, in a DO block` : 'inside a DO block', bodyLine)
      return
    }
    case 'CreateFunctionStmt': {
      const name = routineName(node.funcname)
      if (name) {
        const sqlBody = node.sql_body ? sqlBodyStatements(node.sql_body) : undefined
        walk.routines.set(name, { name, language: languageOf(node.options, 'sql'), statementText: source.text, body: bodyOf(node.options), sqlBody })
      }
      return
    }
    case 'CallStmt':
      followCalls(walk, outer, [node.funccall], depth, via)
      return
    case 'SelectStmt':
      followCalls(walk, outer, functionCalls(node.targetList), depth, via)
      return
    default:
      return
  }
}

/** Runs the bodies of routines the set created, for each call found. */
function followCalls(walk: Walk, outer: StatementRef, calls: readonly AstNode[], depth: number, via: string | undefined): void {
  for (const call of calls) {
    const name = routineName(call?.funcname)
    const routine = name ? walk.routines.get(name) : undefined
    if (!routine) continue
    const how = `${via ? `${via}, ` : ''}in ${routine.name}() called here`
    if (routine.sqlBody) {
      for (const inner of routine.sqlBody) pushInner(walk, outer, inner.kind, inner.node, routine.statementText, depth + 1, how)
      continue
    }
    followBody(walk, outer, routine.language, routine.statementText, routine.body, depth, how)
  }
}

/** Reads a procedural body in its language: SQL and PL/pgSQL are read, others are reported unanalysed. */
function followBody(walk: Walk, outer: StatementRef, language: string, statementText: string, body: string | undefined, depth: number, via: string, bodyLine?: number): void {
  if (body === undefined) return
  if (language === 'sql') {
    followSqlText(walk, outer, body, depth, via)
    return
  }
  if (language !== 'plpgsql') {
    walk.unanalysed.push({ ...outer, reason: `code in language ${language}`, excerpt: shorten(body) })
    return
  }
  let funcs: AstNode[] | undefined
  try {
    funcs = walk.parser?.parsePlpgsql?.(statementText).plpgsql_funcs
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    walk.unanalysed.push({ ...outer, reason: `a PL/pgSQL body that does not parse (${message}); it will fail when it runs`, excerpt: shorten(body) })
    return
  }
  if (!funcs) {
    walk.unanalysed.push({ ...outer, reason: 'a PL/pgSQL body (no PL/pgSQL parser loaded)', excerpt: shorten(body) })
    return
  }
  // Only the statement tree holds SQL; the datums (variables) do not.
  for (const fn of funcs) followPlpgsql(walk, outer, fn?.PLpgSQL_function?.action, depth, via, bodyLine)
}

/** The file line on which `body` (a DO block's) starts: PL/pgSQL numbers the body's lines from there. */
function firstLineOf(stmt: Statement, body: string): number | undefined {
  const at = stmt.text.indexOf(body)
  if (at === -1) return undefined
  let line = stmt.line
  for (let i = stmt.text.indexOf('\n'); i !== -1 && i < at; i = stmt.text.indexOf('\n', i + 1)) line++
  return line
}

/** Marks a PL/pgSQL EXECUTE (or RETURN QUERY EXECUTE, OPEN ... FOR EXECUTE) for `onLine`. */
const EXECUTE = Symbol('EXECUTE')

/**
 * `outer` narrowed to one line of its DO block: from where `query` (the PL/pgSQL statement's SQL)
 * starts on that line, else from its first non-blank character, to the end of the line.
 */
function onLine(outer: StatementRef, line: number, query: unknown): StatementRef {
  const text = outer.file.parsed.lines.lineText(line)
  const firstLine = typeof query === 'string' ? query.trimStart().split('\n')[0]!.trimEnd() : ''
  // EXECUTE's expression is not its statement's start: the keyword is.
  const found = query === EXECUTE ? text.search(/\bexecute\b/i) : firstLine === '' ? -1 : text.indexOf(firstLine)
  const start = found !== -1 ? found : text.length - text.trimStart().length
  // Columns count characters, as statement positions do.
  const col = [...text.slice(0, start)].length + 1
  const endCol = [...text.trimEnd()].length + 1
  return { ...outer, span: { line, col, endLine: line, endCol: Math.max(endCol, col) } }
}

/** Visits every SQL statement and EXECUTE in a parsed PL/pgSQL function tree, in source order. */
function followPlpgsql(walk: Walk, outer: StatementRef, tree: unknown, depth: number, via: string, bodyLine: number | undefined): void {
  if (Array.isArray(tree)) {
    for (const item of tree) followPlpgsql(walk, outer, item, depth, via, bodyLine)
    return
  }
  if (!tree || typeof tree !== 'object') return
  // for...in, not Object.entries: this walks every node of every body, and the pairs were garbage.
  const node = tree as AstNode
  // What a statement runs is reported at its line of the body (lineno counts from the body's first line).
  const at = (value: AstNode, query: unknown): StatementRef =>
    bodyLine !== undefined && typeof value.lineno === 'number' && value.lineno > 0 ? onLine(outer, bodyLine + value.lineno - 1, query) : outer
  for (const key in node) {
    const value = node[key]
    if (key === 'PLpgSQL_stmt_execsql' || key === 'PLpgSQL_stmt_perform') {
      const query = (value.sqlstmt ?? value.expr)?.PLpgSQL_expr?.query
      if (typeof query === 'string') followSqlText(walk, at(value, query), query, depth, via)
    } else if (key === 'PLpgSQL_stmt_dynexecute') {
      followExecute(walk, at(value, EXECUTE), value.query?.PLpgSQL_expr?.query, depth, via)
    } else if ((key === 'PLpgSQL_stmt_return_query' || key === 'PLpgSQL_stmt_open') && value.dynquery) {
      followExecute(walk, at(value, EXECUTE), value.dynquery?.PLpgSQL_expr?.query, depth, via)
    } else {
      followPlpgsql(walk, outer, value, depth, via, bodyLine)
    }
  }
}

/** Reads `EXECUTE <expr>`: a string literal (or literals joined by ||) is parsed as SQL; anything else is unanalysed. */
function followExecute(walk: Walk, outer: StatementRef, expression: unknown, depth: number, via: string): void {
  if (typeof expression !== 'string') return
  const literal = constantString(walk.parser, expression)
  if (literal === undefined) {
    walk.unanalysed.push({ ...outer, reason: 'EXECUTE of a string built at run time', excerpt: shorten(expression) })
    return
  }
  followSqlText(walk, outer, literal, depth, `EXECUTE ${via}`)
}

/** Parses SQL text run by procedural code and records each statement. */
function followSqlText(walk: Walk, outer: StatementRef, sql: string, depth: number, via: string): void {
  const parsed = walk.parser?.parse(sql)
  if (!parsed || parsed.syntaxError) {
    const why = parsed?.syntaxError ? `SQL that does not parse (${parsed.syntaxError.message})` : 'SQL (no parser loaded)'
    walk.unanalysed.push({ ...outer, reason: why, excerpt: shorten(sql) })
    return
  }
  for (const inner of parsed.statements) pushInner(walk, outer, inner.kind, inner.node, inner.text, depth + 1, via)
}

/** Records one statement found inside procedural code and follows what it runs. */
function pushInner(walk: Walk, outer: StatementRef, kind: string, node: AstNode, text: string, depth: number, via: string): void {
  const exec: ExecutedStatement = { ...outer, kind, node, text, via }
  walk.statements.push(exec)
  followStatement(walk, outer, kind, node, exec, depth, via)
}

/** The statements of a `BEGIN ATOMIC ... END` SQL function body. */
function sqlBodyStatements(sqlBody: AstNode): { kind: string; node: AstNode }[] {
  const out: { kind: string; node: AstNode }[] = []
  const visit = (item: AstNode): void => {
    if (!item || typeof item !== 'object') return
    if (Array.isArray(item)) return item.forEach(visit)
    if (item.List) return visit(item.List.items)
    const [kind] = Object.keys(item)
    if (kind) out.push({ kind, node: item[kind] })
  }
  visit(sqlBody)
  return out
}

/** The value of a string literal expression, or literals joined with ||; undefined for anything else. */
function constantString(parser: PostgresParser | undefined, expression: string): string | undefined {
  const parsed = parser?.parse(`SELECT ${expression}`)
  const select = parsed?.statements.length === 1 ? parsed.statements[0] : undefined
  const targets = select?.kind === 'SelectStmt' ? select.node.targetList : undefined
  if (!Array.isArray(targets) || targets.length !== 1 || select?.node.fromClause) return undefined
  return foldString(targets[0]?.ResTarget?.val)
}

/** Folds a constant string expression. */
function foldString(node: AstNode | undefined): string | undefined {
  if (typeof node?.A_Const?.sval?.sval === 'string') return node.A_Const.sval.sval
  if (node?.A_Const?.sval && Object.keys(node.A_Const.sval).length === 0) return ''
  const expr = node?.A_Expr
  if (expr?.kind === 'AEXPR_OP' && expr.name?.[0]?.String?.sval === '||') {
    const left = foldString(expr.lexpr)
    const right = foldString(expr.rexpr)
    return left !== undefined && right !== undefined ? left + right : undefined
  }
  return undefined
}

/** Function calls at the top of a SELECT list (`SELECT f(), g()`), where a migration calls its routines. */
function functionCalls(targetList: readonly AstNode[] | undefined): AstNode[] {
  return (targetList ?? []).map((t) => t?.ResTarget?.val?.FuncCall).filter((call): call is AstNode => Boolean(call))
}

/** A routine's name without the default public schema, so `public.f` and `f` match. */
function routineName(funcname: readonly AstNode[] | undefined): string | undefined {
  const parts = (funcname ?? []).map((p) => p?.String?.sval).filter((s): s is string => typeof s === 'string')
  if (parts.length === 0) return undefined
  return parts[0] === 'public' && parts.length === 2 ? parts[1] : parts.join('.')
}

/** The LANGUAGE of a DO or CREATE FUNCTION option list. */
function languageOf(options: readonly AstNode[] | undefined, fallback: string): string {
  const def = (options ?? []).find((o) => o?.DefElem?.defname === 'language')
  const value = def?.DefElem?.arg?.String?.sval
  return typeof value === 'string' ? value.toLowerCase() : fallback
}

/** The AS body of a DO or CREATE FUNCTION option list. */
function bodyOf(options: readonly AstNode[] | undefined): string | undefined {
  const arg = (options ?? []).find((o) => o?.DefElem?.defname === 'as')?.DefElem?.arg
  if (typeof arg?.String?.sval === 'string') return arg.String.sval
  const first = arg?.List?.items?.[0]?.String?.sval
  return typeof first === 'string' ? first : undefined
}

/** At most 80 characters of code, on one line, for a message. */
function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat
}

/** The ExpansionIndex of the run, up to the end of the current shard. */
const expansionIndex = defineShardIndex(() => new ExpansionIndex())
