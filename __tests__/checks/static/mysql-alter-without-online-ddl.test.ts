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
      'ALTER ONLINE TABLE orders ADD COLUMN note INT;',
      'ALTER TABLE orders ALGORITHM=NOCOPY, LOCK=NONE, ADD COLUMN note INT;',
      'SELECT 1;',
    ],
    reported: [
      { sql: 'ALTER TABLE orders ADD COLUMN note VARCHAR(200) NULL;', at: '1:1', message: 'names no ALGORITHM=INSTANT' },
      { sql: 'ALTER TABLE orders ADD INDEX orders_user (user_id);', at: '1:1', message: 'names no ALGORITHM=INPLACE, LOCK=NONE' },
      { sql: 'SELECT 1;\nCREATE INDEX orders_user ON orders (user_id);', at: '2:1', message: 'CREATE INDEX on orders names no ALGORITHM=INPLACE, LOCK=NONE' },
      { sql: 'ALTER TABLE orders ADD COLUMN note INT, ALGORITHM=INPLACE;', at: '1:1', message: 'names no' },
      { sql: 'ALTER TABLE orders MODIFY COLUMN total DECIMAL(14,2) NOT NULL;', at: '1:1', message: 'MODIFY COLUMN total on orders copies the whole table and blocks writes' },
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
      { sql: 'ALTER TABLE orders ALTER COLUMN status SET DEFAULT 1;', at: '1:1', message: 'could not read the statement' },
      { sql: 'SET foreign_key_checks = 0;\nSET foreign_key_checks = 1;\nALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id);', at: '3:1', message: 'foreign_key_checks is on' },
    ],
  })
})
