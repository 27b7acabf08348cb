import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/no-char-type.js'
import { runRule, testRule } from '../../support/rule-tester.js'

describe('no-char-type', () => {
  testRule(rule, {
    safe: [
      'CREATE TABLE countries (code text CHECK (length(code) = 2), name varchar(100));',
      'CREATE TABLE flags (kind "char");',
      'ALTER TABLE orders ADD COLUMN note character varying(20);',
      "SELECT 'CREATE TABLE t (c char(2))', 'x'::char(2);",
      '-- CREATE TABLE t (c char(2));\nSELECT 1;',
      'SELECT $$CREATE TABLE t (c char(2))$$;',
    ],
    reported: [
      { sql: 'CREATE TABLE countries (code char(2));', at: '1:1', message: 'countries.code (char(2)) pads every value' },
      { sql: 'SELECT 1;\n  create table "Public"."T" (a CHARACTER(3), b char);', at: '2:3', message: '"Public"."T".a (char(3)), "Public"."T".b (char(1))' },
      { sql: 'ALTER TABLE orders ADD COLUMN code character(4);\nALTER TABLE orders ALTER COLUMN region TYPE char(2);', at: ['1:1', '2:1'] },
      { sql: "DO $$ BEGIN EXECUTE 'CREATE TABLE t (c char(2))'; END $$;", at: '1:13' },
    ],
  })

  it('reports the ALTER TABLE lock', async () => {
    const [finding] = await runRule(rule, ['ALTER TABLE orders ADD COLUMN code char(2);'])
    expect(finding).toMatchObject({ lock: 'ACCESS EXCLUSIVE', tables: ['orders'] })
  })
})
