import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/syntax-error.js'
import { runRule, testRule } from '../../support/rule-tester.js'

describe('syntax-error', () => {
  testRule(rule, {
    safe: ['CREATE TABLE t (id bigint);', "SELECT 'SELEC typo inside a string';", '-- SELEC in a comment\nSELECT 1;'],
    reported: [
      { sql: 'SELECT 1;\nSELEC 2;', at: '2:1', message: 'syntax error at or near "SELEC"' },
      { sql: '-- é comment\nCREATE TABLE t (a int,, b int);', at: '2:23' },
      { sql: "SELECT 'é';  ALTER TABLE t ADD COLUMN;", at: '1:38' },
      // Files written for a tool that fills in placeholders first: the message names the one to configure.
      { sql: 'CREATE TABLE x (id int);\nalter table :GRAPHILE_WORKER_SCHEMA.jobs add locked_at timestamptz;', at: '2:13', message: 'at the placeholder :GRAPHILE_WORKER_SCHEMA, which the migration tool' },
      { sql: 'grant select on all tables in schema public\n  to logto_tenant_${database};', at: '2:20', message: 'at the placeholder ${database}' },
      { sql: "select set_config('app.owner', :'owner', false);", at: '1:32', message: "at the placeholder :'owner'" },
      { sql: 'SELECT x::int FROM t WHERE;', at: '1:27', message: 'syntax error at or near ";".' },
      // MySQL files linted as PostgreSQL: the message says so, and which setting reads them as MySQL.
      { sql: 'CREATE TABLE `flags` (`key` VARCHAR(255) NOT NULL);', at: '1:14', message: 'It looks written for MySQL or MariaDB (backquoted names).' },
      { sql: 'ALTER TABLE variants ADD COLUMN attachment JSON AFTER description;', at: '1:49', message: 'It looks written for MySQL or MariaDB (ADD COLUMN ... AFTER).' },
      { sql: 'CREATE TABLE t (id INT UNSIGNED NOT NULL);', at: '1:24', message: '(UNSIGNED)' },
    ],
  })

  it('gives the MySQL hint only when the file shows MySQL syntax', async () => {
    const [plain] = await runRule(rule, ["SELECT 'a `quoted` word';\nSELEC 2;"])
    expect(plain?.message).toBe('PostgreSQL rejects this migration: syntax error at or near "SELEC".')
    expect(plain?.mitigation).not.toContain('dialect')
    const [mysql] = await runRule(rule, ['CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;'])
    expect(mysql?.mitigation).toContain('set dialect: mysql in migrations.config.yaml')
    expect(mysql?.evidence).toMatchObject({ looksLike: 'MySQL: ENGINE=' })
  })
})
