import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/no-vacuum-full-or-cluster.js'
import { testRule } from '../../support/rule-tester.js'

describe('no-vacuum-full-or-cluster', () => {
  testRule(rule, {
    safe: [
      'VACUUM orders;',
      'VACUUM (ANALYZE) orders;',
      'VACUUM (FULL false) orders;',
      'ANALYZE orders;',
      'CREATE TABLE t (a int);\nVACUUM FULL t;',
      'CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nCLUSTER t USING t_a;',
      "SELECT 'VACUUM FULL t';",
    ],
    reported: [
      { sql: 'VACUUM FULL orders;', at: '1:1', message: 'VACUUM FULL rewrites public.orders under an ACCESS EXCLUSIVE lock: reads and writes are blocked' },
      { sql: 'VACUUM (FULL, ANALYZE) orders, "Items";', at: '1:1', message: 'public.orders, public."Items"' },
      { sql: 'SELECT 1;\nvacuum full;', at: '2:1', message: 'every table in the database' },
      { sql: 'CLUSTER orders USING orders_created_idx;', at: '1:1', message: 'CLUSTER rewrites public.orders' },
      { sql: 'CLUSTER;', at: '1:1', message: 'every previously clustered table' },
      { sql: 'CREATE TABLE t (a int);\nVACUUM FULL t, orders;', at: '2:1', message: 'rewrites public.orders under' },
    ],
  })
})
