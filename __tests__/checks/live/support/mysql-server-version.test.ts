import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import serverVersion, { compareVersions } from '../../../../src/checks/live/server-version.js'
import { mysqlServerVersion } from '../../../../src/checks/live/support/mysql-server-version.js'
import { targetSchema } from '../../../../src/config/schema.js'
import { serverInfoOf } from '../../../../src/dialects/mysql/server-info.js'
import type { LiveContext } from '../../../../src/engine/define.js'
import { createMysqlTestDatabase, describeMysql, type MysqlTestDatabase } from '../../../support/mysql.js'
import { runMysqlLiveCheck } from '../../../support/mysql-live-context.js'

const describeWithMysql = await describeMysql()

/** Grades a VERSION() string on `day` with an optional minServerVersion. */
function grade(rawVersion: string, day: string, minServerVersion?: string) {
  const ctx = {
    server: serverInfoOf(rawVersion, 'app@%', 'shop', { host: 'db', port: 3306 }),
    target: targetSchema.parse({ dialect: 'mysql', ...(minServerVersion ? { minServerVersion } : {}) }),
    now: new Date(`${day}T12:00:00Z`),
  } as unknown as LiveContext
  return mysqlServerVersion(ctx, compareVersions)
}

describe('server-version on MySQL and MariaDB', () => {
  it('reads VERSION() without distribution suffixes', () => {
    expect(serverInfoOf('10.11.19-MariaDB-0+deb12u1', 'u', 'd', { host: 'h', port: 1 })).toMatchObject({ version: '10.11.19-MariaDB', versionNum: 101119, major: 10 })
    expect(serverInfoOf('8.0.36-0ubuntu0.22.04.1', 'u', 'd', { host: 'h', port: 1 })).toMatchObject({ version: '8.0.36', versionNum: 80036, major: 8 })
  })

  it('passes a maintained series and names its end of life', () => {
    expect(grade('10.11.19-MariaDB-0+deb12u1', '2026-11-25')).toMatchObject({ status: 'pass', summary: 'MariaDB 10.11.19, supported until 2028-02-16.' })
    expect(grade('8.4.3', '2026-11-25')).toMatchObject({ status: 'pass', summary: expect.stringContaining('supported until 2032-04-30') })
  })

  it('warns past the series end of life (MySQL 8.0: 2026-04-30, MariaDB 10.6: 2026-07-06)', () => {
    expect(grade('8.0.36', '2026-04-30').status).toBe('pass')
    expect(grade('8.0.36', '2026-05-01')).toMatchObject({ status: 'warn', summary: 'MySQL 8.0 reached end of life on 2026-04-30: no more security or bug fixes.' })
    expect(grade('10.6.20-MariaDB', '2026-07-07')).toMatchObject({ status: 'warn', summary: expect.stringContaining('MariaDB 10.6 reached end of life on 2026-07-06') })
  })

  it('warns below the oldest supported series (MySQL 8.0, MariaDB 10.6)', () => {
    expect(grade('5.7.44', '2023-01-01')).toMatchObject({ status: 'warn', summary: expect.stringContaining('older than MySQL 8.0, the oldest series Migrations Preflight checks, and reached end of life on 2023-10-31') })
    expect(grade('10.5.27-MariaDB', '2025-01-01')).toMatchObject({ status: 'warn', summary: expect.stringContaining('older than MariaDB 10.6') })
  })

  it('fails below minServerVersion', () => {
    expect(grade('10.11.19-MariaDB', '2026-11-25', '11.4')).toMatchObject({ status: 'fail', summary: 'The target runs MariaDB 10.11.19, older than minServerVersion 11.4.' })
  })
})

describeWithMysql('server-version on the real MySQL/MariaDB server', () => {
  let db: MysqlTestDatabase
  beforeAll(async () => {
    db = await createMysqlTestDatabase()
  })
  afterAll(async () => db?.drop())

  it('grades the server it is connected to', async () => {
    const result = await runMysqlLiveCheck(serverVersion, db.url)
    expect(['pass', 'warn']).toContain(result.status)
    expect(result.evidence).toMatchObject({ product: expect.stringMatching(/^(MySQL|MariaDB)$/), series: expect.stringMatching(/^\d+\.\d+$/) })
  })
})
