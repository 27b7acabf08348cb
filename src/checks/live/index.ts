/**
 * Every live check, registered once, sorted by id. Connectivity is run by the engine first.
 * Each is guarded: a target that refuses a catalog read (no privilege, a timeout, a missing
 * catalog object) yields a skip or warning with the reason instead of an error (support/guard.ts).
 */
import type { LiveCheck } from '../../engine/define.js'
import { guardCheck } from './support/guard.js'
import appliedMigrationInDiff from './applied-migration-in-diff.js'
import autovacuumOnTouchedTables from './autovacuum-on-touched-tables.js'
import blockingChains from './blocking-chains.js'
import blockingLocks from './blocking-locks.js'
import columnLimit from './column-limit.js'
import connectionHeadroom from './connection-headroom.js'
import connectivity from './connectivity.js'
import dirtyMigrations from './dirty-migrations.js'
import diskSpace from './disk-space.js'
import driverAndRuntime from './driver-and-runtime.js'
import editedAppliedMigrations from './edited-applied-migrations.js'
import extensionsAvailable from './extensions-available.js'
import foreignKeyTarget from './foreign-key-target.js'
import invalidIndex from './invalid-index.js'
import lockQueueSafety from './lock-queue-safety.js'
import longRunningQueries from './long-running-queries.js'
import longTransactions from './long-transactions.js'
import maintenanceWindow from './maintenance-window.js'
import migrationHistory from './migration-history.js'
import migrationRolePrivileges from './migration-role-privileges.js'
import missingMigrationFiles from './missing-migration-files.js'
import mysqlLongTransactions from './mysql-long-transactions.js'
import mysqlMetadataLocks from './mysql-metadata-locks.js'
import outOfOrderMigrations from './out-of-order-migrations.js'
import pointInTimeRecovery from './point-in-time-recovery.js'
import preparedTransactions from './prepared-transactions.js'
import replicationHealth from './replication-health.js'
import schemaCompatibility from './schema-compatibility.js'
import schemaDrift from './schema-drift.js'
import sequenceExhaustion from './sequence-exhaustion.js'
import serverVersion from './server-version.js'
import sqlFeaturesSupported from './sql-features-supported.js'
import statementTimeout from './statement-timeout.js'
import targetIsPrimary from './target-is-primary.js'
import typeChangeCast from './type-change-cast.js'
import xidWraparound from './xid-wraparound.js'

export const liveChecks: readonly LiveCheck[] = [
  appliedMigrationInDiff,
  autovacuumOnTouchedTables,
  blockingChains,
  blockingLocks,
  columnLimit,
  connectionHeadroom,
  connectivity,
  dirtyMigrations,
  diskSpace,
  driverAndRuntime,
  editedAppliedMigrations,
  extensionsAvailable,
  foreignKeyTarget,
  invalidIndex,
  lockQueueSafety,
  longRunningQueries,
  longTransactions,
  maintenanceWindow,
  migrationHistory,
  migrationRolePrivileges,
  missingMigrationFiles,
  mysqlLongTransactions,
  mysqlMetadataLocks,
  outOfOrderMigrations,
  pointInTimeRecovery,
  preparedTransactions,
  replicationHealth,
  schemaCompatibility,
  schemaDrift,
  sequenceExhaustion,
  serverVersion,
  sqlFeaturesSupported,
  statementTimeout,
  targetIsPrimary,
  typeChangeCast,
  xidWraparound,
].map(guardCheck)
