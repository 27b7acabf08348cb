import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/mysql-no-truncate.js'
import { testMysqlBackupCopy, testMysqlBackupDirective, testMysqlRule } from './support/mysql-cases.js'

describe('mysql-no-truncate', () => {
  testMysqlRule(rule, {
    safe: [
      'CREATE TABLE staging (id INT);\nTRUNCATE TABLE staging;',
      'DELETE FROM orders WHERE created_at < NOW() - INTERVAL 1 YEAR;',
      "SELECT 'TRUNCATE TABLE orders';",
    ],
    reported: [
      { sql: 'TRUNCATE TABLE orders;', at: '1:1', message: 'TRUNCATE TABLE deletes every row of orders' },
      { sql: 'SELECT 1;\n\ttruncate `shop`.`orders`;', at: '2:2', message: 'shop.orders' },
    ],
  })
  testMysqlBackupDirective(rule, [{ sql: '-- preflight:backup mysqldump 2024-05-01\nTRUNCATE TABLE orders;', reference: 'mysqldump 2024-05-01' }])
  testMysqlBackupCopy(rule, [{ sql: 'CREATE TABLE orders_backup LIKE orders;\nINSERT INTO orders_backup SELECT * FROM orders;\nTRUNCATE TABLE orders;', reference: 'orders_backup' }])
})
