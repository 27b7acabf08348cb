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
      // MariaDB's guarded index statements run again too (openfga).
      'DROP INDEX IF EXISTS idx_a ON t;\nCREATE INDEX IF NOT EXISTS idx_b ON t (a);\nALTER TABLE c ADD COLUMN x INT;',
      // The same with CREATE TABLEs node-sql-parser rejects: IF NOT EXISTS is read from their text.
      'CREATE TABLE IF NOT EXISTS a (id INT, at TIMESTAMP(2) DEFAULT NOW(2) ON UPDATE NOW(2));\nCREATE TABLE IF NOT EXISTS b (id INT, lat real);\nALTER TABLE c ADD COLUMN x INT;',
      // Temporary tables do not commit.
      'CREATE TEMPORARY TABLE t (id INT);\nALTER TABLE orders ADD COLUMN note INT;',
      // One file each is the advice: the rule looks at files one by one.
      { sql: 'ALTER TABLE b ADD COLUMN y INT;', before: ['ALTER TABLE a ADD COLUMN x INT;'] },
      // ALTERs that set a state run again unchanged (real-world corpus: Temporal, Roundcube, ZoneMinder).
      'ALTER TABLE a CONVERT TO CHARACTER SET utf8mb4;\nALTER TABLE b CONVERT TO CHARACTER SET utf8mb4;\nALTER TABLE c ADD COLUMN x INT;',
      'ALTER DATABASE temporal CHARACTER SET utf8mb4;\nALTER TABLE a MODIFY w VARBINARY(1000) NOT NULL;\nALTER TABLE b CHANGE `vars` `vars` MEDIUMTEXT NOT NULL;\nALTER TABLE c ENGINE=InnoDB, AUTO_INCREMENT=3;\nALTER TABLE d ADD COLUMN x INT;',
      // A routine dropped IF EXISTS first is created again on a re-run, and dropped again at the end (Icinga 2, DolphinScheduler).
      [
        'DELIMITER //',
        'DROP FUNCTION IF EXISTS ido_index_exists //',
        'CREATE FUNCTION ido_index_exists(t varchar(64)) RETURNS BOOL READS SQL DATA BEGIN RETURN TRUE; END //',
        'DROP PROCEDURE IF EXISTS ido_drop_index //',
        'CREATE PROCEDURE ido_drop_index (IN t varchar(64)) BEGIN SELECT 1; END //',
        'DELIMITER ;',
        "CALL ido_drop_index('icinga_comments');",
        'DROP FUNCTION ido_index_exists;',
        'DROP PROCEDURE ido_drop_index;',
      ].join('\n'),
      'DROP TRIGGER IF EXISTS tr;\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.a = 1;\nALTER TABLE t ADD COLUMN b INT;',
    ],
    reported: [
      { sql: 'ALTER TABLE orders ADD COLUMN note INT;\nCREATE INDEX orders_note ON orders (note);', at: '2:1', message: 'runs 2 DDL statements' },
      { sql: 'CREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\nCREATE TABLE b (id INT);\nDROP TABLE c;', at: '3:1', message: 'fails at line 1' },
      // Without IF NOT EXISTS an unparsed CREATE TABLE fails on a re-run like a parsed one.
      { sql: 'CREATE TABLE a (id INT, lat real);\nALTER TABLE c ADD COLUMN x INT;', at: '2:1', message: 'fails at line 1' },
      // A statement node-sql-parser cannot read still counts by its keywords.
      { sql: 'ALTER TABLE a EXCHANGE PARTITION p0 WITH TABLE b;\nALTER TABLE b ADD COLUMN x INT;', at: '2:1' },
      // Created without dropping first: a re-run after a failed CALL stops at "already exists" (Mattermost).
      { sql: 'CREATE PROCEDURE p() BEGIN ALTER TABLE t ADD COLUMN c INT; END;\nCALL p();\nDROP PROCEDURE IF EXISTS p;', at: '3:1', message: 'fails at line 1' },
      { sql: 'ALTER TABLE `session` RENAME COLUMN `changed` TO `expires_at`;\nALTER TABLE `session` RENAME INDEX `changed_index` TO `expires_at_index`;', at: '2:1' },
      { sql: 'DELIMITER //\nCREATE PROCEDURE p() BEGIN SELECT 1; END//\nDELIMITER ;\nCREATE TABLE t (id INT);', at: '4:1' },
    ],
  })
})
