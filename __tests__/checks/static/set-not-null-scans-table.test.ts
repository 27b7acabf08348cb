import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/set-not-null-scans-table.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testSizeGrading } from './support/size-cases.js'

const PROOF = 'ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;'
const VALIDATE = 'ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;'
const SET = 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;'

describe('set-not-null-scans-table', () => {
  testRule(rule, {
    safe: [
      // PostgreSQL 12+: a validated CHECK (col IS NOT NULL) lets SET NOT NULL skip its scan.
      `${PROOF}\n${VALIDATE}\n${SET}`,
      { sql: SET, before: [PROOF, VALIDATE] },
      { sql: `${VALIDATE}\n${SET}`, before: [PROOF] },
      'ALTER TABLE users ADD CONSTRAINT c CHECK (email IS NOT NULL AND email <> \'\');\nALTER TABLE users ALTER email SET NOT NULL;',
      'CREATE TABLE users (email text);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;',
      // 18+: NOT NULL constraint NOT VALID, then VALIDATE.
      { sql: 'ALTER TABLE users ADD CONSTRAINT nn NOT NULL email NOT VALID;\nALTER TABLE users VALIDATE CONSTRAINT nn;\nALTER TABLE users ALTER email SET NOT NULL;', pg: 18 },
      "SELECT 'ALTER TABLE users ALTER COLUMN email SET NOT NULL';",
    ],
    reported: [
      { sql: 'DO $$\nBEGIN\n  ALTER TABLE users ALTER COLUMN email SET NOT NULL;\nEND $$;', at: '3:3', message: 'scans the whole table for NULLs (inside a DO block)' },
      { sql: SET, at: '1:1', message: 'SET NOT NULL on public.users.email takes an ACCESS EXCLUSIVE lock and scans the whole table for NULLs' },
      // NOT VALID but never validated: PostgreSQL cannot use it.
      { sql: `${PROOF}\n${SET}`, at: '2:1' },
      // Validated check on another column.
      { sql: `${PROOF}\n${VALIDATE}\nALTER TABLE users ALTER COLUMN name SET NOT NULL;`, at: '3:1' },
      // Another table.
      { sql: `${PROOF}\n${VALIDATE}\nALTER TABLE accounts ALTER COLUMN email SET NOT NULL;`, at: '3:1' },
      // The proof was dropped first.
      { sql: `${PROOF}\n${VALIDATE}\nALTER TABLE users DROP CONSTRAINT users_email_not_null;\n${SET}`, at: '4:1' },
      // Before 12 the check does not help.
      { sql: `${PROOF}\n${VALIDATE}\n${SET}`, pg: 11, at: '3:1', message: 'PostgreSQL 11 cannot use a CHECK constraint to skip the scan' },
      { sql: 'ALTER TABLE "Users" ALTER COLUMN "Email" SET NOT NULL, ALTER COLUMN b SET NOT NULL;', at: ['1:1', '1:1'], message: 'public."Users"."Email"' },
      { sql: 'ALTER TABLE users ADD CONSTRAINT nn NOT NULL email;', pg: 18, at: '1:1' },
    ],
  })

  it('shows the NOT VALID + VALIDATE path', async () => {
    const [finding] = await runRule(rule, [SET])
    expect(finding?.mitigation).toContain('ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;')
    expect(finding?.mitigation).toContain('VALIDATE CONSTRAINT users_email_not_null;')
    expect(finding?.lock).toBe('ACCESS EXCLUSIVE')
  })

  testSizeGrading(rule, { sql: SET, table: 'public.users' })
})
