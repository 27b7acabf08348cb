import { defineLiveCheck } from '../../engine/define.js'
import { schemaIssuesOutcome } from './support/schema-issues.js'

/**
 * ALTER COLUMN ... TYPE without USING converts values with an assignment cast; when pg_cast has
 * none between the column's current type (read from the target) and the new one, the statement
 * fails ("column cannot be cast automatically"). https://www.postgresql.org/docs/current/sql-altertable.html
 */
export default defineLiveCheck({
  id: 'type-change-cast',
  title: 'Column type changes have a cast',
  category: 'schema',
  severity: 'error',
  run: (ctx) =>
    schemaIssuesOutcome(ctx, ['cast'], {
      passed: 'every column type change without USING has an assignment cast from the current type',
      mitigation: 'Add a USING clause that converts the old values (USING col::newtype), after checking every value converts.',
    }),
})
