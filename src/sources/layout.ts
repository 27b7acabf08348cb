/**
 * A migration layout: how one migration tool names its files, orders them, runs them
 * (in a transaction or not) and records what it applied on the target.
 */
import type { Dialect, LayoutName } from '../config/constants.js'

/** One migration as the tool sees it. */
export interface MigrationFile {
  /** The identifier the tool stores in its history table (version, migration name, hash...). */
  readonly id: string
  /** Human name, e.g. "add_users_email". */
  readonly name: string
  /** Path relative to the project root (the config's directory), with forward slashes. */
  readonly path: string
  readonly absPath: string
  /**
   * The SQL the tool runs when applying the migration. It has the same line structure as the
   * file: parts the tool does not run (a dbmate down section) are blanked with spaces. Offsets in
   * `sql` are offsets in the file, except on a line where a configured placeholder was replaced
   * (src/sources/placeholders.ts): there, columns after it count in the replaced text.
   */
  readonly sql: string
  /** The file's bytes as text, for checksums. */
  readonly raw: string
  readonly kind: 'versioned' | 'repeatable'
  /** Whether the tool runs this file inside a transaction (explicit or implicit). */
  readonly runsInTransaction: boolean
  /** Why runsInTransaction has its value, for evidence ("Flyway wraps each migration"). */
  readonly transactionReason: string
  /**
   * Parts of the file the tool runs and records one at a time (Liquibase changesets), each in its
   * own transaction or in none; absent when the file is one unit. A failure leaves the earlier
   * units applied and recorded, so a re-run starts at the failed one.
   */
  readonly units?: readonly MigrationUnit[]
}

/** One part of a file the tool runs and records on its own. */
export interface MigrationUnit {
  /** 1-based line where it starts; it runs until the next unit's line. */
  readonly line: number
  /** How the tool names it, e.g. "changeset alice:42". */
  readonly label: string
  readonly runsInTransaction: boolean
  readonly transactionReason: string
}

/** One row of the tool's history table, normalised. */
export interface AppliedMigration {
  readonly id: string
  readonly name?: string
  /** The checksum the tool stored, as text, when it stores one. */
  readonly checksum?: string
  readonly appliedAt?: string
  /** The tool recorded a failure or an unfinished run for this migration. */
  readonly isFailed: boolean
  /** Free-form detail (golang-migrate dirty flag, Prisma rolled_back_at...). */
  readonly detail?: string
}

/** The history read from the target. */
export interface MigrationHistory {
  /** Schema-qualified table name, e.g. "public.schema_migrations". */
  readonly table: string
  readonly exists: boolean
  readonly applied: readonly AppliedMigration[]
  /** golang-migrate stores only the newest version: everything at or below it is applied. */
  readonly appliedUpTo?: string
}

/** Minimal read-only query function the history readers need. */
export type QueryFn = <T extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<T[]>

/** How a layout lists its files. */
export interface ListOptions {
  readonly transaction: 'auto' | 'always' | 'never'
  /** Reads a migration file as text; detection passes the files it already read (default: readText). */
  readonly read?: TextReader
}

/** Reads a file as UTF-8 text. */
export type TextReader = (path: string) => Promise<string>

export interface Layout {
  readonly name: LayoutName
  /** Tool name for messages: "Flyway", "golang-migrate"... */
  readonly tool: string
  /** The history table the tool keeps on the target, schema-qualified. */
  readonly historyTable: string
  /** True when `dir` looks like this layout; detection tries layouts in a fixed order. */
  detect(dir: string): Promise<boolean>
  /** Lists the migrations in the order the tool applies them. */
  list(dir: string, projectRoot: string, options: ListOptions): Promise<MigrationFile[]>
  /** Reads the history table; a missing table yields { exists: false, applied: [] }. */
  readHistory(query: QueryFn): Promise<MigrationHistory>
  /** The same on a MySQL or MariaDB target (`?` parameters); absent where the tool's MySQL history is not supported. */
  readHistoryMysql?(query: QueryFn): Promise<MigrationHistory>
  /** Computes how the tool would checksum a file, or undefined when the tool stores none. */
  checksum?(file: MigrationFile): string | undefined
  /** Whether `file` is applied according to the history. */
  isApplied(file: MigrationFile, history: MigrationHistory): boolean
  /** What of a file with units is still to run: its unapplied units, the applied ones blanked; undefined when all are applied. */
  pendingPart?(file: MigrationFile, history: MigrationHistory): MigrationFile | undefined
  /** Whether a history row records (part of) `file`; default: the row's id is the file's. */
  recordsFile?(row: AppliedMigration, file: MigrationFile): boolean
  /** The database the folder says its migrations are for (Prisma's migration_lock.toml), with where it says so. */
  declaredDialect?(dir: string): Promise<{ dialect: Dialect; source: string } | undefined>
}

/** Whether a history row records (part of) `file`, as the layout matches them. */
export function rowRecordsFile(layout: Pick<Layout, 'recordsFile'>, row: AppliedMigration, file: MigrationFile): boolean {
  return layout.recordsFile ? layout.recordsFile(row, file) : row.id === file.id
}
