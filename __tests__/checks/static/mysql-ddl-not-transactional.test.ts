import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/mysql-ddl-not-transactional.js'
import { testMysqlRule } from './support/mysql-cases.js'

describe('mysql-ddl-not-transactional', () => {
  testMysqlRule(rule, {
    safe: [
      'ALTER TABLE orders ADD COLUMN note INT, ALGORITHM=INSTANT;',
      'ALTER TABLE orders ADD COLUMN note INT;\nUPDATE orders SET note = 1 WHERE id = 1;',
      // Every DDL but the last can run again.
      'CREATE TABLE IF NOT EXISTS a (id INT);\nDROP TABLE IF EXISTS b;\nALTER TABLE c ADD COLUMN x INT;',
      // Temporary tables do not commit.
      'CREATE TEMPORARY TABLE t (id INT);\nALTER TABLE orders ADD COLUMN note INT;',
      // One file each is the advice: the rule looks at files one by one.
      { sql: 'ALTER TABLE b ADD COLUMN y INT;', before: ['ALTER TABLE a ADD COLUMN x INT;'] },
    ],
    reported: [
      { sql: 'ALTER TABLE orders ADD COLUMN note INT;\nCREATE INDEX orders_note ON orders (note);', at: '2:1', message: 'runs 2 DDL statements' },
      { sql: 'CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\nCREATE TABLE b (id INT);\nDROP TABLE c;', at: '3:1', message: 'fails at line 1' },
      // A statement node-sql-parser cannot read still counts by its keywords.
      { sql: 'ALTER TABLE a CONVERT TO CHARACTER SET utf8mb4;\nALTER TABLE b ADD COLUMN x INT;', at: '2:1' },
      { sql: 'DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\nCREATE TABLE t (id INT);', at: '4:1' },
    ],
  })
})
