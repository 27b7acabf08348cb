import { defineStaticRule } from '../../engine/define.js'
import { reportDestructive } from './support/backup-evidence.js'
import { isSchemaCreatedBefore } from './support/created-in-pending.js'
import { executedStatements, viaSuffix } from './support/executed-sql.js'
import { displayName, dropObjectNames } from './support/statement-facts.js'

/**
 * DROP SCHEMA ... CASCADE and DROP DATABASE delete every table and row inside them at once.
 * Only a declared backup or point-in-time recovery counts as evidence: a table copy cannot restore a schema.
 */
export default defineStaticRule({
  id: 'no-drop-schema-or-database',
  title: 'Schemas and databases are not dropped without a backup',
  severity: 'error',
  run(ctx) {
    for (const exec of executedStatements(ctx, ['DropStmt', 'DropdbStmt'])) {
      if (exec.kind === 'DropdbStmt') {
        const db = displayName(String(exec.node.dbname))
        reportDestructive(
          ctx,
          exec,
          {
            message: `DROP DATABASE deletes database ${db} with every schema, table and row in it${viaSuffix(exec)}; it cannot be undone.`,
            mitigation: `Do not drop databases from a migration. If ${db} must go, take a dump (pg_dump -Fc ${db}) and drop it by hand, recording the dump with -- preflight:backup <reference>.`,
            help: 'DROP DATABASE cannot run inside a transaction block and removes the files at once.',
            evidence: { database: exec.node.dbname, ...(exec.via ? { via: exec.via } : {}) },
          },
          { accept: ['directive', 'pitr'] },
        )
        continue
      }
      if (exec.node.removeType !== 'OBJECT_SCHEMA') continue
      const schemas = dropObjectNames(exec.node.objects).filter((s) => !isSchemaCreatedBefore(ctx, exec, s))
      if (schemas.length === 0) continue
      const names = schemas.map(displayName).join(', ')
      const isCascade = exec.node.behavior === 'DROP_CASCADE'
      reportDestructive(
        ctx,
        exec,
        {
          message: isCascade
            ? `DROP SCHEMA ${names} CASCADE deletes every table, view and function in ${schemas.length === 1 ? 'it' : 'them'}, with all rows${viaSuffix(exec)}.`
            : `DROP SCHEMA ${names} removes the schema${viaSuffix(exec)}; it fails while anything is left in it, and once empty its grants and defaults are gone.`,
          mitigation: `Drop or move the schema's objects one by one in reviewed migrations, keeping their data (ALTER TABLE ... SET SCHEMA), or dump it first (pg_dump -n ${schemas[0]}) and record the dump with -- preflight:backup <reference>.`,
          help: 'A schema holds whole applications worth of data; drop it only after its tables were reviewed individually.',
          evidence: { schemas, cascade: isCascade, ...(exec.via ? { via: exec.via } : {}) },
        },
        { accept: ['directive', 'pitr'] },
      )
    }
  },
})
