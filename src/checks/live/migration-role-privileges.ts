import { defineLiveCheck, outcome, type FindingInput, type ReportTarget, type StatementRef } from '../../engine/define.js'
import { readExtensions, type ExtensionInfo } from '../../dialects/postgres/catalog/extensions.js'
import { readRoleRights, relkindWord, type RoleInfo, type RoleRights } from '../../dialects/postgres/catalog/privileges.js'
import { migrationRoleOf } from '../../dialects/postgres/catalog/server-state.js'
import { namedObjects, pendingNeeds, type Need } from '../../dialects/postgres/privilege-needs.js'
import { describeStatement } from './support/pending-locks.js'

/**
 * The role that will run the migration (target.migrationRole, else the connecting user) may do
 * what each pending statement does: own (or inherit the owner of) every table it alters or drops,
 * hold the table privileges DML and triggers need, have CREATE on the schemas it creates in, and
 * be allowed to create its extensions (superuser, or a trusted extension and CREATE on the
 * database, PostgreSQL 13+). Otherwise PostgreSQL refuses the statement with SQLSTATE 42501
 * part-way through the migration.
 */
export default defineLiveCheck({
  id: 'migration-role-privileges',
  title: 'The migration role may run every pending statement',
  category: 'privileges',
  severity: 'error',
  async run(ctx) {
    const role = migrationRoleOf(ctx)
    const all = pendingNeeds(ctx.pending)
    if (all.length === 0) return outcome.pass(`No pending statement needs ownership or privileges beyond what ${role} gets by creating objects.`, { role })
    const { tables, schemas } = namedObjects(all)
    const wantsExtensions = all.some((s) => s.needs.some((n) => n.kind === 'extension'))
    const [rights, extensions] = await Promise.all([readRoleRights(ctx, role, tables, schemas), wantsExtensions ? readExtensions(ctx) : Promise.resolve(new Map<string, ExtensionInfo>())])
    if (!rights.role) {
      return outcome.fail(
        `Role ${role} does not exist on the target: the migration cannot log in or SET ROLE to it.`,
        `Check targets.${ctx.targetName}.migrationRole (or the user in the URL), or create the role. See runbook/migration-role-privileges.md.`,
        { role, statements: all.length },
      )
    }
    if (rights.role.isSuperuser) {
      return outcome.pass(`${role} is a superuser: it may run every pending statement.`, { role, superuser: true, statements: all.length })
    }
    const findings: (FindingInput & { at?: ReportTarget })[] = []
    for (const { ref, needs } of all) {
      for (const need of needs) {
        const problem = checkNeed(need, ref, rights.role, rights, extensions, ctx.server.major)
        if (problem) findings.push({ ...problem, at: ref })
      }
    }
    const evidence = {
      role,
      superuser: false,
      inherits: rights.role.inherits,
      canCreateInDatabase: rights.role.canCreateInDatabase,
      statementsChecked: all.length,
      tables: [...rights.tables.values()].filter((t) => t.exists).map((t) => ({ table: t.name, owner: t.owner, actsAsOwner: t.actsAsOwner })),
    }
    if (findings.length === 0) {
      return outcome.pass(`${role} owns or may use everything the ${all.length} pending statement${all.length === 1 ? '' : 's'} need.`, evidence)
    }
    return {
      status: 'fail',
      summary: `${role} lacks rights for ${findings.length} pending statement${findings.length === 1 ? '' : 's'}: ${findings[0]!.message}${findings.length > 1 ? ' (and more, see findings)' : ''}`,
      mitigation: `Run the migration as the owning role, or grant ${role} what the findings name. See runbook/migration-role-privileges.md.`,
      evidence,
      findings,
    }
  },
})

