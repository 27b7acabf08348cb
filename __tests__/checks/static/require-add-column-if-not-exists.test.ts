import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/require-add-column-if-not-exists.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testRerunOnServer } from './support/rerun-cases.js'

// A later statement that can fail, so the migration can stop half-way after the reported one.
const LATER = '\nUPDATE settings SET version = 2;'

describe('require-add-column-if-not-exists', () => {
  testRule(rule, {
    safe: [
      'ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;',
      'ALTER TABLE orders DROP COLUMN IF EXISTS note, ALTER COLUMN total SET DEFAULT 0;',
      { sql: 'ALTER TABLE orders ADD COLUMN note text;', inTransaction: true },
      'START TRANSACTION;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;',
      "DO $$ BEGIN ALTER TABLE orders ADD COLUMN note text; EXCEPTION WHEN duplicate_column THEN NULL; END $$;",
      "SELECT 'ALTER TABLE orders ADD COLUMN note text';",
      '-- ALTER TABLE orders ADD COLUMN note text;\nSELECT 1;',
      'SELECT $$ALTER TABLE orders ADD COLUMN note text$$;',
    ],
    reported: [
      { sql: 'ALTER TABLE orders ADD COLUMN note text;' + LATER, at: '1:1', message: 'ADD COLUMN note on orders fails' },
      { sql: 'SELECT 1;\n  alter table "Public"."Orders" add "Note" text, add column if not exists b int;' + LATER, at: '2:3', message: 'ADD COLUMN "Note" on "Public"."Orders"' },
      { sql: 'ALTER TABLE public.orders ADD a int, ADD b int;\nALTER TABLE items ADD c int;' + LATER, at: ['1:1', '2:1'], message: 'a, b' },
      // ALTER TYPE has no ADD ATTRIBUTE IF NOT EXISTS: the advice must not suggest one.
      { sql: 'ALTER TYPE job_spec ADD ATTRIBUTE c text;' + LATER, at: '1:1', message: 'ADD ATTRIBUTE c on type job_spec fails' },
    ],
  })

  it('reports the ACCESS EXCLUSIVE lock', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE orders ADD COLUMN note text;' + LATER])
    expect(finding).toMatchObject({ lock: 'ACCESS EXCLUSIVE', tables: ['orders'], severity: 'warning' })
  })

  describe('on a real server', () => {
    testRerunOnServer(rule, [
      { setup: 'CREATE TABLE orders (id bigint)', sql: 'ALTER TABLE orders ADD COLUMN note text; SELECT 1', failsWith: '42701' },
      { setup: 'CREATE TABLE orders (id bigint)', sql: 'ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text' },
    ])
  })
})
