/**
 * Every live check id, sorted: what `migrations lint` needs to know about the live checks (to
 * validate --only, --skip and directives) without loading them and the catalog queries they
 * import (issue 4: lint start-up). A test keeps this list equal to the registry in index.ts;
 * `npm run new:check` adds to both.
 */
export const LIVE_CHECK_IDS = [
  'applied-migration-in-diff',
  'autovacuum-on-touched-tables',
  'blocking-chains',
  'blocking-locks',
  'column-limit',
  'connection-headroom',
  'connectivity',
  'dirty-migrations',
  'disk-space',
  'driver-and-runtime',
  'edited-applied-migrations',
  'extensions-available',
  'foreign-key-target',
  'invalid-index',
  'lock-queue-safety',
  'long-running-queries',
  'long-transactions',
  'maintenance-window',
  'migration-history',
  'migration-role-privileges',
  'missing-migration-files',
  'mysql-long-transactions',
  'mysql-metadata-locks',
  'out-of-order-migrations',
  'point-in-time-recovery',
  'prepared-transactions',
  'replication-health',
  'schema-compatibility',
  'schema-drift',
  'sequence-exhaustion',
  'server-version',
  'sql-features-supported',
  'statement-timeout',
  'target-is-primary',
  'type-change-cast',
  'xid-wraparound',
] as const
