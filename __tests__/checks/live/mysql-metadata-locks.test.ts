import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type mysql from 'mysql2/promise'
import check from '../../../src/checks/live/mysql-metadata-locks.js'
import { createMysqlTestDatabase, describeMysql, type MysqlTestDatabase } from '../../support/mysql.js'
import { runMysqlLiveCheck } from '../../support/mysql-live-context.js'

const describeWithMysql = await describeMysql()

/** Resolves after `ms` milliseconds. */
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** InnoDB refreshes information_schema.innodb_trx at most every 100 ms: wait longer than that after a change. */
const settle = (): Promise<void> => sleep(250)

const ALTER = 'ALTER TABLE orders ADD COLUMN note VARCHAR(20) NULL, ALGORITHM=INSTANT;'

/** Opens a transaction on a new connection that reads `orders` and stays open (holding a shared metadata lock). */
async function openReader(db: MysqlTestDatabase): Promise<mysql.Connection> {
  const reader = await db.connect()
  await reader.query('START TRANSACTION')
  await reader.query('SELECT * FROM orders')
  await settle()
  return reader
}

/** Waits until some session is queued for a metadata lock. */
async function untilWaiting(db: MysqlTestDatabase): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const rows = (await db.exec("SELECT ID FROM information_schema.processlist WHERE STATE LIKE 'Waiting for table metadata lock%'")) as unknown[]
    if (rows.length > 0) return
    await sleep(100)
  }
  throw new Error('no session waits for a metadata lock')
}

describeWithMysql('mysql-metadata-locks (real server)', () => {
  let db: MysqlTestDatabase
  beforeAll(async () => {
    db = await createMysqlTestDatabase()
    await db.exec('CREATE TABLE orders (id INT PRIMARY KEY, total INT)')
    await db.exec('INSERT INTO orders VALUES (1, 10)')
  })
  afterAll(async () => db?.drop())

  it('skips without pending DDL on an existing table (row changes, or DDL on tables the set creates)', async () => {
    expect((await runMysqlLiveCheck(check, db.url, { pending: ['UPDATE orders SET total = 1 WHERE id = 1;'] })).status).toBe('skip')
    const created = await runMysqlLiveCheck(check, db.url, { pending: ['CREATE TABLE notes (id INT);\nALTER TABLE notes ADD COLUMN body TEXT;'] })
    expect(created.status).toBe('skip')
    // A table the pending DDL names but that is not on the target yet (created by an applied-later file).
    const missing = await runMysqlLiveCheck(check, db.url, { pending: ['ALTER TABLE notes ADD COLUMN body TEXT;'] })
    expect(missing.status).toBe('pass')
  })

  it('passes when nobody holds or waits for a lock on the altered table', async () => {
    const result = await runMysqlLiveCheck(check, db.url, { pending: [ALTER] })
    expect(result.status).toBe('pass')
    expect(result.summary).toContain(`${db.name}.orders`)
  })

  describe('without performance_schema or the METADATA_LOCK_INFO plugin (inferred from open transactions)', () => {
    let source = ''
    beforeAll(async () => {
      const [row] = (await db.exec(
        "SELECT @@performance_schema AS ps, (SELECT COUNT(*) FROM information_schema.plugins WHERE plugin_name = 'METADATA_LOCK_INFO' AND plugin_status = 'ACTIVE') AS plugin",
      )) as { ps: number; plugin: number }[]
      source = Number(row!.ps) === 1 || Number(row!.plugin) > 0 ? 'exact' : 'inferred'
    })

    it('sees a transaction that read the table as a holder, then sees it gone', async () => {
      const reader = await openReader(db)
      const [[{ id }]] = (await reader.query('SELECT CONNECTION_ID() AS id')) as unknown as [[{ id: number }]]
      const seen = await runMysqlLiveCheck(check, db.url, { pending: [ALTER] })
      if (source === 'inferred') {
        expect(seen.status).toBe('warn')
        expect(seen.summary).toMatch(new RegExp(`may hold metadata locks on ${db.name}\\.orders: thread ${id} \\(`))
      } else {
        expect(seen.status).toBe('fail')
        expect(seen.findings[0]!.message).toMatch(new RegExp(`Thread ${id} .* metadata lock on ${db.name}\\.orders`))
      }
      expect(seen.mitigation).toContain('lock_wait_timeout')
      await reader.query('COMMIT')
      await settle()
      expect((await runMysqlLiveCheck(check, db.url, { pending: [ALTER] })).status).toBe('pass')
    })

    it('fails when a session already waits for a metadata lock on the table', async () => {
      const reader = await openReader(db)
      const alterer = await db.connect()
      await alterer.query('SET SESSION lock_wait_timeout = 30')
      const queued = alterer.query('ALTER TABLE orders ADD COLUMN other INT NULL').catch((error: unknown) => error)
      await untilWaiting(db)
      const result = await runMysqlLiveCheck(check, db.url, { pending: [ALTER] })
      expect(result.status).toBe('fail')
      expect(result.summary).toMatch(/waiting for a metadata lock|waits for a .* metadata lock/)
      await reader.query('COMMIT')
      expect(await queued).not.toBeInstanceOf(Error)
      await db.exec('ALTER TABLE orders DROP COLUMN other')
      await settle()
    })
  })

  describe('with MariaDB\'s METADATA_LOCK_INFO plugin (exact holders)', () => {
    let installedHere = false
    let isAvailable = false
    beforeAll(async () => {
      const rows = (await db.exec("SELECT PLUGIN_STATUS AS status FROM information_schema.ALL_PLUGINS WHERE PLUGIN_NAME = 'METADATA_LOCK_INFO'").catch(() => [])) as { status: string }[]
      isAvailable = rows.length > 0
      if (isAvailable && rows[0]!.status !== 'ACTIVE') {
        await db.exec("INSTALL SONAME 'metadata_lock_info'")
        installedHere = true
      }
    })
    afterAll(async () => {
      if (installedHere) await db.exec("UNINSTALL SONAME 'metadata_lock_info'")
    })

    it('names the thread holding a metadata lock on the altered table (MariaDB), or reads performance_schema (MySQL)', async () => {
      const reader = await openReader(db)
      const [[{ id }]] = (await reader.query('SELECT CONNECTION_ID() AS id')) as unknown as [[{ id: number }]]
      await sleep(1100)
      const result = await runMysqlLiveCheck(check, db.url, { pending: [`SELECT 1;\n${ALTER}`] })
      await reader.query('COMMIT')
      await settle()
      if (!isAvailable) {
        // MySQL has no such plugin; its performance_schema answers exactly (or inference warns).
        expect(['fail', 'warn']).toContain(result.status)
        return
      }
      expect(result.status).toBe('fail')
      expect(result.evidence).toMatchObject({ source: 'information_schema.METADATA_LOCK_INFO' })
      const [finding] = result.findings
      expect(finding).toMatchObject({ file: 'pending/001.sql', line: 2, col: 1, severity: 'error', tables: [`${db.name}.orders`] })
      expect(finding!.message).toMatch(new RegExp(`^Thread ${id} \\(.*idle for \\d+ s\\) holds a .* metadata lock on ${db.name}\\.orders`))
    })
  })
})
