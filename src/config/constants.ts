/**
 * The config's fixed sets, apart from the zod schema (schema.ts re-exports them), so modules on
 * the lint path can name layouts and dialects without loading zod (issue 4: lint start-up).
 */
export const DIALECTS = ['postgres', 'mysql'] as const
export type Dialect = (typeof DIALECTS)[number]

/** The dialect a connection URL's scheme names: mysql:// and mariadb:// (also with a driver suffix, mysql+tcp://) are MySQL. */
export function dialectOfUrl(url: string | undefined): Dialect {
  return /^(mysql|mariadb)(\+[a-z0-9]+)?:\/\//i.test(url?.trim() ?? '') ? 'mysql' : 'postgres'
}

export const LAYOUTS = [
  'plain',
  'flyway',
  'golang-migrate',
  'dbmate',
  'goose',
  'prisma',
  'drizzle',
  'diesel',
  'supabase',
  'sqlx',
  'atlas',
  'liquibase',
  'sqitch',
] as const
export type LayoutName = (typeof LAYOUTS)[number]

export const TLS_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full'] as const
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
