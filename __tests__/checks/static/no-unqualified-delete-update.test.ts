import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/no-unqualified-delete-update.js'
import { runRule, testRule } from '../../support/rule-tester.js'
import { testBackupCases } from './support/backup-cases.js'

describe('no-unqualified-delete-update', () => {
  testRule(rule, {
    safe: [
      "DELETE FROM orders WHERE status = 'void';",
      'UPDATE orders SET total = 0 WHERE total IS NULL;',
      'DELETE FROM orders WHERE true;',
      'CREATE TABLE tmp (id int);\nINSERT INTO tmp VALUES (1);\nDELETE FROM tmp;',
      // A backfill of a column the set added overwrites no existing value.
      'ALTER TABLE orders ADD COLUMN region text;\nUPDATE orders SET region = \'eu\';',
      { sql: 'UPDATE public.orders SET region = \'eu\';', before: ['ALTER TABLE orders ADD COLUMN region text;'] },
      "SELECT 'DELETE FROM orders';",
      '-- DELETE FROM orders;\nSELECT 1;',
      'SELECT $$UPDATE orders SET total = 0$$;',
      'DO $$ DECLARE c CURSOR FOR SELECT * FROM orders; BEGIN OPEN c; DELETE FROM orders WHERE CURRENT OF c; END $$;',
    ],
    reported: [
      { sql: 'DELETE FROM orders;', at: '1:1', message: 'DELETE without WHERE deletes every row of orders' },
      { sql: 'SELECT 1;\n  Update "Public"."Orders" Set total = 0;', at: '2:3', message: 'overwrites total in every row of "Public"."Orders"' },
      { sql: 'ALTER TABLE orders ADD COLUMN region text;\nUPDATE orders SET region = \'eu\', total = 0;', at: '2:1', message: 'region, total' },
      { sql: 'UPDATE orders o SET total = i.total FROM invoices i;', at: '1:1' },
      { sql: 'DELETE FROM orders USING customers c;', at: '1:1' },
      // A statement inside a DO block is reported at its own line and column.
      { sql: 'DO $$\nBEGIN\n  DELETE FROM orders;\nEND $$;', at: '3:3', message: 'inside a DO block' },
      { sql: 'SELECT 1; DO $$ BEGIN UPDATE orders SET x = 1; END $$;', at: '1:23', message: 'inside a DO block' },
      { sql: "DO\n$body$\nBEGIN\n  IF true THEN\n    EXECUTE 'DELETE FROM orders';\n  END IF;\nEND\n$body$;", at: '5:5', message: 'EXECUTE inside a DO block' },
      { sql: 'DO LANGUAGE plpgsql $$\nBEGIN\n  PERFORM 1;\n  DELETE FROM orders;\nEND $$;', at: '4:3' },
    ],
  })

  testBackupCases(rule, [
    { sql: '-- preflight:backup orders exported to s3://exports/orders.csv\nDELETE FROM orders;', kind: 'directive' },
    { sql: 'INSERT INTO orders_archive SELECT * FROM orders;\nDELETE FROM orders;', kind: 'copy', reference: 'orders_archive' },
    { sql: 'UPDATE orders SET total = 0;', live: { hasPitrBackup: true }, kind: 'pitr' },
  ])

  it('reports the row lock and the table', async () => {
    const [finding] = await runRule(rule, ['DELETE FROM app.orders;'])
    expect(finding).toMatchObject({ lock: 'ROW EXCLUSIVE', tables: ['app.orders'] })
  })
})
