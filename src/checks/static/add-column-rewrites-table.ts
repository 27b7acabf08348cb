/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { executedStatements, viaSuffix, type ExecutedStatement } from './support/executed-sql.js'
import { carried } from './support/carry.js'
import { defineStaticRule, type StatementRef, type StaticContext } from '../../engine/define.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { lockEffect, lockEvidence } from './support/locking.js'
import { defaultExpressionText } from './support/sql-text.js'
import { quoteIdent, relationOf, type RelationRef } from './support/sql-names.js'
import { gradeBySize, withSize } from './support/table-size.js'

/** The severity without a target; with one, each finding is graded by the size of the table it blocks (support/table-size.ts). */
const SEVERITY = 'error'

// Built-in volatile functions seen in defaults (pg_proc.provolatile = 'v'). now(), CURRENT_TIMESTAMP
// and statement_timestamp() are STABLE: from 11 their value is computed once and stored as the
// "missing" value, with no rewrite.
const VOLATILE = new Set([
  'random',
  'random_normal',
  'clock_timestamp',
  'timeofday',
  'gen_random_uuid',
  'uuidv4',
  'uuidv7',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'gen_random_bytes',
  'nextval',
  'currval',
  'lastval',
  'setval',
])

const SERIAL_TYPES = new Set(['smallserial', 'serial', 'bigserial', 'serial2', 'serial4', 'serial8'])

// Internal names as people write them; serial types become their integer type.
const SQL_TYPE_NAMES: Readonly<Record<string, string>> = {
  int2: 'smallint',
  int4: 'integer',
  int8: 'bigint',
  float4: 'real',
  float8: 'double precision',
  bool: 'boolean',
  bpchar: 'char',
  smallserial: 'smallint',
  serial2: 'smallint',
  serial: 'integer',
  serial4: 'integer',
  bigserial: 'bigint',
  serial8: 'bigint',
}

/** Why an added column rewrites the table. */
interface Rewrite {
  readonly column: string
  readonly cause: 'volatile' | 'serial' | 'identity' | 'stored' | 'pre11-default'
  /** The DEFAULT expression or generation expression as written, when known. */
  readonly expression?: string
  /** The volatile function name, for volatile defaults. */
  readonly fn?: string
  readonly typeText: string
}

/**
 * ADD COLUMN rewrites the whole table under ACCESS EXCLUSIVE when every existing row needs its own
 * value: a volatile default, serial or identity (nextval per row), a STORED generated column, or
 * before PostgreSQL 11 any non-null default (https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES).
 */
export default defineStaticRule({
  id: 'add-column-rewrites-table',
  title: 'Add columns without rewriting the table',
  category: 'locks',
  severity: SEVERITY,
  run(ctx) {
    // Functions created earlier in the pending set, by name: whether each is volatile. Carried across shards.
    const userVolatility = carried(ctx, 'add-column-rewrites-table', () => new Map<string, boolean>())
    // Statements inside DO blocks and called functions add columns (and create functions) too.
    for (const ref of executedStatements(ctx, ['AlterTableStmt', 'CreateFunctionStmt'])) {
      const n = ref.node
      if (ref.kind === 'CreateFunctionStmt') {
        recordFunction(n, userVolatility)
        continue
      }
      const table = relationOf(n.relation)
      if (!table || (n.objtype && n.objtype !== 'OBJECT_TABLE') || isCreatedBefore(ctx, ref, table.name)) continue
      const rewrites = (n.cmds ?? []).flatMap((c: any) => {
        const cmd = c.AlterTableCmd ?? {}
        if (cmd.subtype !== 'AT_AddColumn') return []
        const found = rewriteOf(ctx, ref, cmd.def?.ColumnDef ?? {}, userVolatility)
        return found ? [found] : []
      })
      if (rewrites.length > 0) report(ctx, ref, table, rewrites)
    }
  },
})

/** Records whether a function created in the pending set is volatile (the default). */
function recordFunction(n: Record<string, any>, out: Map<string, boolean>): void {
  const names: string[] = (n.funcname ?? []).map((s: any) => s?.String?.sval)
  const name = names[names.length - 1]
  if (!name) return
  const volatility = (n.options ?? []).find((o: any) => o.DefElem?.defname === 'volatility')?.DefElem?.arg?.String?.sval
  out.set(name.toLowerCase(), volatility === undefined || volatility === 'volatile')
}

/** Why adding this column rewrites the table, or undefined when it does not. */
function rewriteOf(ctx: StaticContext, ref: StatementRef, def: Record<string, any>, userVolatility: ReadonlyMap<string, boolean>): Rewrite | undefined {
  const column = String(def.colname ?? '')
  const typeNames: string[] = (def.typeName?.names ?? []).map((s: any) => String(s?.String?.sval ?? ''))
  const typeName = typeNames[typeNames.length - 1]?.toLowerCase() ?? ''
  const typeText = typeTextOf(def.typeName)
  if (SERIAL_TYPES.has(typeName)) return { column, cause: 'serial', typeText }
  const constraints: any[] = def.constraints ?? []
  for (const [i, c] of constraints.entries()) {
    const con = c?.Constraint ?? {}
    if (con.contype === 'CONSTR_IDENTITY') return { column, cause: 'identity', typeText }
    if (con.contype === 'CONSTR_GENERATED' && con.generated_kind !== 'v') {
      return { column, cause: 'stored', typeText, expression: defaultExpressionText(ref, constraints, i)?.replace(/^generated\s+always\s+as\s*/i, '').replace(/\s+stored$/i, '') }
    }
    if (con.contype !== 'CONSTR_DEFAULT' || con.raw_expr?.A_Const?.isnull) continue
    const expression = defaultExpressionText(ref, constraints, i)
    const fn = volatileFunction(con.raw_expr, userVolatility)
    if (fn) return { column, cause: 'volatile', fn, expression, typeText }
    if (ctx.postgresVersion < 11) return { column, cause: 'pre11-default', expression, typeText }
  }
  return undefined
}

