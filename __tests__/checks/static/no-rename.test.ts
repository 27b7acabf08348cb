import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/no-rename.js'
import { runRule, testRule } from '../../support/rule-tester.js'

describe('no-rename', () => {
  testRule(rule, {
    safe: [
      'CREATE TABLE t (a int);\nALTER TABLE t RENAME TO u;',
      'CREATE TABLE t (a int);\nALTER TABLE t RENAME COLUMN a TO b;',
      // A column added earlier in the pending set is not used by running code yet.
      'ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE users RENAME COLUMN nick TO nickname;',
      'ALTER INDEX users_email_idx RENAME TO users_email_key;',
      'ALTER TABLE users RENAME CONSTRAINT c1 TO c2;',
      "SELECT 'ALTER TABLE users RENAME TO people';",
    ],
    reported: [
      { sql: 'DO $$\nBEGIN\n  ALTER TABLE users RENAME COLUMN email TO mail;\nEND $$;', at: '3:3', message: '(inside a DO block)' },
      { sql: 'ALTER TABLE users RENAME TO people;', at: '1:1', message: 'Renaming table public.users to people breaks application code that still uses the old name' },
      { sql: 'SELECT 1;\nALTER TABLE "Users" RENAME COLUMN "eMail" TO email;', at: '2:1', message: 'Renaming column public."Users"."eMail" to email' },
      { sql: 'ALTER TABLE users RENAME email TO email_address;', at: '1:1' },
      { sql: 'ALTER VIEW active_users RENAME TO current_users;', at: '1:1', message: 'view public.active_users' },
      { sql: 'ALTER TABLE users SET SCHEMA archive;', at: '1:1', message: 'Moving table public.users to schema archive' },
    ],
  })

  it('is a warning naming the lock', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE app.users RENAME TO people;'])
    expect(finding?.severity).toBe('warning')
    expect(finding?.lock).toBe('ACCESS EXCLUSIVE')
    expect(finding?.mitigation).toContain('CREATE VIEW app.users AS SELECT * FROM app.people;')
  })
})
