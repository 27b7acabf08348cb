/**
 * The layout registry and detection. Detection tries the most distinctive markers first, so a
 * folder that several layouts could read (every layout holds .sql files) gets the specific one.
 */
import type { LayoutName } from '../../config/schema.js'
import { InternalError } from '../../engine/errors.js'
import type { Layout, TextReader } from '../layout.js'
import { readText } from '../files.js'
import { atlas, findAtlasMarker } from './atlas.js'
import { dbmate, findDbmateMarker } from './dbmate.js'
import { diesel, findDieselMarker } from './diesel.js'
import { drizzle, findDrizzleMarker } from './drizzle.js'
import { findFlywayMarker, flyway } from './flyway.js'
import { findGolangMigrateMarker, golangMigrate } from './golang-migrate.js'
import { findGooseMarker, goose } from './goose.js'
import { findLiquibaseMarker, liquibase } from './liquibase.js'
import { findPlainMarker, plain, plainLayout } from './plain.js'
import { findPrismaMarker, prisma } from './prisma.js'
import { findSqitchMarker, sqitch } from './sqitch.js'
import { findSqlxMarker, sqlx } from './sqlx.js'
import { findSupabaseMarker, supabase } from './supabase.js'

/** Every layout, sorted by name. */
export const LAYOUT_REGISTRY: readonly Layout[] = [atlas, dbmate, diesel, drizzle, flyway, golangMigrate, goose, liquibase, plain, prisma, sqitch, sqlx, supabase]

/** A layout with the function that says what marks a folder as that layout. */
interface Detector {
  readonly layout: Layout
  readonly findMarker: (dir: string, read: TextReader) => Promise<string | undefined>
}

/**
 * Detection order: a journal, integrity or plan file (Drizzle's, Atlas's atlas.sum, sqitch.plan), then folder shapes (Prisma's migration.sql before Diesel's
 * up.sql), then a Cargo.toml using sqlx (its file names look like golang-migrate's), then Liquibase's formatted SQL header
 * (its files are often named like Flyway's), then file-name patterns, then file contents, then the Supabase path, then any .sql.
 */
const DETECTORS: readonly Detector[] = [
  { layout: drizzle, findMarker: findDrizzleMarker },
  { layout: atlas, findMarker: findAtlasMarker },
  { layout: sqitch, findMarker: findSqitchMarker },
  { layout: prisma, findMarker: findPrismaMarker },
  { layout: diesel, findMarker: findDieselMarker },
  { layout: sqlx, findMarker: findSqlxMarker },
  // A formatted SQL header wins over file names: Liquibase files are often named like Flyway's.
  { layout: liquibase, findMarker: findLiquibaseMarker },
  { layout: flyway, findMarker: findFlywayMarker },
  { layout: golangMigrate, findMarker: findGolangMigrateMarker },
  { layout: dbmate, findMarker: findDbmateMarker },
  { layout: goose, findMarker: findGooseMarker },
  { layout: supabase, findMarker: findSupabaseMarker },
  { layout: plain, findMarker: findPlainMarker },
]

/** The order detectLayout tries layouts in. */
export const DETECTION_ORDER: readonly LayoutName[] = DETECTORS.map((d) => d.layout.name)

/** What detection found and why. */
export interface Detection {
  readonly layout: Layout
  /** What was seen, e.g. "found meta/_journal.json". */
  readonly reason: string
}

/** Finds the first layout whose marker is in `dir`, or undefined when none matches; files are read with `read`. */
export async function detectLayout(dir: string, read: TextReader = readText): Promise<Detection | undefined> {
  for (const { layout, findMarker } of DETECTORS) {
    const reason = await findMarker(dir, read)
    if (reason !== undefined) return { layout, reason }
  }
  return undefined
}

/** Returns the layout with this name; `historyTable` (migrations.historyTable) only applies to plain. */
export function getLayout(name: LayoutName, historyTable?: string): Layout {
  if (name === 'plain') return plainLayout(historyTable)
  const layout = LAYOUT_REGISTRY.find((l) => l.name === name)
  // LayoutName is a closed union and the registry covers it (a test checks), so this is a bug.
  if (!layout) throw new InternalError(`No layout is registered under "${name}".`)
  return layout
}
