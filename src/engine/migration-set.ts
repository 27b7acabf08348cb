/**
 * Which migration files a run looks at: the configured folder (layout detected or configured),
 * or, for lint, the given files, folders or standard input.
 */
import { substitutePlaceholders } from '../sources/placeholders.js'
import { readFileSync, statSync } from 'node:fs'
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path'
import type { LoadedConfig } from '../config/load.js'
import type { Dialect } from '../config/constants.js'
import { getLayout } from '../sources/layouts/index.js'
import { listMigrations } from '../sources/list-migrations.js'
import type { Layout, MigrationFile } from '../sources/layout.js'
import { ConfigError, UsageError } from './errors.js'
import type { RunLog } from './log.js'

export interface MigrationSet {
  /** The migrations folder, when the run looks at one. */
  readonly dir: string | undefined
  readonly layout: Layout | undefined
  /** Why this layout: "configured" or what detection saw. */
  readonly reason: string | null
  readonly files: readonly MigrationFile[]
  /** One line for progress output. */
  readonly description: string
  /** The database the folder says its migrations are for, used when neither the config nor the target says. */
  readonly declared?: { readonly dialect: Dialect; readonly source: string }
}

export interface MigrationSetInput {
  readonly loaded: LoadedConfig
  readonly migrationsPath?: string
  readonly paths?: readonly string[]
  readonly stdin?: string
  readonly log: RunLog
}

/** Lists the migrations of a run. */
export async function listMigrationSet(input: MigrationSetInput): Promise<MigrationSet> {
  const { loaded, log } = input
  if (input.paths && input.paths.length > 0) return listPaths(input)
  const dir = resolve(loaded.baseDir, input.migrationsPath ?? loaded.config.migrations.path)
  const listed = await listMigrations({
    dir,
    projectRoot: loaded.baseDir,
    layout: loaded.config.migrations.layout,
    transaction: loaded.config.migrations.transaction,
    historyTable: loaded.config.migrations.historyTable,
  })
  const how = listed.detected ? `detected ${listed.layout.name} (${listed.reason})` : `${listed.layout.name} (configured)`
  log.log('info', `migrations folder ${dir}: ${how}, ${listed.files.length} files`)
  return {
    dir,
    layout: listed.layout,
    reason: listed.detected ? listed.reason : 'configured',
    files: withPlaceholders(listed.files, loaded),
    description: `Migrations: ${relative(process.cwd(), dir) || '.'} — ${how}, ${listed.files.length} file${listed.files.length === 1 ? '' : 's'}`,
    ...(listed.declared ? { declared: listed.declared } : {}),
  }
}

/** Lint paths: folders are listed with their layout, files are taken as they are, "-" is stdin. */
async function listPaths(input: MigrationSetInput): Promise<MigrationSet> {
  const { loaded } = input
  const files: MigrationFile[] = []
  let layout: Layout | undefined
  let declared: MigrationSet['declared']
  for (const path of input.paths!) {
    if (path === '-') {
      const sql = input.stdin ?? ''
      files.push(plainFile('<stdin>', '<stdin>', sql, loaded))
      continue
    }
    const abs = isAbsolute(path) ? path : resolve(process.cwd(), path)
    let isDir: boolean
    try {
      isDir = statSync(abs).isDirectory()
    } catch {
      throw new UsageError(`Cannot read ${path}: no such file or folder.`, 'Pass existing .sql files or migration folders, or - for standard input.')
    }
    if (isDir) {
      const listed = await listMigrations({
        dir: abs,
        projectRoot: loaded.baseDir,
        layout: loaded.config.migrations.layout,
        transaction: loaded.config.migrations.transaction,
        historyTable: loaded.config.migrations.historyTable,
      })
      layout ??= listed.layout
      declared ??= listed.declared
      files.push(...listed.files)
      continue
    }
    files.push(await fileWithLayout(abs, loaded))
  }
  return {
    dir: undefined,
    layout,
    reason: null,
    files: withPlaceholders(files, loaded),
    description: `Linting ${files.length} file${files.length === 1 ? '' : 's'}`,
    ...(declared ? { declared } : {}),
  }
}

/** The files with the configured placeholders replaced in the SQL the tool runs (never in `raw`, which checksums read). */
function withPlaceholders(files: MigrationFile[], loaded: LoadedConfig): MigrationFile[] {
  const values = loaded.config.migrations.placeholders ?? {}
  if (Object.keys(values).length === 0) return files
  return files.map((f) => {
    const sql = substitutePlaceholders(f.sql, values)
    return sql === f.sql ? f : { ...f, sql }
  })
}

/** A single file: through the configured layout when there is one (dbmate sections), else plain. */
async function fileWithLayout(abs: string, loaded: LoadedConfig): Promise<MigrationFile> {
  const name = loaded.config.migrations.layout
  if (name && name !== 'plain') {
    const layout = getLayout(name, loaded.config.migrations.historyTable)
    const listed = await layout.list(dirname(abs), loaded.baseDir, { transaction: loaded.config.migrations.transaction }).catch(() => [])
    const match = listed.find((f) => f.absPath === abs)
    if (match) return match
  }
  let sql: string
  try {
    sql = readFileSync(abs, 'utf8')
  } catch (error) {
    throw new ConfigError(`Cannot read ${abs}: ${(error as Error).message}`)
  }
  return plainFile(relative(loaded.baseDir, abs).split('\\').join('/') || basename(abs), abs, sql, loaded)
}

/** A file outside any layout; the transaction setting comes from config (auto means none). */
function plainFile(path: string, absPath: string, sql: string, loaded: LoadedConfig): MigrationFile {
  const isTx = loaded.config.migrations.transaction === 'always'
  return {
    id: basename(path).replace(/\.sql$/, ''),
    name: basename(path).replace(/\.sql$/, ''),
    path,
    absPath,
    sql,
    raw: sql,
    kind: 'versioned',
    runsInTransaction: isTx,
    transactionReason: isTx ? 'migrations.transaction is "always"' : 'a plain SQL file runs statement by statement unless configured otherwise',
  }
}
