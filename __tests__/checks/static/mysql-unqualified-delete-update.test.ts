import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/mysql-unqualified-delete-update.js'
import { testMysqlBackupCopy, testMysqlBackupDirective, testMysqlRule } from './support/mysql-cases.js'

describe('mysql-unqualified-delete-update', () => {
  testMysqlRule(rule, {
    safe: [
      'DELETE FROM users WHERE id = 1;',
      'UPDATE users SET plan = 1 WHERE plan IS NULL;',
      'UPDATE users SET plan = 1 WHERE 1 = 1;',
      'CREATE TABLE scratch (id INT);\nDELETE FROM scratch;',
      'UPDATE users u JOIN orgs o ON o.id = u.org_id SET u.plan = o.plan WHERE o.active = 1;',
      "SELECT 'DELETE FROM users';",
      // A backfill of columns the pending set added overwrites no older value (Roundcube, Umami, Prisma).
      "ALTER TABLE `filestore` ADD COLUMN `context` varchar(32) NOT NULL;\nUPDATE `filestore` SET `context` = 'enigma';",
      'ALTER TABLE `website_event` ADD COLUMN `hostname` VARCHAR(100) NULL;\nUPDATE `website_event` w\nJOIN `session` s ON s.website_id = w.website_id AND s.session_id = w.session_id\nSET w.hostname = s.hostname;',
      { sql: 'UPDATE popup SET data_json = COALESCE(data_json, legacy_json), seen_json = legacy_json;', before: ['ALTER TABLE popup ADD COLUMN IF NOT EXISTS data_json LONGTEXT NULL, ADD COLUMN IF NOT EXISTS seen_json LONGTEXT NULL;'] },
    ],
    reported: [
      { sql: 'DELETE FROM users;', at: '1:1', message: 'DELETE without WHERE deletes every row of users' },
      { sql: 'UPDATE users SET plan = 1;', at: '1:1', message: 'UPDATE without WHERE overwrites every row of users' },
      { sql: 'DELETE FROM sessions LIMIT 1000;', at: '1:1', message: 'arbitrary rows of sessions' },
      { sql: 'SELECT 1;\nupdate `app`.`users` set plan = 2 limit 10;', at: '2:1', message: 'arbitrary rows of app.users' },
      // Only some of the columns are new: the others lose their values.
      { sql: 'ALTER TABLE users ADD COLUMN plan_v2 INT;\nUPDATE users SET plan_v2 = plan, plan = NULL;', at: '2:1', message: 'UPDATE without WHERE' },
      // The new column belongs to another table of the join.
      { sql: 'ALTER TABLE orgs ADD COLUMN plan INT;\nUPDATE users u JOIN orgs o ON o.id = u.org_id SET u.plan = o.plan;', at: '2:1' },
    ],
  })
  testMysqlBackupDirective(rule, [{ sql: '-- preflight:backup users copied to users_backup\nDELETE FROM users;', reference: 'users_backup' }])
  testMysqlBackupCopy(rule, [{ sql: 'CREATE TABLE users_backup AS SELECT * FROM users;\nDELETE FROM users;', reference: 'users_backup' }])
})
