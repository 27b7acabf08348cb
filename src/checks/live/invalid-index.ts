import { defineLiveCheck } from '../../engine/define.js'
import { schemaIssuesOutcome } from './support/schema-issues.js'

/**
 * A failed CREATE INDEX CONCURRENTLY leaves an index with indisvalid = false: the planner ignores
 * it, constraints cannot adopt it (ADD CONSTRAINT ... USING INDEX), foreign keys and ON CONFLICT
 * do not see it, and CREATE INDEX IF NOT EXISTS skips the rebuild. Reports pending statements
 * that rely on such an index. https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY
 */
export default defineLiveCheck({
  id: 'invalid-index',
  title: 'Indexes the migration relies on are valid',
  category: 'schema',
  severity: 'error',
  run: (ctx) =>
    schemaIssuesOutcome(ctx, ['invalid-index'], {
      passed: 'no statement relies on an invalid index',
      mitigation: 'Fix what made the index build fail (duplicates for a unique index), then rebuild it (REINDEX INDEX CONCURRENTLY, or drop and create it again) before running the migration.',
    }),
})
