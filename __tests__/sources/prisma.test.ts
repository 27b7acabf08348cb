import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { detectLayout } from '../../src/sources/layouts/index.js'
import { prisma } from '../../src/sources/layouts/prisma.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'
import { isReadOnly, makeProject, recordingQuery, type TempProject } from './helpers.js'

/** The table Prisma's schema engine creates on PostgreSQL. */
const PRISMA_DDL = `
CREATE TABLE "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`

let project: TempProject
let db: TestDatabase
const seen: string[] = []

beforeAll(async () => {
  project = await makeProject({
    'prisma/schema.prisma': 'datasource db { provider = "postgresql" }\n',
    'prisma/migrations/migration_lock.toml': 'provider = "postgresql"\n',
    'prisma/migrations/20240101000000_init/migration.sql': '-- CreateTable\nCREATE TABLE "User" ("id" SERIAL PRIMARY KEY);\n',
    'prisma/migrations/20240201000000_add_email/migration.sql': 'ALTER TABLE "User" ADD COLUMN "email" TEXT;\n',
    'prisma/migrations/20240301000000_add_index/migration.sql': 'CREATE INDEX "User_email_idx" ON "User"("email");\n',
    'prisma/migrations/20240401000000_retry/migration.sql': 'SELECT 1;\n',
    'prisma/migrations/not_a_migration/readme.txt': 'ignored\n',
  })
  db = await createTestDatabase('pf_prisma')
})

afterAll(async () => {
  await db?.drop()
  await project?.remove()
})

/** Lists the fixture folder with the layout default for transactions. */
const list = () => prisma.list(project.at('prisma/migrations'), project.root, { transaction: 'auto' })

describe('prisma layout', () => {
  it('is detected from a folder with migration.sql', async () => {
    const found = await detectLayout(project.at('prisma/migrations'))
    expect(found).toMatchObject({ layout: { name: 'prisma' }, reason: 'found 20240101000000_init/migration.sql' })
  })

  it('lists migration folders in name order, the folder name as id', async () => {
    const files = await list()
    expect(files.map((f) => [f.id, f.name, f.path])).toEqual([
      ['20240101000000_init', 'init', 'prisma/migrations/20240101000000_init/migration.sql'],
      ['20240201000000_add_email', 'add_email', 'prisma/migrations/20240201000000_add_email/migration.sql'],
      ['20240301000000_add_index', 'add_index', 'prisma/migrations/20240301000000_add_index/migration.sql'],
      ['20240401000000_retry', 'retry', 'prisma/migrations/20240401000000_retry/migration.sql'],
    ])
    expect(files[0]).toMatchObject({ runsInTransaction: true, transactionReason: expect.stringContaining('implicit transaction') })
  })

  it('checksums the file as SHA-256 hex of its bytes', async () => {
    const [init] = await list()
    const bytes = readFileSync(project.at('prisma/migrations/20240101000000_init/migration.sql'))
    expect(prisma.checksum!(init!)).toBe(createHash('sha256').update(bytes).digest('hex'))
  })

  it('reports a missing history table without raising', async () => {
    const history = await prisma.readHistory(recordingQuery(db, seen))
    expect(history).toEqual({ table: 'public._prisma_migrations', exists: false, applied: [] })
  })

  it('reads finished, unfinished and rolled-back rows', async () => {
    const files = await list()
    await db.exec(PRISMA_DDL)
    await db.exec(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES
        (gen_random_uuid(), $1, '2024-01-01 10:00:01+00', '20240101000000_init', NULL, NULL, '2024-01-01 10:00:00+00', 1),
        (gen_random_uuid(), 'abc', NULL, '20240201000000_add_email', 'Database error code: 42P07', NULL, '2024-02-01 10:00:00+00', 0),
        (gen_random_uuid(), 'def', NULL, '20240301000000_add_index', 'failed', '2024-03-01 11:00:00+00', '2024-03-01 10:00:00+00', 0),
        (gen_random_uuid(), 'ghi', NULL, '20240401000000_retry', 'failed', '2024-04-01 11:00:00+00', '2024-04-01 10:00:00+00', 0),
        (gen_random_uuid(), 'ghi', '2024-04-02 10:00:01+00', '20240401000000_retry', NULL, NULL, '2024-04-02 10:00:00+00', 1)`,
      [prisma.checksum!(files[0]!)],
    )
    const history = await prisma.readHistory(recordingQuery(db, seen))
    expect(history.applied.map((a) => [a.id, a.isFailed])).toEqual([
      ['20240101000000_init', false],
      ['20240201000000_add_email', true],
      ['20240301000000_add_index', true],
      ['20240401000000_retry', true],
      ['20240401000000_retry', false],
    ])
    expect(history.applied[0]!.checksum).toBe(prisma.checksum!(files[0]!))
    expect(history.applied[1]!.detail).toMatch(/never finished: Database error code: 42P07/)
    expect(history.applied[2]!.detail).toMatch(/rolled back/)
    expect(files.filter((f) => prisma.isApplied(f, history)).map((f) => f.name)).toEqual(['init', 'retry'])
  })

  it('only ran SELECT statements', () => {
    expect(isReadOnly(seen)).toBe(true)
  })
})
