/**
 * `migrations init`: writes a commented starter config for the layout found in this project.
 */
import { existsSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { UsageError } from '../../engine/errors.js'
import { detectLayout } from '../../sources/layouts/index.js'

/** Folders where migration tools keep their files, most specific first. */
const CANDIDATE_FOLDERS = [
  'supabase/migrations',
  'prisma/migrations',
  'drizzle',
  'db/migrations',
  'database/migrations',
  'migrations',
  'src/main/resources/db/migration',
  'src/main/resources/db/changelog',
  'db/changelog',
  'db/migrate',
  'deploy',
  'sql',
] as const

/** Writes migrations.config.yaml in `cwd`; returns the message to print. */
export async function initConfig(cwd: string, options: { force?: boolean }): Promise<string> {
  const file = join(cwd, 'migrations.config.yaml')
  if (existsSync(file) && !options.force) {
    throw new UsageError(`${file} already exists.`, 'Edit it, or run `migrations init --force` to overwrite it.')
  }
  let found: { path: string; layout: string; reason: string } | undefined
  for (const folder of CANDIDATE_FOLDERS) {
    const dir = join(cwd, folder)
    if (!existsSync(dir)) continue
    const detection = await detectLayout(dir)
    if (detection) {
      found = { path: folder, layout: detection.layout.name, reason: detection.reason }
      break
    }
  }
  writeFileSync(file, starterConfig(found))
  const where = relative(process.cwd(), file) || file
  return found
    ? `Wrote ${where} for ${found.layout} migrations in ${found.path} (${found.reason}).\nSet PROD_DATABASE_URL and run: migrations preflight --target prod`
    : `Wrote ${where}. No migrations folder was recognised: set migrations.path and migrations.layout in it.`
}

/** The commented starter config. */
function starterConfig(found: { path: string; layout: string } | undefined): string {
  return `# Migrations Preflight configuration. Every key is documented in the README ("Configuration").
version: 1

migrations:
  # Folder of migration files, relative to this file.
  path: ${found?.path ?? 'migrations'}
  # plain | flyway | golang-migrate | dbmate | goose | prisma | drizzle | diesel | supabase | sqlx | atlas | liquibase | sqitch (detected when absent)
  ${found ? `layout: ${found.layout}` : '# layout: plain'}

# PostgreSQL major version that static analysis assumes when no target is connected (lint).
# postgresVersion: 15

targets:
  prod:
    dialect: postgres
    # Never write the password here: the URL comes from the environment (a CI secret).
    url: \${env:PROD_DATABASE_URL}
    tls:
      mode: verify-full        # disable | prefer | require | verify-ca | verify-full
    connectTimeoutMs: 5000
    # migrationRole: app_migrator   # the role that runs migrations, if not the connecting user
    # minServerVersion: 14
    thresholds:
      longTransactionSeconds: 300
      idleInTransactionSeconds: 60
    # capacity:
    #   quotaBytes: 107374182400   # allocated storage of a managed database
    # maintenanceWindows:
    #   - { days: [sat, sun], start: "02:00", end: "05:00", timezone: Europe/Lisbon }
    # enforceWindow: true

# Per-rule overrides: off | info | warning | error
rules: {}
`
}
