import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/mysql-require-lock-wait-timeout.js'
import { runRule } from '../../support/rule-tester.js'
import { testMysqlRule } from './support/mysql-cases.js'

describe('mysql-require-lock-wait-timeout', () => {
  testMysqlRule(rule, {
    safe: [
      'SET SESSION lock_wait_timeout = 5;\nALTER TABLE orders ADD COLUMN note INT;',
      'SET lock_wait_timeout = 10, foreign_key_checks = 0;\nCREATE INDEX orders_note ON orders (note);\nDROP TABLE old_orders;',
      'SET @@session.lock_wait_timeout = 5;\nTRUNCATE TABLE sessions;',
      "SET @@lock_wait_timeout = '30';\nRENAME TABLE a TO b;",
      // New tables have no readers to wait for.
      'CREATE TABLE notes (id BIGINT PRIMARY KEY);\nALTER TABLE notes ADD COLUMN body TEXT;\nCREATE INDEX notes_body ON notes (id);',
      { sql: 'ALTER TABLE notes ADD COLUMN body TEXT;', before: ['CREATE TABLE notes (id BIGINT PRIMARY KEY, at TIMESTAMP(2) ON UPDATE NOW(2));'] },
      // MariaDB's per-statement wait.
      'ALTER TABLE orders WAIT 5 ADD COLUMN note INT;',
      'ALTER TABLE orders NOWAIT ADD COLUMN note INT;',
      // Not DDL on a table, or not waiting on one.
      'INSERT INTO orders VALUES (1);\nUPDATE orders SET a = 1 WHERE id = 1;\nSELECT 1;',
      'CREATE TEMPORARY TABLE scratch (id INT);',
      'ALTER DATABASE shop CHARACTER SET utf8mb4;',
      "-- ALTER TABLE orders ADD COLUMN x INT;\nSELECT 'ALTER TABLE orders';",
    ],
    reported: [
      { sql: 'ALTER TABLE orders ADD COLUMN note INT, ALGORITHM=INSTANT;', at: '1:1', message: 'ALTER TABLE needs an exclusive metadata lock on orders and waits for it with lock_wait_timeout at its default of one year' },
      { sql: 'SELECT 1;\n  create index orders_note on shop.orders (note);', at: '2:3', message: 'CREATE INDEX needs an exclusive metadata lock on shop.orders' },
      { sql: 'DROP TABLE a, b;', at: '1:1', message: 'DROP TABLE needs an exclusive metadata lock on a, b' },
      { sql: 'TRUNCATE TABLE sessions;', at: '1:1', message: 'TRUNCATE TABLE needs' },
      { sql: 'RENAME TABLE a TO a_old;', at: '1:1', message: 'RENAME TABLE needs an exclusive metadata lock on a ' },
      { sql: 'DROP INDEX IF EXISTS i ON orders;', at: '1:1', message: 'DROP INDEX needs an exclusive metadata lock on orders' },
      // node-sql-parser rejects it; the table is read from the text.
      { sql: 'ALTER TABLE orders EXCHANGE PARTITION p0 WITH TABLE orders_2020;', at: '1:1', message: 'ALTER TABLE needs an exclusive metadata lock on orders' },
      // SET GLOBAL is for new sessions; a long timeout does not fail fast; the setting comes after.
      { sql: 'SET GLOBAL lock_wait_timeout = 5;\nALTER TABLE orders ADD COLUMN note INT;', at: '2:1' },
      { sql: 'SET SESSION lock_wait_timeout = 3600;\nALTER TABLE orders ADD COLUMN note INT;', at: '2:1', message: 'lock_wait_timeout = 3600 (line 1), which is longer than 300 seconds' },
      { sql: 'ALTER TABLE orders ADD COLUMN note INT;\nSET SESSION lock_wait_timeout = 5;', at: '1:1' },
      // Each file is its own migration: a setting in an earlier file is not assumed to carry over.
      { sql: 'ALTER TABLE orders ADD COLUMN note INT;', before: ['SET SESSION lock_wait_timeout = 5;'], at: '1:1' },
      // Only the existing table is named.
      { sql: 'CREATE TABLE fresh (id INT);\nDROP TABLE fresh, stale;', at: '2:1', message: 'on stale and waits' },
    ],
  })

  it('says how to fail fast, with the tables and the setting as evidence', async () => {
    const [finding] = await runRule(rule, ['SET SESSION lock_wait_timeout = 600;\nALTER TABLE orders DROP COLUMN note;'], { dialect: 'mysql' })
    expect(finding?.mitigation).toContain('SET SESSION lock_wait_timeout = 5;')
    expect(finding?.evidence).toEqual({ tables: ['orders'], lockWaitTimeout: 600 })
    expect(finding?.severity).toBe('warning')
  })
})