/** Why `role` cannot satisfy one need of a statement, or undefined when it can (or the object is missing, which other checks report). */
function checkNeed(need: Need, ref: StatementRef, role: RoleInfo, rights: RoleRights, extensions: ReadonlyMap<string, ExtensionInfo>, major: number): FindingInput | undefined {
  const what = describeStatement(ref)
  switch (need.kind) {
    case 'owner': {
      const t = rights.tables.get(need.table)
      if (!t?.exists || t.actsAsOwner) return undefined
      const name = t.resolved ?? need.table
      if (need.orSchemaOwner && t.actsAsSchemaOwner) return undefined
      if (need.orMaintain && t.privileges.MAINTAIN) return undefined
      const object = `${relkindWord(t.relkind)} ${name}`
      if (t.isOwnerMember) {
        // From PostgreSQL 16 inheritance is a property of each membership grant, before it was the role's.
        const inherit = major >= 16 ? `GRANT ${t.owner} TO ${role.name} WITH INHERIT TRUE` : `ALTER ROLE ${role.name} INHERIT`
        return {
          message: `${what}: ${role.name} must be owner of ${object}; it is a member of the owner ${t.owner} but does not inherit its privileges (NOINHERIT).`,
          mitigation: `Start the migration with SET ROLE ${t.owner}, or ${inherit}.`,
          evidence: { role: role.name, table: need.table, owner: t.owner, member: true, inherits: false },
          tables: [need.table],
        }
      }
      return {
        message: `${what}: ${role.name} must be owner of ${object} (owned by ${t.owner}); PostgreSQL will refuse the statement with SQLSTATE 42501.`,
        mitigation: `Run the migration as ${t.owner}, or GRANT ${t.owner} TO ${role.name}, or ALTER ${relkindWord(t.relkind).toUpperCase()} ${name} OWNER TO ${role.name}${need.orMaintain && major >= 17 ? `, or GRANT MAINTAIN ON ${name} TO ${role.name}` : ''}.`,
        evidence: { role: role.name, table: need.table, owner: t.owner, member: false },
        tables: [need.table],
      }
    }
    case 'table-privilege': {
      const t = rights.tables.get(need.table)
      if (!t?.exists || need.anyOf.some((p) => t.privileges[p])) return undefined
      const name = t.resolved ?? need.table
      const available = need.anyOf.filter((p) => p !== 'MAINTAIN' || major >= 17)
      return {
        message: `${what}: ${role.name} needs ${available.join(' or ')} on ${relkindWord(t.relkind)} ${name} and has none of ${available.length === 1 ? 'it' : 'them'}.`,
        mitigation: `GRANT ${available[0]} ON ${name} TO ${role.name} (as ${t.owner}), or run the migration as ${t.owner}.`,
        evidence: { role: role.name, table: need.table, needed: available, owner: t.owner },
        tables: [need.table],
      }
    }
    case 'schema-create': {
      const s = rights.schemas.get(need.schema)
      if (!s?.exists || s.canCreate) return undefined
      const schema = s.resolved ?? need.schema
      return {
        message: `${what}: ${role.name} needs CREATE on schema ${schema} (owned by ${s.owner}) to create objects there.`,
        mitigation: `GRANT CREATE ON SCHEMA ${schema} TO ${role.name} (as ${s.owner}), or create the object in a schema ${role.name} may use.`,
        evidence: { role: role.name, schema, owner: s.owner },
      }
    }
    case 'database-create':
      if (role.canCreateInDatabase) return undefined
      return {
        message: `${what}: ${role.name} needs CREATE on the database to create a schema.`,
        mitigation: `GRANT CREATE ON DATABASE <database> TO ${role.name}, or create the schema ahead of time as its owner.`,
        evidence: { role: role.name, canCreateInDatabase: false },
      }
    case 'extension':
      return extensionProblem(need, what, role, extensions.get(need.name), major)
  }
}

/** Why `role` cannot create an extension, or undefined. */
function extensionProblem(need: Extract<Need, { kind: 'extension' }>, what: string, role: RoleInfo, e: ExtensionInfo | undefined, major: number): FindingInput | undefined {
  // Missing packages are extensions-available's to report; an installed one with IF NOT EXISTS does nothing.
  if (!e?.isAvailable || (e.installedVersion && need.ifNotExists)) return undefined
  if (!e.needsSuperuser) return undefined
  if (e.isTrusted && role.canCreateInDatabase) return undefined
  const evidence = { role: role.name, extension: need.name, trusted: e.isTrusted, canCreateInDatabase: role.canCreateInDatabase, serverMajor: major }
  if (e.isTrusted) {
    return {
      message: `${what}: ${need.name} is a trusted extension, but ${role.name} lacks CREATE on the database, which creating it requires.`,
      mitigation: `GRANT CREATE ON DATABASE <database> TO ${role.name}, or have the database owner create the extension first.`,
      evidence,
    }
  }
  return {
    message: `${what}: creating ${need.name} needs a superuser (${major >= 13 ? 'it is not marked trusted' : 'trusted extensions need PostgreSQL 13+'}), and ${role.name} is not one.`,
    mitigation: `Have a superuser (or your provider's admin role) run CREATE EXTENSION ${need.name} before the migration, and write CREATE EXTENSION IF NOT EXISTS in the migration.`,
    evidence,
  }
}
