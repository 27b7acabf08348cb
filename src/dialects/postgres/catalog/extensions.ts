/**
 * Extensions the pending SQL creates or the config requires, as the server knows them: whether its
 * package is installed on the host (pg_available_extensions), the versions it offers, what this
 * database has installed, and whether a non-superuser may create it (trusted, PostgreSQL 13+).
 * One query for any number of names.
 */
import type { LiveContext } from '../../../engine/define.js'

export interface ExtensionInfo {
  readonly name: string
  readonly isAvailable: boolean
  readonly defaultVersion: string | null
  readonly installedVersion: string | null
  /** Versions the server can install. */
  readonly versions: readonly string[]
  /** The default version may be created by non-superusers with CREATE on the database. */
  readonly isTrusted: boolean
  /** The default version needs a superuser (false for extensions marked superuser = false). */
  readonly needsSuperuser: boolean
}

/** SQL for the given server major: `trusted` exists from PostgreSQL 13 on. */
function extensionsSql(major: number): string {
  const trusted = major >= 13 ? 'coalesce(v.trusted, false)' : 'false'
  return `
SELECT x.name, a.name IS NOT NULL AS available, a.default_version, a.installed_version,
       ${trusted} AS trusted, coalesce(v.superuser, true) AS superuser,
       coalesce((SELECT array_agg(av.version ORDER BY av.version) FROM pg_available_extension_versions av WHERE av.name = x.name), '{}') AS versions
  FROM unnest($1::text[]) AS x(name)
  LEFT JOIN pg_available_extensions a ON a.name = x.name
  LEFT JOIN pg_available_extension_versions v ON v.name = x.name AND v.version = a.default_version`
}

interface ExtensionRow extends Record<string, unknown> {
  name: string
  available: boolean
  default_version: string | null
  installed_version: string | null
  trusted: boolean
  superuser: boolean
  versions: string[]
}

/** Extension names created by pending statements or required by config, in first-seen order. */
export function wantedExtensions(ctx: LiveContext): string[] {
  const names = new Set<string>()
  for (const file of ctx.pending) {
    for (const stmt of file.parsed.statements) {
      if (stmt.kind === 'CreateExtensionStmt' && typeof stmt.node.extname === 'string') names.add(stmt.node.extname)
    }
  }
  for (const name of Object.keys(ctx.target.requires)) names.add(name)
  return [...names]
}

/** Reads the wanted extensions once per run (shared by extensions-available and migration-role-privileges). */
export function readExtensions(ctx: LiveContext): Promise<ReadonlyMap<string, ExtensionInfo>> {
  return ctx.memo('postgres:extensions', async () => {
    const names = wantedExtensions(ctx)
    if (names.length === 0) return new Map()
    const rows = await ctx.db.query<ExtensionRow>(extensionsSql(Math.floor(ctx.server.major)), [names])
    return new Map(
      rows.map((r) => [
        r.name,
        {
          name: r.name,
          isAvailable: r.available,
          defaultVersion: r.default_version,
          installedVersion: r.installed_version,
          versions: r.versions,
          isTrusted: r.trusted,
          needsSuperuser: r.superuser,
        },
      ]),
    )
  })
}
