import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/mysql-statement-not-analysed.js'
import { runRule } from '../../support/rule-tester.js'
import { testMysqlRule } from './support/mysql-cases.js'

describe('mysql-statement-not-analysed', () => {
  testMysqlRule(rule, {
    safe: [
      'CREATE TABLE t (id BIGINT PRIMARY KEY, name VARCHAR(20));',
      'ALTER TABLE t ADD COLUMN x INT, ALGORITHM=INSTANT;',
      'INSERT INTO t (id, name) VALUES (1, \'a;b\');',
      '-- preflight:ignore mysql-statement-not-analysed reviewed in PR 12\nOPTIMIZE TABLE t;',
    ],
    reported: [
      { sql: 'OPTIMIZE TABLE t;', at: '1:1', message: 'This OPTIMIZE TABLE statement was not analysed' },
      {
        sql: 'SELECT 1;\nCREATE PROCEDURE p()\nBEGIN\n  DECLARE n INT DEFAULT 0;\n  IF n > 0 THEN SELECT n; END IF;\nEND;\nSELECT 2;',
        at: '2:1',
        message: 'CREATE PROCEDURE',
      },
      { sql: 'DELIMITER $$\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.x = 1; END$$\nDELIMITER ;', at: '2:1', message: 'CREATE TRIGGER' },
    ],
  })

  it('is a note (info), never a syntax error, and names where the parser stopped', async () => {
    const findings = await runRule(rule, ['ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;'], { dialect: 'mysql' })
    expect(findings).toHaveLength(1)
    expect(findings[0]!.severity).toBe('info')
    expect(findings[0]!.message).toContain('"CONVERT TO CHARACTER SET utf8mb4"')
  })
})
