/**
 * Short command names for messages ("ALTER TABLE", "CREATE INDEX", "DROP INDEX"), from the
 * statement's node kind and, where the kind is shared, its first keywords.
 */
import type { Statement } from '../../../dialects/postgres/parser.js'

const BY_KIND: Readonly<Record<string, string>> = {
  IndexStmt: 'CREATE INDEX',
  CreateStmt: 'CREATE TABLE',
  CreateTableAsStmt: 'CREATE TABLE AS',
  TruncateStmt: 'TRUNCATE',
  LockStmt: 'LOCK TABLE',
  ReindexStmt: 'REINDEX',
  ClusterStmt: 'CLUSTER',
  RefreshMatViewStmt: 'REFRESH MATERIALIZED VIEW',
  CreateTrigStmt: 'CREATE TRIGGER',
  RuleStmt: 'CREATE RULE',
  CreatePolicyStmt: 'CREATE POLICY',
  AlterPolicyStmt: 'ALTER POLICY',
  VacuumStmt: 'VACUUM',
  InsertStmt: 'INSERT',
  UpdateStmt: 'UPDATE',
  DeleteStmt: 'DELETE',
  MergeStmt: 'MERGE',
}

/** The command as people name it, e.g. "ALTER TABLE" or "DROP INDEX". */
export function commandName(stmt: Pick<Statement, 'kind' | 'node' | 'text'>): string {
  if (stmt.kind === 'VacuumStmt' && !stmt.node.is_vacuumcmd) return 'ANALYZE'
  const known = BY_KIND[stmt.kind]
  if (known) return known
  // ALTER TABLE / ALTER INDEX / DROP TABLE / DROP INDEX...: the first two words say it.
  // The first words are at the start: a long CREATE TABLE's whole text need not be read.
  const words = stmt.text.slice(0, 80).replace(/\s+/g, ' ').trim().split(' ')
  return words.slice(0, 2).join(' ').toUpperCase()
}
