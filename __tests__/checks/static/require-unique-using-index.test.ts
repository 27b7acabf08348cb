import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/require-unique-using-index.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testSizeGrading } from './support/size-cases.js'

describe('require-unique-using-index', () => {
  testRule(rule, {
    safe: [
      'CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;',
      'ALTER TABLE users ADD PRIMARY KEY USING INDEX users_pkey;',
      'CREATE TABLE users (id bigint);\nALTER TABLE users ADD PRIMARY KEY (id);',
      { sql: 'ALTER TABLE users ADD CONSTRAINT u UNIQUE (email);', before: ['CREATE TABLE users (id bigint, email text);'] },
      'CREATE TABLE t (id bigint PRIMARY KEY, email text UNIQUE);',
      'ALTER TABLE users ADD CONSTRAINT c CHECK (id > 0) NOT VALID;',
      "SELECT 'ALTER TABLE users ADD PRIMARY KEY (id)';",
    ],
    reported: [
      { sql: 'DO $$\nBEGIN\n  ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);\nEND $$;', at: '3:3', message: 'public.users (inside a DO block)' },
      { sql: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);', at: '1:1', message: 'ADD UNIQUE builds its unique index while holding an ACCESS EXCLUSIVE lock on public.users' },
      { sql: 'SELECT 1;\nALTER TABLE app.users ADD PRIMARY KEY (id);', at: '2:1', message: 'ADD PRIMARY KEY' },
      { sql: 'ALTER TABLE users ADD COLUMN code text UNIQUE;', at: '1:1' },
      { sql: 'alter table users add column id bigint generated always as identity primary key, add unique (a, b);', at: ['1:1', '1:1'] },
    ],
  })

  it('suggests CREATE UNIQUE INDEX CONCURRENTLY then USING INDEX', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE users ADD PRIMARY KEY (id);'])
    expect(finding?.mitigation).toContain('CREATE UNIQUE INDEX CONCURRENTLY users_pkey ON public.users (id); ALTER TABLE public.users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_pkey;')
    expect(finding?.mitigation).toContain('NOT NULL')
  })

  testSizeGrading(rule, { sql: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);', table: 'public.users' })
})
