/**
 * What a given role may do to given tables and schemas, read with the privilege inquiry functions
 * (pg_has_role, has_table_privilege, has_schema_privilege, has_database_privilege;
 * https://www.postgresql.org/docs/current/functions-info.html#FUNCTIONS-INFO-ACCESS). They answer
 * for any role, so a read-only monitoring login can verify the migration login's rights. One query
 * for any number of tables and schemas.
 */
import type { LiveContext } from '../../../engine/define.js'
import { CREATION_SCHEMA, type TablePrivilege } from '../privilege-needs.js'
import { tableArrayParams, touchedRelationSql, unqualifiedNames } from './touched.js'

export interface RoleInfo {
  readonly name: string
  readonly isSuperuser: boolean
  readonly inherits: boolean
  readonly canCreateInDatabase: boolean
}

export interface TableRights {
  readonly name: string
  /** "schema.table" as found on the target, which a search_path may make differ from `name`. */
  readonly resolved: string | null
  readonly exists: boolean
  /** pg_class.relkind: r table, p partitioned table, v view, m materialized view, S sequence, i/I index, f foreign table. */
  readonly relkind: string | null
  readonly owner: string | null
  readonly schemaOwner: string | null
  /** The role has the owner's privileges (member with INHERIT, or the owner). */
  readonly actsAsOwner: boolean
  /** The role is a member of the owner, possibly without INHERIT (then it must SET ROLE first). */
  readonly isOwnerMember: boolean
  readonly actsAsSchemaOwner: boolean
  readonly privileges: Readonly<Partial<Record<TablePrivilege, boolean>>>
}

export interface SchemaRights {
  readonly name: string
  /** The schema's name on the target: CREATION_SCHEMA resolves to current_schema(). */
  readonly resolved: string | null
  readonly exists: boolean
  readonly owner: string | null
  readonly canCreate: boolean
}

export interface RoleRights {
  /** Undefined when the role does not exist. */
  readonly role: RoleInfo | undefined
  readonly tables: ReadonlyMap<string, TableRights>
  readonly schemas: ReadonlyMap<string, SchemaRights>
}

/** SQL for a server major: the MAINTAIN privilege exists from PostgreSQL 17 on. */
function rightsSql(major: number): string {
  const privileges: TablePrivilege[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', ...(major >= 17 ? (['MAINTAIN'] as const) : [])]
  const privilegeJson = privileges.map((p) => `'${p}', has_table_privilege(r.oid, c.oid, '${p}')`).join(', ')
  return `
WITH r AS (SELECT oid, rolname, rolsuper, rolinherit FROM pg_roles WHERE rolname = $1),
t AS (${touchedRelationSql(2)})
SELECT
  (SELECT json_build_object('name', r.rolname, 'isSuperuser', r.rolsuper, 'inherits', r.rolinherit,
      'canCreateInDatabase', has_database_privilege(r.oid, current_database(), 'CREATE')) FROM r) AS role,
  (SELECT coalesce(json_agg(json_build_object(
      'name', t.name, 'resolved', n.nspname || '.' || c.relname, 'exists', c.oid IS NOT NULL, 'relkind', c.relkind, 'owner', o.rolname, 'schemaOwner', so.rolname,
      'actsAsOwner', coalesce(pg_has_role(r.oid, c.relowner, 'USAGE'), false),
      'isOwnerMember', coalesce(pg_has_role(r.oid, c.relowner, 'MEMBER'), false),
      'actsAsSchemaOwner', coalesce(pg_has_role(r.oid, n.nspowner, 'USAGE'), false),
      'privileges', CASE WHEN c.oid IS NULL THEN '{}'::json ELSE json_build_object(${privilegeJson}) END)), '[]')
     FROM t CROSS JOIN r
     LEFT JOIN pg_class c ON c.oid = t.oid
     LEFT JOIN pg_roles o ON o.oid = c.relowner
     LEFT JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_roles so ON so.oid = n.nspowner) AS tables,
  (SELECT coalesce(json_agg(json_build_object(
      'name', x.name, 'resolved', n.nspname, 'exists', n.oid IS NOT NULL, 'owner', so.rolname,
      'canCreate', coalesce(has_schema_privilege(r.oid, n.oid, 'CREATE'), false))), '[]')
     FROM unnest($6::text[]) AS x(name) CROSS JOIN r
     LEFT JOIN pg_namespace n ON n.nspname = CASE WHEN x.name = '${CREATION_SCHEMA}' THEN current_schema() ELSE x.name END
     LEFT JOIN pg_roles so ON so.oid = n.nspowner) AS schemas`
}

interface RightsRow extends Record<string, unknown> {
  role: RoleInfo | null
  tables: TableRights[]
  schemas: SchemaRights[]
}

/** Reads the rights of `role` on the tables and schemas, once per run and role. */
export function readRoleRights(ctx: LiveContext, role: string, tables: readonly string[], schemas: readonly string[]): Promise<RoleRights> {
  return ctx.memo(`postgres:rights:${role}`, async () => {
    const rows = await ctx.db.query<RightsRow>(rightsSql(Math.floor(ctx.server.major)), [role, ...tableArrayParams(tables, unqualifiedNames(ctx.pending, Math.floor(ctx.server.major))), [...new Set(schemas)]])
    const row = rows[0]!
    return {
      role: row.role ?? undefined,
      tables: new Map(row.tables.map((t) => [t.name, t])),
      schemas: new Map(row.schemas.map((s) => [s.name, s])),
    }
  })
}

const RELKIND_WORDS: Readonly<Record<string, string>> = {
  r: 'table',
  p: 'table',
  v: 'view',
  m: 'materialized view',
  S: 'sequence',
  i: 'index',
  I: 'index',
  f: 'foreign table',
}

/** "table", "view", ... for messages, as PostgreSQL's own "must be owner of table x". */
export function relkindWord(relkind: string | null): string {
  return (relkind && RELKIND_WORDS[relkind]) ?? 'relation'
}
