import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/mysql-unqualified-delete-update.js'
import { testMysqlBackupDirective, testMysqlRule } from './support/mysql-cases.js'

describe('mysql-unqualified-delete-update', () => {
  testMysqlRule(rule, {
    safe: [
      'DELETE FROM users WHERE id = 1;',
      'UPDATE users SET plan = 1 WHERE plan IS NULL;',
      'UPDATE users SET plan = 1 WHERE 1 = 1;',
      'CREATE TABLE scratch (id INT);\nDELETE FROM scratch;',
      'UPDATE users u JOIN orgs o ON o.id = u.org_id SET u.plan = o.plan WHERE o.active = 1;',
      "SELECT 'DELETE FROM users';",
    ],
    reported: [
      { sql: 'DELETE FROM users;', at: '1:1', message: 'DELETE without WHERE deletes every row of users' },
      { sql: 'UPDATE users SET plan = 1;', at: '1:1', message: 'UPDATE without WHERE overwrites every row of users' },
      { sql: 'DELETE FROM sessions LIMIT 1000;', at: '1:1', message: 'arbitrary rows of sessions' },
      { sql: 'SELECT 1;\nupdate `app`.`users` set plan = 2 limit 10;', at: '2:1', message: 'arbitrary rows of app.users' },
    ],
  })
  testMysqlBackupDirective(rule, [{ sql: '-- preflight:backup users copied to users_backup\nDELETE FROM users;', reference: 'users_backup' }])
})
