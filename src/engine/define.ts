/**
 * The shapes of a static rule and a live check: metadata first, logic second (ESLint's meta + create).
 * The runbook link derives from the id, as typescript-eslint's createRule derives docs.url.
 */
import type { Dialect, LayoutName, TargetConfig } from '../config/schema.js'
import type { Statement, ParsedSql } from '../dialects/postgres/parser.js'
import type { RunLog } from './log.js'
import type { Category, Evidence, LockMode, Severity, Status } from './model.js'
import type { Layout, MigrationFile, MigrationHistory } from '../sources/layout.js'

/** A pending migration with its parse result, shared by every consumer. */
export interface PendingFile {
  readonly migration: MigrationFile
  readonly parsed: ParsedSql
}

/** A statement with the file it came from. */
export interface StatementRef {
  readonly file: PendingFile
  readonly stmt: Statement
  /** Where in the statement a finding on it belongs, when narrower: a statement inside a DO block. Directives still apply to `stmt`. */
  readonly span?: SourceSpan
}

/** A stretch of a file, 1-based; `endCol` is just past its last character. */
export interface SourceSpan {
  readonly line: number
  readonly col: number
  readonly endLine: number
  readonly endCol: number
}

/** What a rule or check reports; the engine adds id, docs and position. */
export interface FindingInput {
  readonly message: string
  readonly mitigation: string
  readonly severity?: Severity
  readonly evidence?: Evidence
  readonly help?: string
  readonly tables?: readonly string[]
  readonly lock?: LockMode
}

/** A place to report at: a statement, or an explicit position in a file. */
export type ReportTarget =
  | StatementRef
  | { readonly file: PendingFile; readonly line: number; readonly col: number; readonly endLine?: number; readonly endCol?: number }

/** Where the PostgreSQL major version used by version-dependent rules came from. */
export type VersionSource = 'target' | 'config' | 'default'

/** The oldest PostgreSQL major the rules reason about when nothing else is known. */
export const OLDEST_SUPPORTED_POSTGRES = 13

/** Facts from the live target that static rules may use; absent without a target. */
export interface LiveFacts {
  /** Point-in-time recovery looks possible and the config accepts it as backup evidence. */
  readonly hasPitrBackup?: boolean
  /** Estimated rows and total bytes of touched tables, keyed by schema-qualified name; isRowsKnown false when never analysed (rows 0). */
  readonly tableSizes?: ReadonlyMap<string, { rows: number; bytes: number; isRowsKnown?: boolean }>
  /** Current types of columns that pending statements change, keyed "schema.table.column", as format_type prints them. */
  readonly columnTypes?: ReadonlyMap<string, string>
  /** Generated (STORED) columns of the tables pending statements touch, keyed "schema.table.column". */
  readonly generatedColumns?: ReadonlySet<string>
  /** The target's size thresholds, so rules can grade blocking findings by table size (StaticContext has no target config). */
  readonly thresholds?: { readonly largeTableRows: number; readonly largeTableBytes: number }
}

/**
 * What a rule sees. A large pending set is analysed in shards, consecutive runs of files in pending
 * order, so that the parse trees of only one shard are alive at a time: `files` and `statements`
 * are the current shard's, and the rule runs once per shard. What a later file needs to know about
 * earlier ones (tables created, copies made, constraints added NOT VALID) is carried across shards
 * as plain data, in state keyed by `run` (support/carry.ts), never as parse trees.
 */
export interface StaticContext {
  /** The current shard's pending files, in the order the tool applies them. */
  readonly files: readonly PendingFile[]
  /** Statements of the current shard's files in order, optionally only of the given node kinds. */
  statements(kind?: string | readonly string[]): Iterable<StatementRef>
  /** The same object for every shard of one static run: the key of state carried across shards. */
  readonly run: object
  readonly postgresVersion: number
  readonly versionSource: VersionSource
  readonly dialect: Dialect
  readonly layout: LayoutName | undefined
  /** Options for this rule from config (`rules.<id>.options`). */
  readonly options: Readonly<Record<string, unknown>>
  readonly live: LiveFacts
  /** Every rule and check id, for rules that validate ids (directives). */
  readonly knownIds: ReadonlySet<string>
  report(at: ReportTarget, finding: FindingInput): void
  /** Marks the rule as not applicable to this run (e.g. the version it needs is unknown); the reason is its summary. */
  skip(reason: string): void
}

