import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/require-on-conflict-for-seed.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testRerunOnServer } from './support/rerun-cases.js'

// A later statement that can fail, so the migration can stop half-way after the reported one.
const LATER = '\nUPDATE settings SET version = 2;'

describe('require-on-conflict-for-seed', () => {
  testRule(rule, {
    safe: [
      "INSERT INTO roles (name) VALUES ('admin') ON CONFLICT (name) DO NOTHING;",
      "INSERT INTO roles (name) VALUES ('admin') ON CONFLICT ON CONSTRAINT roles_name_key DO UPDATE SET name = EXCLUDED.name;",
      "INSERT INTO roles (name) SELECT 'admin' WHERE NOT EXISTS (SELECT 1 FROM roles WHERE name = 'admin');",
      'INSERT INTO orders_archive SELECT * FROM orders;',
      { sql: "INSERT INTO roles (name) VALUES ('admin');", inTransaction: true },
      "BEGIN;\nINSERT INTO roles (name) VALUES ('admin');\nCOMMIT;",
      "DO $$ BEGIN INSERT INTO roles (name) VALUES ('admin'); EXCEPTION WHEN unique_violation THEN NULL; END $$;",
      "SELECT 'INSERT INTO roles VALUES (1)';",
      "-- INSERT INTO roles VALUES (1);\nSELECT 1;",
      'SELECT $$INSERT INTO roles VALUES (1)$$;',
    ],
    reported: [
      { sql: "INSERT INTO roles (name) VALUES ('admin'), ('viewer');" + LATER, at: '1:1', message: 'INSERT INTO roles without ON CONFLICT' },
      { sql: "SELECT 1;\n  insert into \"Public\".\"Roles\" values (1, 'admin');" + LATER, at: '2:3', message: '"Public"."Roles"' },
      { sql: 'INSERT INTO counters DEFAULT VALUES;' + LATER, at: '1:1' },
      { sql: "INSERT INTO roles (name) SELECT 'admin';\nINSERT INTO settings VALUES ('k', 'v');" + LATER, at: ['1:1', '2:1'] },
    ],
  })

  it('reports the row lock', async () => {
    const [finding] = await runRule(rule, ['INSERT INTO app.roles VALUES (1);' + LATER])
    expect(finding).toMatchObject({ lock: 'ROW EXCLUSIVE', tables: ['app.roles'], severity: 'warning' })
  })

  describe('on a real server', () => {
    const setup = 'CREATE TABLE roles (name text PRIMARY KEY)'
    testRerunOnServer(rule, [
      { setup, sql: "INSERT INTO roles (name) VALUES ('admin'); SELECT 1", failsWith: '23505' },
      { setup, sql: "INSERT INTO roles (name) VALUES ('admin') ON CONFLICT (name) DO NOTHING" },
      { setup, sql: "INSERT INTO roles (name) SELECT 'admin' WHERE NOT EXISTS (SELECT 1 FROM roles WHERE name = 'admin')" },
    ])
  })
})
