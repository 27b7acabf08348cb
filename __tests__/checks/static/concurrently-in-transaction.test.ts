import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/concurrently-in-transaction.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { loadPostgresParser } from '../../../src/dialects/postgres/parser.js'
import { nonTransactionalCommand } from '../../../src/checks/static/concurrently-in-transaction.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

describe('concurrently-in-transaction', () => {
  testRule(rule, {
    safe: [
      'CREATE INDEX CONCURRENTLY i ON orders (a);',
      'DROP INDEX CONCURRENTLY i;\nREINDEX INDEX CONCURRENTLY j;\nVACUUM orders;',
      'BEGIN;\nALTER TABLE orders ADD COLUMN a int;\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON orders (a);',
      // Allowed in a transaction (checked on PostgreSQL 15 and 18).
      { sql: 'REFRESH MATERIALIZED VIEW CONCURRENTLY mv;\nANALYZE orders;\nCREATE INDEX i ON orders (a);\nCLUSTER orders USING i;', inTransaction: true },
      { sql: "SELECT 'CREATE INDEX CONCURRENTLY i ON t (a)';\n-- VACUUM\nDO $$ BEGIN PERFORM 1; END $$;", inTransaction: true },
      // A Liquibase changeset with runInTransaction:false runs outside a transaction, whatever the others do.
      { sql: '--liquibase formatted sql\n--changeset a:1\nCREATE TABLE t (id int);\n--changeset a:2 runInTransaction:false\nCREATE INDEX CONCURRENTLY i ON orders (a);', layout: 'liquibase', inTransaction: true },
      // golang-migrate and Prisma send the file as one query: a lone statement runs outside any transaction block.
      { sql: '-- a tool directive comment\nCREATE INDEX CONCURRENTLY IF NOT EXISTS i ON orders (a);', layout: 'golang-migrate', inTransaction: true },
      { sql: 'CREATE INDEX CONCURRENTLY i ON orders (a);', layout: 'prisma', inTransaction: true },
    ],
    reported: [
      // A DO block always runs in a transaction, whatever the file does.
      { sql: 'DO $$\nBEGIN\n  CREATE INDEX CONCURRENTLY i ON orders (a);\nEND $$;', at: '3:3', message: 'CREATE INDEX CONCURRENTLY cannot run inside a DO block or function (inside a DO block)' },
      { sql: 'CREATE INDEX CONCURRENTLY i ON orders (a);', inTransaction: true, at: '1:1', message: 'CREATE INDEX CONCURRENTLY cannot run inside a transaction block, and test: in a transaction' },
      { sql: 'BEGIN;\n  create index concurrently i on orders (a);\nCOMMIT;', at: '2:3', message: 'it runs inside the transaction opened by BEGIN at line 1' },
      { sql: 'DROP INDEX CONCURRENTLY i;', inTransaction: true, at: '1:1', message: 'DROP INDEX CONCURRENTLY' },
      { sql: 'REINDEX TABLE CONCURRENTLY orders;', inTransaction: true, at: '1:1' },
      { sql: 'ALTER TABLE p DETACH PARTITION p2020 CONCURRENTLY;', inTransaction: true, at: '1:1', message: 'DETACH PARTITION CONCURRENTLY' },
      { sql: 'VACUUM (ANALYZE) orders;', inTransaction: true, at: '1:1', message: 'VACUUM' },
      { sql: 'START TRANSACTION;\nCREATE DATABASE reports;\nALTER SYSTEM SET work_mem = \'64MB\';\nCOMMIT;', at: ['2:1', '3:1'] },
      { sql: 'REINDEX SCHEMA app;\nCLUSTER;', inTransaction: true, at: ['1:1', '2:1'] },
      // Liquibase wraps every other changeset in its own transaction.
      { sql: '--liquibase formatted sql\n--changeset a:1 runInTransaction:false\nSELECT 1;\n--changeset a:2\nCREATE INDEX CONCURRENTLY i ON orders (a);', layout: 'liquibase', inTransaction: true, at: '5:1', message: 'Liquibase runs changeset a:2 in its own transaction' },
      // Two statements in one query share an implicit transaction, also after an explicit COMMIT.
      { sql: 'ALTER TABLE orders ADD COLUMN a int;\nCREATE INDEX CONCURRENTLY i ON orders (a);', layout: 'golang-migrate', inTransaction: true, at: '2:1' },
      { sql: 'BEGIN;\nSELECT 1;\nCOMMIT;\nCREATE INDEX CONCURRENTLY i ON orders (a);', layout: 'prisma', inTransaction: true, at: '4:1' },
      // COMMIT AND CHAIN opens the next transaction at once.
      { sql: 'BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\nCREATE INDEX CONCURRENTLY i ON t (a);\nCOMMIT;', at: '4:1' },
    ],
  })

  it('gives the way out for the migration tool', async () => {
    const [flyway] = await runRule(rule, ['CREATE INDEX CONCURRENTLY i ON orders (a);'], { layout: 'flyway', inTransaction: true })
    expect(flyway?.mitigation).toContain('executeInTransaction=false')
    const [dbmate] = await runRule(rule, ['CREATE INDEX CONCURRENTLY i ON orders (a);'], { layout: 'dbmate', inTransaction: true })
    expect(dbmate?.mitigation).toContain('transaction:false')
    const [explicit] = await runRule(rule, ['BEGIN;\nVACUUM t;\nCOMMIT;'])
    expect(explicit?.mitigation).toContain('Move it out of the BEGIN ... COMMIT block')
  })

  describe('against the server', () => {
    let db: TestDatabase
    beforeAll(async () => {
      db = await createTestDatabase('pf_notx')
      await db.exec(`
        CREATE TABLE t (id int PRIMARY KEY, a int);
        CREATE INDEX t_a ON t (a);
        CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x; CREATE UNIQUE INDEX ON mv (x);
        CREATE TABLE p (id int) PARTITION BY LIST (id); CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1);
        CREATE SCHEMA app;`)
    })
    afterAll(async () => {
      await db.drop()
    })

    // Reported commands fail with 25001 in a transaction block; the others run.
    it.each([
      ['CREATE INDEX CONCURRENTLY t_a2 ON t (a)', true],
      ['DROP INDEX CONCURRENTLY t_a', true],
      ['REINDEX TABLE CONCURRENTLY t', true],
      ['REINDEX SCHEMA app', true],
      ['ALTER TABLE p DETACH PARTITION p1 CONCURRENTLY', true],
      ['VACUUM t', true],
      ['CLUSTER', true],
      ["ALTER SYSTEM SET work_mem = '64MB'", true],
      ['CREATE DATABASE pf_never_created', true],
      ["CREATE TABLESPACE pf_never LOCATION '/nonexistent'", true],
      ['REFRESH MATERIALIZED VIEW CONCURRENTLY mv', false],
      ['ANALYZE t', false],
      ['CLUSTER t USING t_a', false],
      ['REINDEX TABLE t', false],
    ] as const)('%s', async (sql, isRefused) => {
      const parser = await loadPostgresParser()
      expect(nonTransactionalCommand(parser.parse(sql).statements[0]!) !== undefined).toBe(isRefused)
      const client = await db.connect()
      await client.query('BEGIN')
      const code = await client.query(sql).then(
        () => undefined,
        (error: { code?: string }) => error.code,
      )
      await client.query('ROLLBACK')
      expect(code).toBe(isRefused ? '25001' : undefined)
    })
  })
})