export interface StaticRule {
  readonly kind: 'static'
  readonly id: string
  readonly title: string
  readonly category: Category
  readonly severity: Severity
  /** Dialects the rule understands. */
  readonly dialects: readonly Dialect[]
  /** Synchronous for most rules; a rule that must load something first (another grammar's WASM) returns a promise. */
  run(ctx: StaticContext): void | Promise<void>
}

/** Declares a static rule. */
export function defineStaticRule(rule: Omit<StaticRule, 'kind' | 'dialects' | 'category'> & { category?: Category; dialects?: readonly Dialect[] }): StaticRule {
  return { kind: 'static', category: 'static-analysis', dialects: ['postgres'], ...rule }
}

/** A read-only session on the target: the only way a check talks to a database. */
export interface ReadOnlySession {
  readonly dialect: Dialect
  /** Runs one read-only query with the session's timeouts; logs its SQL and duration. */
  query<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>
}

/** Server facts read once at connection. */
export interface ServerInfo {
  /** e.g. "15.19" */
  readonly version: string
  /** server_version_num, e.g. 150019 */
  readonly versionNum: number
  readonly major: number
  readonly currentUser: string
  readonly database: string
  readonly host: string
  readonly port: number
}

/** A table touched by pending statements, with the strongest lock needed and where. */
export interface TouchedTable {
  readonly table: string
  readonly lock: LockMode
  readonly statements: readonly StatementRef[]
}

export interface LiveContext {
  readonly db: ReadOnlySession
  readonly server: ServerInfo
  readonly targetName: string
  readonly target: TargetConfig
  readonly layout: Layout | undefined
  readonly migrations: readonly MigrationFile[]
  readonly pending: readonly PendingFile[]
  readonly history: MigrationHistory | undefined
  readonly touched: readonly TouchedTable[]
  /** When the run evaluates time-dependent checks (maintenance windows); `--at` overrides it. */
  readonly now: Date
  readonly log: RunLog
  readonly baseDir: string
  /** The migrations folder, when the run looks at one. */
  readonly migrationsDir?: string
  /** Migration files the change under review modifies or removes (the action's pull request), when known. */
  readonly changes?: MigrationChanges
  /** Shares one query's result between checks: the first caller runs `load`, the rest await it. */
  memo<T>(key: string, load: () => Promise<T>): Promise<T>
}

/** Project-relative paths (forward slashes) of migration files a change modifies or removes. */
export interface MigrationChanges {
  readonly modified: readonly string[]
  /** Removed files, and the old names of renamed files. */
  readonly removed: readonly string[]
}

/** What a live check returns. */
export interface LiveOutcome {
  readonly status: Exclude<Status, 'error'>
  readonly summary: string
  readonly evidence?: Evidence
  readonly mitigation?: string
  /** Findings at statements, for checks that grade specific pending statements. */
  readonly findings?: readonly (FindingInput & { at?: ReportTarget })[]
}

export interface LiveCheck {
  readonly kind: 'live'
  readonly id: string
  readonly title: string
  readonly category: Category
  readonly severity: Severity
  readonly dialects: readonly Dialect[]
  run(ctx: LiveContext): Promise<LiveOutcome>
}

/** Declares a live check. */
export function defineLiveCheck(check: Omit<LiveCheck, 'kind' | 'dialects'> & { dialects?: readonly Dialect[] }): LiveCheck {
  return { kind: 'live', dialects: ['postgres'], ...check }
}

/** Helpers so checks read as pass(...)/fail(...). */
export const outcome = {
  pass: (summary: string, evidence?: Evidence): LiveOutcome => ({ status: 'pass', summary, evidence }),
  warn: (summary: string, mitigation: string, evidence?: Evidence): LiveOutcome => ({ status: 'warn', summary, mitigation, evidence }),
  fail: (summary: string, mitigation: string, evidence?: Evidence): LiveOutcome => ({ status: 'fail', summary, mitigation, evidence }),
  skip: (reason: string, evidence?: Evidence): LiveOutcome => ({ status: 'skip', summary: reason, evidence }),
}
