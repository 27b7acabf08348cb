import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { targetSchema } from '../../../src/config/schema.js'
import { ConnectError } from '../../../src/dialects/connect-error.js'
import { parseMysqlUrl } from '../../../src/dialects/mysql/connection-url.js'
import { isMariaDbVersion } from '../../../src/dialects/mysql/server-info.js'
import { openMysqlSession, type MysqlSession } from '../../../src/dialects/mysql/session.js'
import { silentLog } from '../../../src/engine/log.js'
import { findFreePort } from '../../../src/testing/embedded-postgres.js'
import { createMysqlTestDatabase, describeMysql, withMysqlDatabase, type MysqlTestDatabase } from '../../support/mysql.js'
import { openMysqlTestSession } from '../../support/mysql-live-context.js'

const describeWithMysql = await describeMysql()

/** Connects to `url` and returns the ConnectError it fails with. */
async function failureOf(url: string, target: Record<string, unknown> = {}): Promise<ConnectError> {
  const config = targetSchema.parse({ dialect: 'mysql', connectTimeoutMs: 3000, ...target })
  try {
    const session = await openMysqlSession(parseMysqlUrl(url, config.tls, '/'), config, silentLog)
    await session.close()
  } catch (error) {
    expect(error).toBeInstanceOf(ConnectError)
    return error as ConnectError
  }
  throw new Error(`connecting to ${url} succeeded`)
}

/** The URL with another user and password. */
function withUser(url: string, user: string, password: string): string {
  const u = new URL(url)
  u.username = user
  u.password = password
  return u.toString()
}

