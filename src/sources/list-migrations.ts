/**
 * Lists the migrations of the configured folder: with the configured layout, or the detected one.
 */
import path from 'node:path'
import { LAYOUTS, type Dialect, type LayoutName } from '../config/constants.js'
import { ConfigError } from '../engine/errors.js'
import { createTextReader, isFolder, toProjectPath, type TransactionOption } from './files.js'
import type { Layout, MigrationFile, TextReader } from './layout.js'
import { detectLayout, getLayout } from './layouts/index.js'
import { plainLayout } from './layouts/plain.js'

export interface ListMigrationsInput {
  /** The migrations folder (`migrations.path`), absolute or relative to `projectRoot`. */
  readonly dir: string
  /** The configuration file's directory; MigrationFile.path is relative to it. */
  readonly projectRoot: string
  /** `migrations.layout`; detected from the folder when absent. */
  readonly layout?: LayoutName
  readonly transaction: TransactionOption
  /** `migrations.historyTable`, used by the plain layout. */
  readonly historyTable?: string
}

export interface MigrationListing {
  readonly layout: Layout
  /** False when the configuration named the layout. */
  readonly detected: boolean
  /** Why this layout: what detection saw, or that the configuration set it. */
  readonly reason: string
  /** Migrations in the order the tool applies them. */
  readonly files: MigrationFile[]
  /** The database the folder says its migrations are for (Prisma's migration_lock.toml), if it says. */
  readonly declared?: { readonly dialect: Dialect; readonly source: string }
}

/** Resolves the layout for `dir` and lists its migrations in the order the tool applies them. */
export async function listMigrations(input: ListMigrationsInput): Promise<MigrationListing> {
  const dir = path.resolve(input.projectRoot, input.dir)
  if (!(await isFolder(dir))) {
    throw new ConfigError(
      `The migrations folder ${dir} does not exist (migrations.path is "${input.dir}", relative to ${input.projectRoot}).`,
      'Create the folder, or set migrations.path in the configuration to the folder that holds your migrations.',
    )
  }
  // Detection may read the files (dbmate's marker): the listing reuses what it read.
  const read = createTextReader()
  const chosen = input.layout
    ? { layout: getLayout(input.layout, input.historyTable), detected: false, reason: `migrations.layout is "${input.layout}" in the configuration` }
    : await detect(dir, input, read)
  const files = await chosen.layout.list(dir, input.projectRoot, { transaction: input.transaction, read })
  const declared = await chosen.layout.declaredDialect?.(dir)
  return { ...chosen, files, ...(declared ? { declared } : {}) }
}

/** Detects the layout of `dir`, or throws a ConfigError naming the layouts to choose from. */
async function detect(dir: string, input: ListMigrationsInput, read: TextReader): Promise<Omit<MigrationListing, 'files'>> {
  const found = await detectLayout(dir, read)
  if (!found) {
    throw new ConfigError(
      `Could not tell which migration tool owns ${toProjectPath(input.projectRoot, dir) || '.'}: it holds no .sql migrations in a known layout.`,
      `Set migrations.layout in the configuration to one of ${LAYOUTS.join(', ')}, or point migrations.path at the folder with the .sql files.`,
    )
  }
  // Detection returns the plain layout without a table; the configuration may name one.
  const layout = found.layout.name === 'plain' && input.historyTable ? plainLayout(input.historyTable) : found.layout
  return { layout, detected: true, reason: found.reason }
}
