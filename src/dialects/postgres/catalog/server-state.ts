/**
 * Server-wide state shared by several checks, in one query: recovery (replica or primary) and the
 * settings a migration session would start with. The preflight session SETs its own
 * statement_timeout, lock_timeout, idle_in_transaction_session_timeout and read-only default, so
 * current_setting() would report ours; pg_settings.reset_val is what a fresh session of this login
 * gets (config file, database and role defaults). The migration role's own defaults
 * (ALTER ROLE ... SET) come from pg_db_role_setting, which any login can read.
 */
import type { LiveContext } from '../../../engine/define.js'
import { parseDuration } from '../lock-timeout.js'

/** Settings read for every run; add names here rather than querying elsewhere. */
export const SERVER_SETTINGS = [
  'default_transaction_read_only',
  'idle_in_transaction_session_timeout',
  'lock_timeout',
  'max_prepared_transactions',
  'statement_timeout',
] as const
export type ServerSetting = (typeof SERVER_SETTINGS)[number]

export interface SettingValue {
  /** The value a new session of the preflight login starts with, in the setting's unit. */
  readonly value: string
  readonly unit: string | null
}

export interface ServerState {
  readonly isInRecovery: boolean
  readonly settings: Readonly<Record<ServerSetting, SettingValue | undefined>>
  /** `name=value` defaults for the migration role (role-and-database ones first, then role-wide, then database-wide). */
  readonly roleDefaults: readonly string[]
  /** The role the migration will run as. */
  readonly migrationRole: string
}

const STATE_SQL = `
SELECT pg_is_in_recovery() AS in_recovery,
  (SELECT json_object_agg(name, json_build_object('value', reset_val, 'unit', unit))
     FROM pg_settings WHERE name = ANY($1::text[])) AS settings,
  (SELECT coalesce(json_agg(cfg ORDER BY rank), '[]') FROM (
     SELECT unnest(s.setconfig) AS cfg,
            CASE WHEN s.setrole <> 0 AND s.setdatabase <> 0 THEN 1 WHEN s.setrole <> 0 THEN 2 ELSE 3 END AS rank
       FROM pg_db_role_setting s
      WHERE (s.setrole = 0 OR s.setrole = (SELECT oid FROM pg_roles WHERE rolname = $2))
        AND (s.setdatabase = 0 OR s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database()))
        AND NOT (s.setrole = 0 AND s.setdatabase = 0)) d) AS role_defaults`

interface StateRow extends Record<string, unknown> {
  in_recovery: boolean
  settings: Record<string, SettingValue> | null
  role_defaults: string[]
}

/** The role the migration runs as: target.migrationRole, else the connecting user. */
export function migrationRoleOf(ctx: LiveContext): string {
  return ctx.target.migrationRole ?? ctx.server.currentUser
}

/** Reads the server state once per run. */
export function readServerState(ctx: LiveContext): Promise<ServerState> {
  return ctx.memo('postgres:server-state', async () => {
    const role = migrationRoleOf(ctx)
    const rows = await ctx.db.query<StateRow>(STATE_SQL, [[...SERVER_SETTINGS], role])
    const row = rows[0]!
    const settings = {} as Record<ServerSetting, SettingValue | undefined>
    for (const name of SERVER_SETTINGS) settings[name] = row.settings?.[name]
    return { isInRecovery: row.in_recovery, settings, roleDefaults: row.role_defaults, migrationRole: role }
  })
}

/**
 * The value the migration role's sessions start with: its most specific ALTER ROLE/DATABASE SET
 * default, else what a new session of the preflight login gets.
 */
export function effectiveSetting(state: ServerState, name: ServerSetting): { value: string; unit: string | null; source: 'role' | 'server' } | undefined {
  const prefix = `${name}=`
  const own = state.roleDefaults.find((cfg) => cfg.startsWith(prefix))
  if (own !== undefined) return { value: own.slice(prefix.length), unit: null, source: 'role' }
  const server = state.settings[name]
  return server ? { ...server, source: 'server' } : undefined
}

/** A time setting in milliseconds: "0" -> 0, "5s" -> 5000, ("30", unit "s") -> 30000. */
export function settingMs(setting: { value: string; unit: string | null } | undefined): number | undefined {
  return setting ? parseDuration(setting.value, setting.unit ?? 'ms') : undefined
}
