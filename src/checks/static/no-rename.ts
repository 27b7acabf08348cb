import { executedStatements, viaSuffix } from './support/executed-sql.js'
import { defineStaticRule } from '../../engine/define.js'
import { isCreatedBefore } from './support/created-in-pending.js'
import { lockEvidence } from './support/locking.js'
import { quoteIdent, relationOf } from './support/sql-names.js'

const RELATION_KINDS: Readonly<Record<string, string>> = {
  OBJECT_TABLE: 'table',
  OBJECT_VIEW: 'view',
  OBJECT_MATVIEW: 'materialized view',
  OBJECT_FOREIGN_TABLE: 'foreign table',
}

/**
 * Renaming a table, view or column breaks every running instance of the application that still
 * uses the old name the moment the migration commits: deploys are not atomic with migrations.
 * Expand and contract instead (https://www.postgresql.org/docs/current/sql-altertable.html).
 */
export default defineStaticRule({
  id: 'no-rename',
  title: 'Do not rename tables or columns in use',
  category: 'schema',
  severity: 'warning',
  run(ctx) {
    const lock = 'ACCESS EXCLUSIVE'
    // Statements inside DO blocks and called functions rename too.
    for (const ref of executedStatements(ctx, ['RenameStmt', 'AlterObjectSchemaStmt'])) {
      const n = ref.node
      const relation = relationOf(n.relation)
      if (!relation) continue
      let what: string
      let mitigation: string
      if (ref.kind === 'AlterObjectSchemaStmt') {
        const kind = RELATION_KINDS[String(n.objectType)]
        if (!kind || isCreatedBefore(ctx, ref, relation.name)) continue
        what = `Moving ${kind} ${relation.display} to schema ${quoteIdent(String(n.newschema))}`
        mitigation = `Deploy code that uses the new schema-qualified name first, or leave a view under the old name: CREATE VIEW ${relation.display} AS SELECT * FROM ${quoteIdent(String(n.newschema))}.${quoteIdent(String(n.relation.relname))};`
      } else if (n.renameType === 'OBJECT_COLUMN') {
        if (isCreatedBefore(ctx, ref, relation.name, String(n.subname))) continue
        what = `Renaming column ${relation.display}.${quoteIdent(String(n.subname))} to ${quoteIdent(String(n.newname))}`
        mitigation =
          `Expand and contract: add ${quoteIdent(String(n.newname))} as a new column, write both columns from the application, backfill, ` +
          `switch reads to the new column, then drop ${quoteIdent(String(n.subname))} in a later release.`
      } else {
        const kind = RELATION_KINDS[String(n.renameType)]
        if (!kind || isCreatedBefore(ctx, ref, relation.name)) continue
        const schema = quoteIdent(String(n.relation.schemaname ?? 'public'))
        what = `Renaming ${kind} ${relation.display} to ${quoteIdent(String(n.newname))}`
        mitigation =
          `Deploy code that reads both names first, or keep the old name working: rename, then CREATE VIEW ${relation.display} AS SELECT * FROM ${schema}.${quoteIdent(String(n.newname))}; ` +
          '(a simple view is updatable), and drop the view once no code uses it.'
      }
      ctx.report(ref, {
        message: `${what} breaks application code that still uses the old name: its queries fail as soon as the migration commits (it also takes an ${lock} lock on ${relation.display})${viaSuffix(ref)}.`,
        mitigation,
        help: 'Application instances are replaced one by one, so old and new code run against the same schema for a while; only additive changes are safe for both.',
        tables: [relation.key],
        lock,
        evidence: lockEvidence(ctx, lock, [relation.key]),
      })
    }
  },
})
