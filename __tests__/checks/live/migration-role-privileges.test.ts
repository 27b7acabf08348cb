import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import check from '../../../src/checks/live/migration-role-privileges.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'
import { adminExec, uniqueName, urlAs } from './support/sessions.js'

describe('migration-role-privileges', () => {
  let db: TestDatabase
  const owner = uniqueName('pf_owner')
  const migrator = uniqueName('pf_migrator')
  const monitor = uniqueName('pf_monitor')
  const appMonitor = uniqueName('pf_appmon')
  const password = 'monitor-pw'
  beforeAll(async () => {
    db = await createTestDatabase()
    await adminExec(`CREATE ROLE ${owner} NOLOGIN; CREATE ROLE ${migrator} NOLOGIN; CREATE ROLE ${monitor} LOGIN PASSWORD '${password}'`)
    await db.exec(`CREATE TABLE orders (id int PRIMARY KEY, customer_id int); ALTER TABLE orders OWNER TO ${owner}`)
    await db.exec(`CREATE TABLE customers (id int PRIMARY KEY); ALTER TABLE customers OWNER TO ${owner}`)
    await db.exec(`CREATE SCHEMA app AUTHORIZATION ${owner}`)
    // A login whose search_path puts app first: unqualified names resolve there, and CREATE puts objects there.
    await adminExec(`CREATE ROLE ${appMonitor} LOGIN PASSWORD '${password}'; ALTER ROLE ${appMonitor} SET search_path = app, public`)
    await db.exec(`GRANT USAGE ON SCHEMA app TO ${appMonitor}; CREATE TABLE app.invoices (id int); ALTER TABLE app.invoices OWNER TO ${owner}`)
  })
  afterAll(async () => {
    await db.drop()
    await adminExec(`DROP ROLE IF EXISTS ${monitor}; DROP ROLE IF EXISTS ${appMonitor}; DROP ROLE IF EXISTS ${migrator}; DROP ROLE IF EXISTS ${owner}`)
  })

  const pending = [
    [
      'ALTER TABLE orders ADD COLUMN status text;',
      'INSERT INTO customers VALUES (1);',
      'CREATE TABLE app.audit (id int);',
      'CREATE TABLE audit_new (id int);',
      'ALTER TABLE audit_new ADD COLUMN at timestamptz;',
      'CREATE EXTENSION IF NOT EXISTS pg_trgm;',
    ].join('\n'),
  ]

  it('fails per statement when the migration role does not own the table, seen from a read-only monitoring login', async () => {
    const monitorUrl = urlAs(db.url, monitor, password)
    const result = await runLiveCheck(check, monitorUrl, { pending, target: { migrationRole: migrator } })
    expect(result.status).toBe('fail')
    const lines = result.findings.map((f) => `${f.line}:${f.col} ${f.message}`)
    expect(lines[0]).toBe(
      `1:1 ALTER TABLE at pending/001.sql:1:1: ${migrator} must be owner of table public.orders (owned by ${owner}); PostgreSQL will refuse the statement with SQLSTATE 42501.`,
    )
    expect(lines[1]).toBe(`2:1 INSERT at pending/001.sql:2:1: ${migrator} needs INSERT on table public.customers and has none of it.`)
    expect(lines[2]).toBe(`3:1 CREATE TABLE at pending/001.sql:3:1: ${migrator} needs CREATE on schema app (owned by ${owner}) to create objects there.`)
    // Since PostgreSQL 15 only the database owner may create in public; earlier majors grant it to everyone.
    const publicCreate = lines.filter((l) => l.startsWith('4:1 ') && l.includes('CREATE on schema public'))
    const major = Number((await db.exec('SHOW server_version_num')).rows[0].server_version_num.slice(0, -4))
    expect(publicCreate).toHaveLength(major >= 15 ? 1 : 0)
    // The table the pending set creates needs nothing more.
    expect(lines.some((l) => l.startsWith('5:1 '))).toBe(false)
    expect(lines.find((l) => l.startsWith('6:1 '))).toBe(
      `6:1 CREATE EXTENSION at pending/001.sql:6:1: pg_trgm is a trusted extension, but ${migrator} lacks CREATE on the database, which creating it requires.`,
    )
    expect(result.findings[0]).toMatchObject({ tables: ['public.orders'], evidence: { role: migrator, table: 'public.orders', owner, member: false } })
    expect(result.findings[0]!.mitigation).toBe(`Run the migration as ${owner}, or GRANT ${owner} TO ${migrator}, or ALTER TABLE public.orders OWNER TO ${migrator}.`)
  })

  it('follows the search_path: an unqualified CREATE needs CREATE on its first schema, an unqualified ALTER names the table it finds', async () => {
    const result = await runLiveCheck(check, urlAs(db.url, appMonitor, password), {
      pending: ['CREATE TABLE audit_app (id int);\nALTER TABLE invoices ADD COLUMN total numeric;'],
      target: { migrationRole: migrator },
    })
    expect(result.status).toBe('fail')
    expect(result.findings.map((f) => f.message)).toEqual([
      `CREATE TABLE at pending/001.sql:1:1: ${migrator} needs CREATE on schema app (owned by ${owner}) to create objects there.`,
      `ALTER TABLE at pending/001.sql:2:1: ${migrator} must be owner of table app.invoices (owned by ${owner}); PostgreSQL will refuse the statement with SQLSTATE 42501.`,
    ])
  })

  it('passes once the migration role is a member of the owner and has the grants', async () => {
    await adminExec(`GRANT ${owner} TO ${migrator}`)
    await db.exec(`GRANT CREATE ON SCHEMA public TO ${migrator}; GRANT CREATE ON DATABASE ${db.name} TO ${migrator}`)
    const result = await runLiveCheck(check, urlAs(db.url, monitor, password), { pending, target: { migrationRole: migrator } })
    expect(result.status).toBe('pass')
    expect(result.summary).toBe(`${migrator} owns or may use everything the 5 pending statements need.`)
  })

  it('says SET ROLE when the role is a member of the owner without INHERIT', async () => {
    // PostgreSQL 16 made inheritance a property of each grant; before, it was the member role's.
    const major = Number((await db.exec('SHOW server_version_num')).rows[0].server_version_num.slice(0, -4))
    const [noInherit, inherit, fix] =
      major >= 16
        ? [`REVOKE ${owner} FROM ${migrator}; GRANT ${owner} TO ${migrator} WITH INHERIT FALSE`, `REVOKE ${owner} FROM ${migrator}; GRANT ${owner} TO ${migrator}`, `GRANT ${owner} TO ${migrator} WITH INHERIT TRUE`]
        : [`ALTER ROLE ${migrator} NOINHERIT`, `ALTER ROLE ${migrator} INHERIT`, `ALTER ROLE ${migrator} INHERIT`]
    await adminExec(noInherit)
    try {
      const result = await runLiveCheck(check, db.url, { pending: ['ALTER TABLE orders ADD COLUMN status text;'], target: { migrationRole: migrator } })
      expect(result.status).toBe('fail')
      expect(result.findings[0]!.message).toMatch(/is a member of the owner .* but does not inherit its privileges \(NOINHERIT\)/)
      expect(result.findings[0]!.mitigation).toBe(`Start the migration with SET ROLE ${owner}, or ${fix}.`)
    } finally {
      await adminExec(inherit)
    }
  })

  it('fails clearly for a role that does not exist, and passes for a superuser', async () => {
    const missing = await runLiveCheck(check, db.url, { pending, target: { migrationRole: 'pf_nobody_here' } })
    expect(missing.status).toBe('fail')
    expect(missing.summary).toBe('Role pf_nobody_here does not exist on the target: the migration cannot log in or SET ROLE to it.')
    const superuser = await runLiveCheck(check, db.url, { pending })
    expect(superuser.status).toBe('pass')
    expect(superuser.summary).toBe('postgres is a superuser: it may run every pending statement.')
  })
})
