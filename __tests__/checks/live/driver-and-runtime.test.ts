import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createRequire } from 'node:module'
import check, { gradeRuntime, readPgVersion } from '../../../src/checks/live/driver-and-runtime.js'
import { runLiveCheck } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

const installedPg = (createRequire(import.meta.url)('pg/package.json') as { version: string }).version

describe('driver-and-runtime', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => db.drop())

  it('passes with this Node.js and the installed pg, naming both', async () => {
    const result = await runLiveCheck(check, db.url)
    expect(result.status).toBe('pass')
    expect(result.summary).toBe(`Node.js ${process.versions.node} (>=20.19) and pg ${installedPg} (>=8.23.1 <9).`)
    expect(result.evidence).toMatchObject({ node: process.versions.node, pg: installedPg, pgChecked: expect.stringMatching(/node_modules\/pg\/package\.json$/) })
  })

  it('fails on an old Node.js and warns on an untested driver', () => {
    expect(gradeRuntime('18.20.4', { version: '8.23.1', checked: 'x' }).status).toBe('fail')
    expect(gradeRuntime('20.18.9', { version: '8.23.1', checked: 'x' }).summary).toMatch(/Node\.js 20\.18\.9 is older than the supported >=20\.19/)
    const old = gradeRuntime('22.1.0', { version: '8.7.0', checked: 'x' })
    expect(old.status).toBe('warn')
    expect(old.summary).toMatch(/pg driver is 8\.7\.0, outside the tested >=8\.23\.1 <9/)
  })

  it('still passes, saying what was checked, when the driver version cannot be read (the ncc bundle)', () => {
    const bundled = readPgVersion(() => {
      throw Object.assign(new Error("Cannot find module 'pg/package.json'"), { code: 'MODULE_NOT_FOUND' })
    })
    expect(bundled.version).toBeUndefined()
    const out = gradeRuntime('20.19.0', bundled)
    expect(out.status).toBe('pass')
    expect(out.summary).toMatch(/pg driver version not checked: pg\/package\.json could not be resolved \(the driver is bundled into dist\/ by ncc/)
  })
})
