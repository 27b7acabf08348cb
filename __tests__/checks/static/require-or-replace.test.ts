import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/require-or-replace.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testRerunOnServer } from './support/rerun-cases.js'

// A later statement that can fail, so the migration can stop half-way after the reported one.
const LATER = '\nUPDATE settings SET version = 2;'

const trigger = 'CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit();'

describe('require-or-replace', () => {
  testRule(rule, {
    safe: [
      'CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;',
      'CREATE OR REPLACE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$;',
      'CREATE OR REPLACE VIEW v AS SELECT 1;',
      { sql: 'CREATE OR REPLACE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit();', pg: 14 },
      // Before PostgreSQL 14: drop, then create.
      { sql: `DROP TRIGGER IF EXISTS orders_audit ON public.orders;\n${trigger}`, pg: 13 },
      { sql: `DROP TRIGGER IF EXISTS orders_audit ON orders;\n${trigger}`, pg: 17 },
      'DROP VIEW IF EXISTS v;\nCREATE VIEW v AS SELECT 1;',
      'DROP FUNCTION IF EXISTS public.f(int);\nCREATE FUNCTION f(a int) RETURNS int LANGUAGE sql AS $$ SELECT a $$;',
      { sql: 'CREATE VIEW v AS SELECT 1;', inTransaction: true },
      "SELECT 'CREATE VIEW v AS SELECT 1';",
      '-- CREATE VIEW v AS SELECT 1;\nSELECT 1;',
      'SELECT $$CREATE FUNCTION f() RETURNS int$$;',
    ],
    reported: [
      { sql: 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;' + LATER, at: '1:1', message: 'CREATE FUNCTION f fails' },
      { sql: 'SELECT 1;\n  create procedure "App".p() language sql as $$ select 1 $$;' + LATER, at: '2:3', message: 'CREATE PROCEDURE "App".p' },
      { sql: 'CREATE VIEW v AS SELECT 1;\nCREATE VIEW public.w AS SELECT 2;' + LATER, at: ['1:1', '2:1'] },
      { sql: trigger + LATER, pg: 16, at: '1:1', message: 'CREATE TRIGGER orders_audit ON orders' },
      { sql: trigger + LATER, pg: 13, at: '1:1' },
      { sql: `DROP TRIGGER IF EXISTS orders_audit ON items;\n${trigger}` + LATER, at: '2:1' },
    ],
  })

  it('suggests OR REPLACE from PostgreSQL 14 and DROP TRIGGER IF EXISTS before', async () => {
    const [on16] = await runRule(rule, [trigger + LATER], { pg: 16 })
    expect(on16?.mitigation).toContain('CREATE OR REPLACE TRIGGER')
    const [on13] = await runRule(rule, [trigger + LATER], { pg: 13 })
    expect(on13?.mitigation).toMatch(/^Put DROP TRIGGER IF EXISTS orders_audit ON orders;/)
    expect(on13?.mitigation).toContain('needs PostgreSQL 14')
  })

  it('reports the trigger lock', async () => {
    const [finding] = await runRule(rule, [trigger + LATER])
    expect(finding).toMatchObject({ lock: 'SHARE ROW EXCLUSIVE', tables: ['orders'] })
  })

  describe('on a real server', () => {
    const setup = 'CREATE TABLE orders (id int); CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$'
    testRerunOnServer(rule, [
      { sql: 'CREATE VIEW v AS SELECT 1 AS x; SELECT 1', failsWith: '42P07' },
      { sql: 'CREATE OR REPLACE VIEW v AS SELECT 1 AS x' },
      { sql: 'CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$; SELECT 1', failsWith: '42723' },
      { setup, sql: 'CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit(); SELECT 1', failsWith: '42710' },
      { setup, sql: 'DROP TRIGGER IF EXISTS orders_audit ON orders; CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit()' },
    ])
  })
})
