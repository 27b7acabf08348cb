import { defineLiveCheck } from '../../engine/define.js'
import { schemaIssuesOutcome } from './support/schema-issues.js'

/**
 * A foreign key needs a unique constraint (a valid, non-partial unique index) on exactly the
 * referenced columns, and key columns of comparable types; the same type avoids overflow and
 * cross-type comparisons. Types and indexes are read from the target.
 * https://www.postgresql.org/docs/current/ddl-constraints.html#DDL-CONSTRAINTS-FK
 */
export default defineLiveCheck({
  id: 'foreign-key-target',
  title: 'Foreign keys reference a unique key of the same type',
  category: 'schema',
  severity: 'error',
  run: (ctx) =>
    schemaIssuesOutcome(ctx, ['foreign-key'], {
      passed: 'every foreign key references a unique key whose columns have the same types',
      mitigation: 'Reference a primary key or unique constraint, and declare the referencing columns with the referenced columns\' types.',
    }),
})
