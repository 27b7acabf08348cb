import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/dynamic-sql-not-analysed.js'
import { runRule, testRule } from '../../support/rule-tester.js'

describe('dynamic-sql-not-analysed', () => {
  testRule(rule, {
    safe: [
      "DO $$ BEGIN EXECUTE 'DROP TABLE orders'; END $$;",
      "DO $$ BEGIN EXECUTE 'DROP ' || 'TABLE orders'; END $$;",
      'DO $$ BEGIN UPDATE orders SET a = 1 WHERE id = 2; END $$;',
      // Not run during the migration: the function is never called.
      "CREATE FUNCTION f(t text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE format('DROP TABLE %I', t); END $$;",
      "SELECT 'EXECUTE format(''DROP TABLE %I'', t)';",
      "-- DO $$ BEGIN EXECUTE format('x'); END $$;\nSELECT 1;",
      // A function that calls itself is followed a few levels deep, then left alone.
      'CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$ BEGIN PERFORM f(); END $$;\nSELECT f();',
    ],
    reported: [
      { sql: "DO $$ BEGIN EXECUTE format('DROP TABLE %I', 'orders'); END $$;", at: '1:13', message: "EXECUTE of a string built at run time: format('DROP TABLE %I', 'orders')" },
      { sql: "SELECT 1;\n  do $$\n  DECLARE t text := 'orders';\n  BEGIN\n    EXECUTE 'TRUNCATE ' || quote_ident(t);\n  END $$;", at: '5:5', message: "'TRUNCATE ' || quote_ident(t)" },
      { sql: 'DO LANGUAGE plpython3u $$ plpy.execute("DROP TABLE orders") $$;', at: '1:1', message: 'code in language plpython3u' },
      { sql: 'DO $$ BEGIN DROP TABLLE orders; END $$;', at: '1:1', message: 'does not parse' },
      {
        sql: "CREATE FUNCTION purge(t text) RETURNS void LANGUAGE plpgsql AS $$ BEGIN EXECUTE format('TRUNCATE %I', t); END $$;\nSELECT purge('orders');",
        at: '2:1',
      },
      { sql: 'DO $$ DECLARE r record; BEGIN FOR r IN SELECT 1 LOOP EXECUTE r.sql; END LOOP; END $$;', at: '1:54' },
    ],
  })

  it('is a note, not a failure', async () => {
    const [finding] = await runRule(rule, ["DO $$ BEGIN EXECUTE format('DROP TABLE %I', 'orders'); END $$;"])
    expect(finding?.severity).toBe('info')
  })
})
