import { defineStaticRule, type StatementRef } from '../../engine/define.js'
import { relationName } from '../../dialects/postgres/locks.js'
import { createdKey, isDroppedIfExistsBefore } from './support/rerun.js'
import { displayName, lockFields } from './support/statement-facts.js'
import { isRerunSafe } from './support/transactions.js'
import type { AstNode } from './support/ast.js'

/** What a CREATE statement makes and whether it can say IF NOT EXISTS. */
interface Creation {
  readonly what: string
  readonly isIdempotent: boolean
  /** CREATE TYPE and CREATE DOMAIN have no IF NOT EXISTS. */
  readonly hasIfNotExists: boolean
}

/**
 * A migration that fails half-way outside a transaction is run again from the top; a CREATE
 * without IF NOT EXISTS then fails on the object the first run made. CREATE TYPE has no IF NOT
 * EXISTS: wrapped in a DO block that handles duplicate_object it is accepted (SQL inside DO
 * bodies is not checked by this rule). Files that run in a transaction roll back as a whole and
 * are not checked.
 */
export default defineStaticRule({
  id: 'require-if-not-exists',
  title: 'CREATE statements can run twice',
  severity: 'warning',
  run(ctx) {
    for (const ref of ctx.statements()) {
      const creation = creationOf(ref)
      if (!creation || creation.isIdempotent || isRerunSafe(ctx, ref)) continue
      const key = createdKey(ref.stmt)
      if (key && isDroppedIfExistsBefore(ref, key)) continue
      const unnamedIndex = ref.stmt.kind === 'IndexStmt' && !ref.stmt.node.idxname
      const concurrentIndex = ref.stmt.kind === 'IndexStmt' && ref.stmt.node.concurrent === true
      ctx.report(ref, {
        message: unnamedIndex
          ? `CREATE INDEX without a name on ${displayName(relationName(ref.stmt.node.relation) ?? '')}: if the migration is re-run after a failure, it builds a second, duplicate index.`
          : `CREATE ${creation.what} fails with "already exists" if the migration is re-run after failing half-way.`,
        mitigation: unnamedIndex
          ? 'Name the index and add IF NOT EXISTS: CREATE INDEX IF NOT EXISTS <table>_<column>_idx ON ...'
          : concurrentIndex
            ? // A failed concurrent build leaves an INVALID index of that name, which IF NOT EXISTS would keep as it is.
              `Drop a leftover first: DROP INDEX CONCURRENTLY IF EXISTS ${displayName(String(ref.stmt.node.idxname))}; then CREATE INDEX CONCURRENTLY re-runs cleanly. IF NOT EXISTS alone also re-runs, but keeps the INVALID index a failed build leaves behind.`
            : creation.hasIfNotExists
              ? `Write CREATE ${creation.what.split(' ')[0]} IF NOT EXISTS ..., or run the file in a transaction.`
            : `Wrap it in a DO block that ignores the duplicate: DO $$ BEGIN CREATE ${creation.what} ...; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`,
        help: 'Migrations outside a transaction (CREATE INDEX CONCURRENTLY, some tools by default) are re-run from the top after a failure; each statement must succeed when its object already exists.',
        evidence: { statement: ref.stmt.kind },
        ...lockFields(ctx, ref.stmt.kind, ref.stmt.node),
      })
    }
  },
})

/** Describes the object a CREATE statement makes; undefined for statements this rule does not cover. */
function creationOf(ref: StatementRef): Creation | undefined {
  const n = ref.stmt.node
  const named = (what: string, name: string | undefined, isIdempotent: boolean, hasIfNotExists = true): Creation => ({
    what: `${what} ${displayName(name ?? '')}`.trim(),
    isIdempotent,
    hasIfNotExists,
  })
  const joined = (parts: readonly AstNode[] | undefined): string => (parts ?? []).map((p) => p?.String?.sval).join('.')
  switch (ref.stmt.kind) {
    case 'CreateStmt':
      // A temporary table vanishes with the session, so a re-run creates it afresh.
      return named('TABLE', relationName(n.relation), Boolean(n.if_not_exists) || n.relation?.relpersistence === 't')
    case 'CreateTableAsStmt':
      return named(n.objtype === 'OBJECT_MATVIEW' ? 'MATERIALIZED VIEW' : 'TABLE', relationName(n.into?.rel), Boolean(n.if_not_exists) || n.into?.rel?.relpersistence === 't')
    case 'IndexStmt':
      return named('INDEX', n.idxname, Boolean(n.if_not_exists))
    case 'CreateSchemaStmt':
      return named('SCHEMA', n.schemaname ?? n.authrole?.rolename, Boolean(n.if_not_exists))
    case 'CreateSeqStmt':
      return named('SEQUENCE', relationName(n.sequence), Boolean(n.if_not_exists) || n.sequence?.relpersistence === 't')
    case 'CreateExtensionStmt':
      return named('EXTENSION', n.extname, Boolean(n.if_not_exists))
    case 'CreateEnumStmt':
    case 'CreateRangeStmt':
      return named('TYPE', joined(n.typeName), false, false)
    case 'CompositeTypeStmt':
      return named('TYPE', relationName(n.typevar), false, false)
    case 'DefineStmt':
      return n.kind === 'OBJECT_TYPE' ? named('TYPE', joined(n.defnames), false, false) : undefined
    case 'CreateDomainStmt':
      return named('DOMAIN', joined(n.domainname), false, false)
    default:
      return undefined
  }
}
