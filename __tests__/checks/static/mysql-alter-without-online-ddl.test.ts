import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/mysql-alter-without-online-ddl.js'
import { testMysqlRule } from './support/mysql-cases.js'

describe('mysql-alter-without-online-ddl', () => {
  testMysqlRule(rule, {
    safe: [
      'ALTER TABLE orders ADD COLUMN note VARCHAR(200) NULL, ALGORITHM=INSTANT;',
      'ALTER TABLE orders ALGORITHM=INPLACE, LOCK=NONE, ADD INDEX orders_user (user_id);',
      'ALTER TABLE orders ADD INDEX orders_user (user_id), LOCK=NONE;',
      'CREATE INDEX orders_user ON orders (user_id) ALGORITHM=INPLACE LOCK=NONE;',
      // A column change that may run in place: asserting LOCK=NONE makes the server decide.
      'ALTER TABLE orders MODIFY COLUMN note VARCHAR(250) NULL, ALGORITHM=INPLACE, LOCK=NONE;',
      // Foreign keys are added in place once checks are off.
      'SET foreign_key_checks = 0;\nALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id), ALGORITHM=INPLACE, LOCK=NONE;',
      // New tables hold no rows and no readers.
      'CREATE TABLE notes (id BIGINT PRIMARY KEY);\nALTER TABLE notes ADD COLUMN body TEXT;\nCREATE INDEX notes_body ON notes (id);',
      // Also when node-sql-parser rejects the CREATE TABLE over one column clause (flipt's ON UPDATE NOW(2)).
      'CREATE TABLE IF NOT EXISTS `rules` (id VARCHAR(255) NOT NULL, updated_at TIMESTAMP(2) DEFAULT NOW(2) ON UPDATE NOW(2) NOT NULL);\nALTER TABLE rules ADD FOREIGN KEY (flag_key) REFERENCES flags (`key`);',
      { sql: 'ALTER TABLE shop.results MODIFY latitude DOUBLE;', before: ['CREATE TABLE shop.results (id INT, latitude real);'] },
      'ALTER ONLINE TABLE orders ADD COLUMN note INT;',
      'ALTER TABLE orders ALGORITHM=NOCOPY, LOCK=NONE, ADD COLUMN note INT;',
      'SELECT 1;',
      // Operations that run online are not reported without the clauses: MySQL already picks
      // INSTANT or INPLACE with the least locking (real-world corpus: Prisma, golang-migrate files).
      'ALTER TABLE orders ADD COLUMN note VARCHAR(200) NULL;',
      'ALTER TABLE orders ADD INDEX orders_user (user_id);',
      'SELECT 1;\nCREATE INDEX orders_user ON orders (user_id);',
      'ALTER TABLE orders ADD COLUMN note INT, ALGORITHM=INPLACE;',
      'ALTER TABLE `orders` DROP FOREIGN KEY `orders_ibfk_1`;',
      'ALTER TABLE orders RENAME COLUMN a TO b, ADD COLUMN g INT AS (a + 1) VIRTUAL;',
      'ALTER TABLE orders ENGINE=InnoDB;',
      // Read from the text although node-sql-parser rejects them: each clause runs online.
      'ALTER TABLE orders ALTER COLUMN status SET DEFAULT 1;',
      'ALTER TABLE `session` RENAME INDEX `changed_index` TO `expires_at_index`;',
      'ALTER TABLE `txn` ADD UNIQUE KEY IF NOT EXISTS `uq_intent` (`intent_id`), ADD KEY IF NOT EXISTS `idx_gateway` (`gateway`);',
      '/*!40000 ALTER TABLE `orders` DISABLE KEYS */;',
      // The pending set gave the column this type: only NOT NULL changes, in place (Prisma add, backfill, require).
      'ALTER TABLE `website_event` ADD COLUMN `visit_id` VARCHAR(36) NULL;\nUPDATE `website_event` SET visit_id = UUID() WHERE visit_id IS NULL;\nALTER TABLE `website_event` MODIFY `visit_id` VARCHAR(36) NOT NULL;',
    ],
    reported: [
      { sql: 'ALTER TABLE orders MODIFY COLUMN total DECIMAL(14,2) NOT NULL;', at: '1:1', message: 'MODIFY COLUMN total on orders copies the whole table and blocks writes to it until done if it changes a column\'s data type' },
      // A table read from an unparsed CREATE TABLE is new only under its own name (and database).
      { sql: 'CREATE TABLE other.results (id INT, latitude real);\nALTER TABLE shop.results MODIFY latitude DOUBLE;', at: '2:1', message: 'MODIFY COLUMN latitude on shop.results' },
      { sql: 'CREATE TEMPORARY TABLE results (id INT, latitude real);\nALTER TABLE results MODIFY latitude DOUBLE;', at: '2:1', message: 'MODIFY COLUMN latitude on results' },
      // Adding AUTO_INCREMENT changes the type, even when the pending set gave the column the rest of it.
      { sql: 'ALTER TABLE t MODIFY id INT NOT NULL;\nALTER TABLE t MODIFY id INT NOT NULL AUTO_INCREMENT;', at: ['1:1', '2:1'], message: 'MODIFY COLUMN id' },
      { sql: 'ALTER TABLE `dictionary` ADD COLUMN `id` int(10) UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST;', at: '1:1', message: 'adding an AUTO_INCREMENT column rebuilds the table and blocks writes' },
      { sql: 'ALTER TABLE orders ADD COLUMN total_cents BIGINT GENERATED ALWAYS AS (total * 100) STORED;', at: '1:1', message: 'adding a STORED generated column copies the table' },
      { sql: 'ALTER TABLE orders ADD CONSTRAINT total_positive CHECK (total > 0);', at: '1:1', message: 'adding a CHECK constraint copies the table' },
      { sql: 'ALTER TABLE orders DEFAULT CHARACTER SET utf8mb4;', at: '1:1', message: 'DEFAULT CHARACTER SET on orders rebuilds the table' },
      { sql: 'ALTER TABLE orders CHANGE COLUMN total amount BIGINT;', at: '1:1', message: 'CHANGE COLUMN' },
      { sql: 'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id);', at: '1:1', message: 'foreign_key_checks is on' },
      { sql: 'ALTER TABLE orders DROP PRIMARY KEY;', at: '1:1', message: 'DROP PRIMARY KEY on orders copies the whole table' },
      { sql: 'ALTER TABLE orders ADD FULLTEXT INDEX ft (note);', at: '1:1', message: 'rebuilds the table and blocks writes' },
      { sql: 'CREATE FULLTEXT INDEX ft ON orders (note) LOCK=SHARED;', at: '1:1', message: 'blocks writes while it builds' },
      // Asking for online DDL where it can never be online: the server rejects the statement.
      { sql: 'ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id), ALGORITHM=INPLACE, LOCK=NONE;', at: '1:1', message: 'MySQL rejects the statement' },
      { sql: 'ALTER TABLE orders ADD FULLTEXT INDEX ft (note), LOCK=NONE;', at: '1:1', message: 'cannot run with LOCK=NONE' },
      // Statements node-sql-parser cannot read are judged by their keywords.
      { sql: 'ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4;', at: '1:1', message: 'CONVERT TO CHARACTER SET on orders copies the whole table' },
      { sql: 'ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4, ALGORITHM=INPLACE, LOCK=NONE;', at: '1:1', message: 'MySQL rejects the statement' },
      { sql: 'ALTER TABLE orders EXCHANGE PARTITION p0 WITH TABLE orders_2020;', at: '1:1', message: 'could not read the statement' },
      { sql: 'SET foreign_key_checks = 0;\nSET foreign_key_checks = 1;\nALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id);', at: '3:1', message: 'foreign_key_checks is on' },
    ],
  })
})
