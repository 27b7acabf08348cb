import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/mysql-no-drop-table.js'
import { testMysqlBackupCopy, testMysqlBackupDirective, testMysqlRule } from './support/mysql-cases.js'

describe('mysql-no-drop-table', () => {
  testMysqlRule(rule, {
    safe: [
      'CREATE TABLE t (id BIGINT PRIMARY KEY);\nDROP TABLE t;',
      // node-sql-parser rejects this CREATE TABLE (REAL); the table it creates is still new.
      'CREATE TABLE IF NOT EXISTS `results` (id integer primary key auto_increment, latitude real, longitude real);\nDROP TABLE results;',
      { sql: 'DROP TABLE shop.orders;', before: ['CREATE TABLE orders (id BIGINT);'] },
      'DROP VIEW v;',
      'DROP INDEX i ON t;',
      "SELECT 'DROP TABLE orders';",
      '-- DROP TABLE orders;\nSELECT 1;',
      '# DROP TABLE orders;\nSELECT 1;',
      '/* DROP TABLE orders; */ SELECT 1;',
      'SELECT `DROP TABLE orders` FROM t;',
      // Temporary tables vanish with the session; node-sql-parser does not read this form at all.
      'DROP TEMPORARY TABLE scratch;',
    ],
    reported: [
      { sql: 'DROP TABLE orders;', at: '1:1', message: 'DROP TABLE deletes orders and all its rows' },
      { sql: 'SELECT 1;\n  drop table if exists `shop`.`orders`;', at: '2:3', message: 'shop.orders' },
      { sql: 'DROP TABLE a, b;\nDROP TABLE c;', at: ['1:1', '2:1'], message: 'a, b and all their rows' },
      { sql: 'CREATE TABLE a (id INT);\nDROP TABLE a, b;', at: '2:1', message: 'deletes b and' },
      { sql: 'CREATE TABLE other.orders (id INT);\nDROP TABLE shop.orders;', at: '2:1' },
      { sql: 'DELIMITER //\nDROP TABLE orders//\nDELIMITER ;', at: '2:1' },
    ],
  })
  testMysqlBackupDirective(rule, [
    { sql: '-- preflight:backup s3://backups/orders-2024-05-01.sql\nDROP TABLE orders;', reference: 's3://backups/orders-2024-05-01.sql' },
    { sql: '# preflight:backup snapshot 42\nDROP TABLE orders;', reference: 'snapshot 42' },
  ])
  // The copy the mitigation suggests is evidence, as for PostgreSQL (it used to stay an error).
  testMysqlBackupCopy(rule, [
    { sql: 'CREATE TABLE orders_backup LIKE orders;\nINSERT INTO orders_backup SELECT * FROM orders;\nDROP TABLE orders;', reference: 'orders_backup copied at m1.sql:2' },
    { sql: 'CREATE TABLE orders_backup AS SELECT * FROM shop.orders;\nDROP TABLE shop.orders;', reference: 'orders_backup' },
    { sql: 'INSERT INTO orders_backup SELECT * FROM orders WHERE id > 10;\nDROP TABLE orders;', isPartial: true },
    { sql: 'CREATE TEMPORARY TABLE keep LIKE orders;\nINSERT INTO keep SELECT * FROM orders;\nDROP TABLE orders;', isPartial: true },
    { sql: 'INSERT INTO webauthn_credentials (id, kid) SELECT id, kid FROM webauthn_devices;\nDROP TABLE IF EXISTS webauthn_devices;', isPartial: true },
  ])
})
