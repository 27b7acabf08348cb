/**
 * Every static rule, registered once, sorted by id. `npm run new:check` adds to this list.
 */
import type { StaticRule } from '../../engine/define.js'
import addColumnNotNullWithoutDefault from './add-column-not-null-without-default.js'
import addColumnRewritesTable from './add-column-rewrites-table.js'
import columnTypeChangeRewrites from './column-type-change-rewrites.js'
import concurrentlyInTransaction from './concurrently-in-transaction.js'
import constraintMissingNotValid from './constraint-missing-not-valid.js'
import dynamicSqlNotAnalysed from './dynamic-sql-not-analysed.js'
import enumAddValueInTransaction from './enum-add-value-in-transaction.js'
import identifierTooLong from './identifier-too-long.js'
import invalidDirective from './invalid-directive.js'
import mysqlAlterWithoutOnlineDdl from './mysql-alter-without-online-ddl.js'
import mysqlDdlNotTransactional from './mysql-ddl-not-transactional.js'
import mysqlNoDropColumn from './mysql-no-drop-column.js'
import mysqlNoDropTable from './mysql-no-drop-table.js'
import mysqlNoTruncate from './mysql-no-truncate.js'
import mysqlRequireLockWaitTimeout from './mysql-require-lock-wait-timeout.js'
import mysqlStatementNotAnalysed from './mysql-statement-not-analysed.js'
import mysqlUnqualifiedDeleteUpdate from './mysql-unqualified-delete-update.js'
import noCharType from './no-char-type.js'
import noDropCascade from './no-drop-cascade.js'
import noDropColumn from './no-drop-column.js'
import noDropSchemaOrDatabase from './no-drop-schema-or-database.js'
import noDropTable from './no-drop-table.js'
import noNarrowingTypeChange from './no-narrowing-type-change.js'
import noRename from './no-rename.js'
import noTransactionControlInWrappedFile from './no-transaction-control-in-wrapped-file.js'
import noTruncate from './no-truncate.js'
import noUnqualifiedDeleteUpdate from './no-unqualified-delete-update.js'
import noVacuumFullOrCluster from './no-vacuum-full-or-cluster.js'
import oneAccessExclusivePerTransaction from './one-access-exclusive-per-transaction.js'
import preferBigintPrimaryKey from './prefer-bigint-primary-key.js'
import preferTimestamptz from './prefer-timestamptz.js'
import requireAddColumnIfNotExists from './require-add-column-if-not-exists.js'
import requireConcurrentDropIndex from './require-concurrent-drop-index.js'
import requireConcurrentIndex from './require-concurrent-index.js'
import requireConcurrentRefresh from './require-concurrent-refresh.js'
import requireConcurrentReindex from './require-concurrent-reindex.js'
import requireIfExistsOnDrop from './require-if-exists-on-drop.js'
import requireIfNotExists from './require-if-not-exists.js'
import requireLockTimeout from './require-lock-timeout.js'
import requireOnConflictForSeed from './require-on-conflict-for-seed.js'
import requireOrReplace from './require-or-replace.js'
import requireUniqueUsingIndex from './require-unique-using-index.js'
import setNotNullScansTable from './set-not-null-scans-table.js'
import setTablespaceOrLogged from './set-tablespace-or-logged.js'
import syntaxError from './syntax-error.js'
import targetVersionSyntax from './target-version-syntax.js'

export const staticRules: readonly StaticRule[] = [
  addColumnNotNullWithoutDefault,
  addColumnRewritesTable,
  columnTypeChangeRewrites,
  concurrentlyInTransaction,
  constraintMissingNotValid,
  dynamicSqlNotAnalysed,
  enumAddValueInTransaction,
  identifierTooLong,
  invalidDirective,
  mysqlAlterWithoutOnlineDdl,
  mysqlDdlNotTransactional,
  mysqlNoDropColumn,
  mysqlNoDropTable,
  mysqlNoTruncate,
  mysqlRequireLockWaitTimeout,
  mysqlStatementNotAnalysed,
  mysqlUnqualifiedDeleteUpdate,
  noCharType,
  noDropCascade,
  noDropColumn,
  noDropSchemaOrDatabase,
  noDropTable,
  noNarrowingTypeChange,
  noRename,
  noTransactionControlInWrappedFile,
  noTruncate,
  noUnqualifiedDeleteUpdate,
  noVacuumFullOrCluster,
  oneAccessExclusivePerTransaction,
  preferBigintPrimaryKey,
  preferTimestamptz,
  requireAddColumnIfNotExists,
  requireConcurrentDropIndex,
  requireConcurrentIndex,
  requireConcurrentRefresh,
  requireConcurrentReindex,
  requireIfExistsOnDrop,
  requireIfNotExists,
  requireLockTimeout,
  requireOnConflictForSeed,
  requireOrReplace,
  requireUniqueUsingIndex,
  setNotNullScansTable,
  setTablespaceOrLogged,
  syntaxError,
  targetVersionSyntax,
]
