import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import check from '../../../src/checks/live/mysql-long-transactions.js'
import { createMysqlTestDatabase, describeMysql, type MysqlTestDatabase } from '../../support/mysql.js'
import { runMysqlLiveCheck } from '../../support/mysql-live-context.js'

const describeWithMysql = await describeMysql()

/** Resolves after `ms` milliseconds. */
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** InnoDB refreshes information_schema.innodb_trx at most every 100 ms: wait longer than that after a change. */
const settle = (): Promise<void> => sleep(250)

describeWithMysql('mysql-long-transactions (real server)', () => {
  let db: MysqlTestDatabase
  beforeAll(async () => {
    db = await createMysqlTestDatabase()
    await db.exec('CREATE TABLE orders (id INT PRIMARY KEY, total INT)')
    await db.exec('INSERT INTO orders VALUES (1, 10), (2, 20)')
  })
  afterAll(async () => db?.drop())

  it('passes when no transaction is open', async () => {
    const result = await runMysqlLiveCheck(check, db.url)
    expect(result.status).toBe('pass')
    expect(result.evidence).toMatchObject({ idleInTransaction: [], longTransactions: [] })
  })

  it('sees a long transaction with its thread id, user, host and age, then sees it gone', async () => {
    const holder = await db.connect()
    const [[{ id }]] = (await holder.query('SELECT CONNECTION_ID() AS id')) as unknown as [[{ id: number }]]
    await holder.query('START TRANSACTION')
    await holder.query('UPDATE orders SET total = total + 1 WHERE id = 1')
    await sleep(2200)
    const target = { thresholds: { longTransactionSeconds: 1, idleInTransactionSeconds: 3600 } }
    const seen = await runMysqlLiveCheck(check, db.url, { target })
    expect(seen.status).toBe('warn')
    expect(seen.summary).toContain(`thread ${id} (`)
    expect(seen.mitigation).toContain(`KILL ${id}`)
    const [tx] = (seen.evidence as { longTransactions: Record<string, unknown>[] }).longTransactions
    expect(tx).toMatchObject({ threadId: Number(id), user: expect.any(String), host: expect.stringMatching(/\S/), rowsModified: 1 })
    expect(tx!.ageSeconds as number).toBeGreaterThanOrEqual(2)
    await holder.query('COMMIT')
    await settle()
    const gone = await runMysqlLiveCheck(check, db.url, { target })
    expect(gone.status).toBe('pass')
  })

  it('skips, naming the privilege, when the login lacks PROCESS', async () => {
    const user = `pf_np_${randomBytes(4).toString('hex')}`
    await db.exec(`CREATE USER '${user}'@'%' IDENTIFIED BY 'np-secret'`)
    try {
      await db.exec(`GRANT SELECT ON \`${db.name}\`.* TO '${user}'@'%'`)
      const u = new URL(db.url)
      u.username = user
      u.password = 'np-secret'
      const result = await runMysqlLiveCheck(check, u.toString())
      expect(result).toMatchObject({ status: 'skip', summary: expect.stringContaining('PROCESS privilege') })
    } finally {
      await db.exec(`DROP USER '${user}'@'%'`)
    }
  })

  it('fails on a session idle in a transaction past idleInTransactionSeconds', async () => {
    const holder = await db.connect()
    await holder.query('START TRANSACTION')
    await holder.query('SELECT * FROM orders')
    await sleep(2200)
    const result = await runMysqlLiveCheck(check, db.url, { target: { thresholds: { idleInTransactionSeconds: 1 } } })
    expect(result.status).toBe('fail')
    expect(result.summary).toMatch(/1 session is idle in a transaction: thread \d+ \(.*idle for \d+ s\)/)
    expect(result.summary).toContain('metadata locks')
    await holder.query('ROLLBACK')
    await settle()
  })
})
