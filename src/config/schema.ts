/**
 * The one configuration schema (migrations.config.yaml). Types are derived with z.infer;
 * cross-field rules live in superRefine with a human message.
 */
import { z } from 'zod'
import { DAYS, DIALECTS, LAYOUTS, TLS_MODES, dialectOfUrl } from './constants.js'

export { DAYS, DIALECTS, LAYOUTS, TLS_MODES, type Dialect, type LayoutName } from './constants.js'

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM, e.g. "02:30"')
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
const positiveInt = z.number().int().positive()
const severityOverride = z.enum(['off', 'info', 'warning', 'error'])

export const thresholdsSchema = z.strictObject({
  /** Transactions open longer than this hold locks and hold back vacuum. */
  longTransactionSeconds: positiveInt.default(300),
  idleInTransactionSeconds: positiveInt.default(60),
  longQuerySeconds: positiveInt.default(60),
  /** Tables above these sizes turn blocking findings from warnings into failures. */
  largeTableRows: positiveInt.default(100_000),
  largeTableBytes: positiveInt.default(1024 ** 3),
  /** Sequences and identity columns past this share of their range fail. */
  sequenceUsedRatio: z.number().gt(0).lte(1).default(0.75),
  /** Transaction ID age past this share of 2^31 fails. */
  xidAgeRatio: z.number().gt(0).lte(1).default(0.5),
  minFreeConnections: z.number().int().nonnegative().default(5),
  replicationLagSeconds: positiveInt.default(60),
  slotRetainedBytes: positiveInt.default(10 * 1024 ** 3),
})
export type Thresholds = z.infer<typeof thresholdsSchema>

const windowSchema = z.strictObject({
  days: z.array(z.enum(DAYS)).min(1),
  start: clock,
  end: clock,
  timezone: z.string().min(1).default('UTC'),
})

const freezeSchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  reason: z.string().optional(),
})

export const targetSchema = z
  .strictObject({
    /** Unset: what the URL's scheme says (mysql://, mariadb://), else postgres. */
    dialect: z.enum(DIALECTS).optional(),
    /** Connection URL; use `${env:NAME}` so the secret stays out of the file. */
    url: z.string().optional(),
    tls: z
      .strictObject({
        mode: z.enum(TLS_MODES).default('prefer'),
        ca: z.string().optional(),
      })
      .default({ mode: 'prefer' }),
    connectTimeoutMs: positiveInt.default(5000),
    statementTimeoutMs: positiveInt.default(5000),
    lockTimeoutMs: positiveInt.default(1000),
    /** The role that will run the migration, when it is not the connecting user. */
    migrationRole: z.string().optional(),
    minServerVersion: z.union([z.number(), z.string()]).optional(),
    /** Extension version constraints, e.g. { postgis: ">=3.3" }. */
    requires: z.record(z.string(), z.string()).default({}),
    thresholds: thresholdsSchema.default(thresholdsSchema.parse({})),
    capacity: z
      .strictObject({
        quotaBytes: positiveInt.optional(),
        /** Local path of the data directory, when the server runs on this host. */
        dataDirectory: z.string().optional(),
      })
      .default({}),
    maintenanceWindows: z.array(windowSchema).default([]),
    freezes: z.array(freezeSchema).default([]),
    enforceWindow: z.boolean().default(false),
    schemaSnapshot: z.string().optional(),
    /** Accept point-in-time recovery seen on the target as backup evidence for destructive statements. */
    acceptPitrAsBackup: z.boolean().default(false),
    /** Check ids an operator may accept interactively or with --assume-yes. */
    acceptable: z.array(z.string()).optional(),
  })
  .superRefine((target, ctx) => {
    for (const [i, w] of target.maintenanceWindows.entries()) {
      if (w.start === w.end) {
        ctx.addIssue({
          code: 'custom',
          path: ['maintenanceWindows', i, 'end'],
          message: 'a window must end at a different time than it starts (use 00:00 to 00:00 of the next day as two windows)',
        })
      }
      if (!isTimeZone(w.timezone)) {
        ctx.addIssue({
          code: 'custom',
          path: ['maintenanceWindows', i, 'timezone'],
          message: `an IANA time zone such as "Europe/Lisbon" or "UTC", not "${w.timezone}"`,
        })
      }
    }
    for (const [i, f] of target.freezes.entries()) {
      if (f.from > f.to) {
        ctx.addIssue({ code: 'custom', path: ['freezes', i, 'to'], message: `a date on or after "from" (${f.from})` })
      }
    }
  })
  // A mysql:// or mariadb:// URL names its database: no need to say dialect: mysql as well. A URL
  // given on the command line instead (--database-url, the action's input) decides it again.
  .transform(({ dialect, ...target }) => ({ ...target, dialect: dialect ?? dialectOfUrl(target.url), ...(dialect ? {} : { isDialectFromUrl: true as const }) }))

export type TargetConfig = z.infer<typeof targetSchema>

export const ruleOverrideSchema = z.union([
  severityOverride,
  z.strictObject({ severity: severityOverride.optional(), options: z.record(z.string(), z.unknown()).optional() }),
])
export type RuleOverride = z.infer<typeof ruleOverrideSchema>

export const configSchema = z.strictObject({
  version: z.literal(1).default(1),
  migrations: z
    .strictObject({
      path: z.string().min(1).default('migrations'),
      layout: z.enum(LAYOUTS).optional(),
      /** Whether the migration tool wraps each file in a transaction; `auto` takes the layout's behaviour. */
      transaction: z.enum(['auto', 'always', 'never']).default('auto'),
      /** For the plain layout: a history table holding applied file names. */
      historyTable: z.string().optional(),
      /** Values the migration tool puts in place of `${name}` and psql's `:name` before running a file (src/sources/placeholders.ts). */
      placeholders: z
        .record(
          z.string().regex(/^[A-Za-z_][A-Za-z0-9_.:-]*$/, 'a placeholder name of letters, digits, "_", ".", ":" or "-", not starting with a digit'),
          z.string().regex(/^[^\r\n]*$/, 'a value on one line (line numbers in findings must stay those of the file)'),
        )
        .default({}),
    })
    .default({ path: 'migrations', transaction: 'auto', placeholders: {} }),
  /**
   * Dialect of the migrations when no target is given (`migrations lint`); a target's own dialect
   * wins. Unset: what the migrations folder declares (Prisma's migration_lock.toml), else postgres.
   */
  dialect: z.enum(DIALECTS).optional(),
  /** PostgreSQL major version assumed by static analysis when no target is connected. */
  postgresVersion: z.number().int().min(9).max(30).optional(),
  targets: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a target name of letters, digits, ".", "_" or "-"'), targetSchema).default({}),
  rules: z.record(z.string(), ruleOverrideSchema).default({}),
})
export type PreflightConfig = z.infer<typeof configSchema>

/** True when Intl knows the time zone. */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