/** The first volatile function called anywhere in an expression. */
function volatileFunction(node: unknown, userVolatility: ReadonlyMap<string, boolean>): string | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = volatileFunction(item, userVolatility)
      if (found) return found
    }
    return undefined
  }
  if (!node || typeof node !== 'object') return undefined
  const call = (node as Record<string, any>).FuncCall
  if (call) {
    const names: string[] = (call.funcname ?? []).map((s: any) => String(s?.String?.sval ?? ''))
    const name = (names[names.length - 1] ?? '').toLowerCase()
    if (userVolatility.get(name) ?? VOLATILE.has(name)) return `${name}()`
  }
  for (const value of Object.values(node)) {
    const found = volatileFunction(value, userVolatility)
    if (found) return found
  }
  return undefined
}

/** The column type as SQL, e.g. `uuid`, `varchar(20)`, `bigint`. */
function typeTextOf(typeName: Record<string, any> | undefined): string {
  const names: string[] = (typeName?.names ?? []).map((s: any) => String(s?.String?.sval ?? ''))
  const name = names.filter((n) => n !== 'pg_catalog').join('.')
  const mods = (typeName?.typmods ?? []).map((m: any) => m?.A_Const?.ival?.ival ?? 0)
  return `${SQL_TYPE_NAMES[name] ?? name}${mods.length > 0 ? `(${mods.join(',')})` : ''}${typeName?.arrayBounds ? '[]' : ''}`
}

/** Reports the rewriting columns of one ALTER TABLE. */
function report(ctx: StaticContext, ref: ExecutedStatement, table: RelationRef, rewrites: readonly Rewrite[]): void {
  const lock = 'ACCESS EXCLUSIVE'
  const first = rewrites[0]!
  const reasons = rewrites.map((r) => `${quoteIdent(r.column)} (${describeCause(ctx, r)})`).join(', ')
  const grade = gradeBySize(ctx, table.key, SEVERITY)
  ctx.report(ref, {
    message: `ADD COLUMN ${reasons} rewrites every row of ${withSize(table.display, grade)} under an ${lock} lock${viaSuffix(ref)}: ${lockEffect(lock)} until the copy finishes.`,
    severity: grade.severity,
    mitigation: mitigationFor(ctx, table, first),
    help: 'Since PostgreSQL 11 a column with a constant or STABLE default (now(), CURRENT_TIMESTAMP) is added without a rewrite; a value that differs per row forces one.',
    tables: [table.key],
    lock,
    evidence: lockEvidence(ctx, lock, [table.key], { columns: rewrites.map((r) => ({ column: r.column, cause: r.cause })), ...grade.evidence }),
  })
}

/** A few words on why the column rewrites. */
function describeCause(ctx: StaticContext, r: Rewrite): string {
  switch (r.cause) {
    case 'volatile':
      return `volatile default ${r.fn}`
    case 'serial':
      return 'serial: a nextval() default per row'
    case 'identity':
      return 'identity: a sequence value per row'
    case 'stored':
      return 'STORED generated column'
    case 'pre11-default':
      return `any non-null default rewrites before PostgreSQL 11; this is ${ctx.postgresVersion}`
  }
}

/** The safe SQL for the first rewriting column. */
function mitigationFor(ctx: StaticContext, table: RelationRef, r: Rewrite): string {
  const t = table.display
  const col = quoteIdent(r.column)
  const expr = r.expression ?? '<default>'
  const backfill = `then backfill existing rows in small batches (UPDATE ${t} SET ${col} = ... WHERE ${col} IS NULL AND <key range>;)`
  switch (r.cause) {
    case 'volatile':
    case 'pre11-default':
      return (
        `Add the column without the default, then set the default (it applies to new rows only and rewrites nothing): ` +
        `ALTER TABLE ${t} ADD COLUMN ${col} ${r.typeText}; ALTER TABLE ${t} ALTER COLUMN ${col} SET DEFAULT ${expr}; ${backfill}.`
      )
    case 'serial':
      return (
        `Create the sequence yourself and backfill: CREATE SEQUENCE ${quoteIdent(`${table.key.slice(table.key.indexOf('.') + 1)}_${r.column}_seq`)}; ` +
        `ALTER TABLE ${t} ADD COLUMN ${col} ${r.typeText}; ALTER TABLE ${t} ALTER COLUMN ${col} SET DEFAULT nextval('<sequence>'); ${backfill}.`
      )
    case 'identity':
      return `Add a plain nullable ${r.typeText} column, backfill it in batches from a sequence, then make it an identity column (ALTER COLUMN ... ADD GENERATED ... AS IDENTITY) once every row has a value.`
    case 'stored':
      return (
        `Add a plain column (ALTER TABLE ${t} ADD COLUMN ${col} ${r.typeText};), keep it filled with a trigger, and backfill in batches` +
        (ctx.postgresVersion >= 18 ? `; or, on 18+, make it VIRTUAL (computed on read, no rewrite): GENERATED ALWAYS AS ${expr} VIRTUAL.` : '.')
      )
  }
}