describeWithMysql('MySQL read-only session (real server)', () => {
  let db: MysqlTestDatabase
  let session: MysqlSession
  let isMariaDb: boolean
  const user = `pf_${randomBytes(4).toString('hex')}`
  const password = `pw-${randomBytes(6).toString('hex')}`

  beforeAll(async () => {
    db = await createMysqlTestDatabase()
    await db.exec('CREATE TABLE t (id INT PRIMARY KEY, a INT)')
    await db.exec('INSERT INTO t VALUES (1, 1)')
    session = await openMysqlTestSession(db.url)
    isMariaDb = isMariaDbVersion(session.info.version)
    if (isMariaDb) await db.exec('CREATE SEQUENCE s')
    await db.exec(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`)
    await db.exec(`GRANT SELECT ON \`${db.name}\`.* TO '${user}'@'%'`)
  })
  afterAll(async () => {
    await session?.close()
    await db?.exec(`DROP USER IF EXISTS '${user}'@'%'`).catch(() => undefined)
    await db?.drop()
  })

  it('reads the server facts once at connection', () => {
    const { info } = session
    expect(info.version).toMatch(/^\d+\.\d+\.\d+(-MariaDB)?$/)
    const [maj, min, patch] = info.version.split(/[.-]/).map(Number)
    expect(info.versionNum).toBe(maj! * 10000 + min! * 100 + patch!)
    expect(info.major).toBe(maj)
    expect(info.database).toBe(db.name)
    expect(info.currentUser).toMatch(/@/)
    expect(info.host).toBe(new URL(db.url).hostname)
    expect(info.port).toBe(Number(new URL(db.url).port || 3306))
    expect(session.dialect).toBe('mysql')
  })

  it('runs every transaction READ ONLY with short lock and statement limits', async () => {
    const readOnly = isMariaDb ? '@@session.tx_read_only' : '@@session.transaction_read_only'
    const limit = isMariaDb ? '@@session.max_statement_time' : '@@session.max_execution_time'
    const [row] = await session.query(`SELECT ${readOnly} AS ro, @@session.lock_wait_timeout AS lwt, @@session.innodb_lock_wait_timeout AS ilwt, ${limit} AS lim`)
    expect(Number(row!.ro)).toBe(1)
    expect(Number(row!.lwt)).toBe(1)
    expect(Number(row!.ilwt)).toBe(1)
    expect(Number(row!.lim)).toBe(isMariaDb ? 5 : 5000)
  })

  it('refuses a non-read before it reaches the server', async () => {
    for (const sql of ['DELETE FROM t', 'UPDATE t SET a = 2', '/* hi */ INSERT INTO t VALUES (2, 2)', "SELECT * FROM t INTO OUTFILE '/tmp/pf-out'", '/*!50000 DELETE FROM t */', 'EXPLAIN ANALYZE SELECT 1']) {
      await expect(session.query(sql)).rejects.toThrow(/refused to run a non-read statement/)
    }
    expect(await db.exec('SELECT COUNT(*) AS n FROM t')).toEqual([{ n: 1 }])
  })

  it('is refused by the server too when a write looks like a read (SQLSTATE 25006, READ ONLY transaction)', async () => {
    // MariaDB's NEXTVAL writes the sequence; MySQL 8 accepts WITH ... UPDATE.
    const write = isMariaDb ? 'SELECT NEXTVAL(s) AS n' : 'WITH c AS (SELECT 1 AS x) UPDATE t SET a = 2'
    await expect(session.query(write)).rejects.toMatchObject({ errno: 1792, sqlState: '25006' })
    expect(await db.exec('SELECT a FROM t')).toEqual([{ a: 1 }])
  })

  it('gives up on a metadata lock after lock_wait_timeout instead of queueing', async () => {
    const holder = await db.connect()
    await holder.query('LOCK TABLES t WRITE')
    const started = performance.now()
    await expect(session.query('SELECT * FROM t')).rejects.toMatchObject({ errno: 1205 })
    expect(performance.now() - started).toBeLessThan(4000)
    await holder.query('UNLOCK TABLES')
  })

  it('classifies a refused port', async () => {
    const port = await findFreePort()
    const error = await failureOf(`mysql://root@127.0.0.1:${port}/${db.name}`)
    expect(error.failure).toBe('refused')
    expect(error.message).toContain(`127.0.0.1:${port}`)
  })

  it('classifies a wrong password without ever printing it', async () => {
    const wrong = `${password}-wrong`
    const error = await failureOf(withUser(db.url, user, wrong))
    expect(error.failure).toBe('authentication')
    expect(error.message).toContain(user)
    expect(error.message).toMatch(/ER_ACCESS_DENIED_ERROR 1045/)
    for (const text of [error.message, error.mitigation, error.detail ?? '']) {
      expect(text).not.toContain(wrong)
      expect(text).not.toContain(password)
    }
    // The right password works, and the session is just as read-only for this user.
    const ok = await openMysqlTestSession(withUser(db.url, user, password))
    expect(ok.info.currentUser).toMatch(new RegExp(`^${user}@`))
    await ok.close()
  })

  it('classifies a missing database', async () => {
    const error = await failureOf(withMysqlDatabase(db.url, `${db.name}_missing`))
    expect(error.failure).toBe('database-missing')
    expect(error.message).toContain(`${db.name}_missing`)
  })

  it('falls back to clear text under tls.mode prefer, and fails under require, when the server has no TLS', async () => {
    const [row] = await session.query<{ ssl: string }>("SHOW VARIABLES LIKE 'have_ssl'")
    const hasTls = Object.values(row ?? {}).includes('YES')
    const preferred = await openMysqlTestSession(db.url, targetSchema.parse({ dialect: 'mysql', tls: { mode: 'prefer' } }))
    expect(preferred.tls).toBe(hasTls)
    await preferred.close()
    if (hasTls) {
      const required = await openMysqlTestSession(db.url, targetSchema.parse({ dialect: 'mysql', tls: { mode: 'require' } }))
      expect(required.tls).toBe(true)
      await required.close()
    } else {
      const error = await failureOf(db.url, { tls: { mode: 'require' } })
      expect(error.failure).toBe('tls')
      expect(error.message).toContain('does not support TLS')
    }
  })
})
