import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/mysql-no-drop-column.js'
import { testMysqlBackupCopy, testMysqlBackupDirective, testMysqlRule } from './support/mysql-cases.js'

describe('mysql-no-drop-column', () => {
  testMysqlRule(rule, {
    safe: [
      'ALTER TABLE users ADD COLUMN note VARCHAR(20) NULL;',
      'ALTER TABLE users DROP INDEX users_email;',
      'ALTER TABLE users DROP FOREIGN KEY users_org_fk;',
      'ALTER TABLE users DROP PRIMARY KEY, ADD PRIMARY KEY (id, org_id);',
      'CREATE TABLE users (id BIGINT, legacy INT);\nALTER TABLE users DROP COLUMN legacy;',
      "SELECT 'ALTER TABLE users DROP COLUMN legacy';",
    ],
    reported: [
      { sql: 'ALTER TABLE users DROP COLUMN legacy;', at: '1:1', message: 'deletes legacy from every row of users' },
      { sql: 'SELECT 1;\nALTER TABLE `app`.`users` DROP COLUMN a, DROP b, ALGORITHM=INSTANT;', at: '2:1', message: 'deletes a, b from every row of app.users' },
      { sql: 'ALTER TABLE users ADD COLUMN x INT, DROP COLUMN legacy;', at: '1:1' },
      // MariaDB's DROP COLUMN IF EXISTS, which node-sql-parser rejects, is read from the text.
      { sql: 'ALTER TABLE t_ds_k8s_namespace DROP COLUMN IF EXISTS limits_cpu;', at: '1:1', message: 'deletes limits_cpu from every row of t_ds_k8s_namespace' },
    ],
  })
  testMysqlBackupDirective(rule, [{ sql: '-- preflight:backup users_legacy copied in ticket OPS-12\nALTER TABLE users DROP COLUMN legacy;', reference: 'OPS-12' }])
  testMysqlBackupCopy(rule, [
    { sql: 'CREATE TABLE users_legacy AS SELECT id, legacy FROM users;\nALTER TABLE users DROP COLUMN legacy;', reference: 'users_legacy' },
    { sql: 'CREATE TABLE users_legacy AS SELECT id FROM users;\nALTER TABLE users DROP COLUMN legacy;', isPartial: true },
  ])
})
