import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/syntax-error.js'
import { testRule } from '../../support/rule-tester.js'

describe('syntax-error', () => {
  testRule(rule, {
    safe: ['CREATE TABLE t (id bigint);', "SELECT 'SELEC typo inside a string';", '-- SELEC in a comment\nSELECT 1;'],
    reported: [
      { sql: 'SELECT 1;\nSELEC 2;', at: '2:1', message: 'syntax error at or near "SELEC"' },
      { sql: '-- é comment\nCREATE TABLE t (a int,, b int);', at: '2:23' },
      { sql: "SELECT 'é';  ALTER TABLE t ADD COLUMN;", at: '1:38' },
    ],
  })
})
