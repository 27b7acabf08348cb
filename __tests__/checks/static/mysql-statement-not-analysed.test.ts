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
      // Statements node-sql-parser does not know but whose keywords fix their meaning (real-world corpus).
      'SET NAMES utf8mb4;',
      '/*!40101 SET NAMES utf8mb4 */;\n/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;',
      '/*M!100100 SET NAMES utf8mb4 */;',
      'DROP PROCEDURE IF EXISTS add_column_if_not_exists;\ndrop FUNCTION `db`.`f`;\nDROP EVENT IF EXISTS e;',
      'PREPARE stmt FROM @s;\nDEALLOCATE PREPARE stmt;\nDROP PREPARE stmt;',
      'ALTER DATABASE temporal CHARACTER SET utf8mb4;',
      'ALTER TABLE temporal.namespaces CONVERT TO CHARACTER SET utf8mb4;',
    ],
    reported: [
      { sql: 'OPTIMIZE TABLE t;', at: '1:1', message: 'This OPTIMIZE TABLE statement was not analysed' },
      {
        sql: 'SELECT 1;\nCREATE PROCEDURE p()\nBEGIN\n  DECLARE n INT DEFAULT 0;\n  IF n > 0 THEN SELECT n; END IF;\nEND;\nSELECT 2;',
        at: '2:1',
        message: 'CREATE PROCEDURE',
      },
      { sql: 'DELIMITER $$\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.x = 1; END$$\nDELIMITER ;', at: '2:1', message: 'CREATE TRIGGER' },
      { sql: 'CREATE PROCEDURE p() BEGIN UPDATE t SET a = 1; END;', at: '1:1', message: 'node-sql-parser does not read the body of a stored procedure, so the statements in it (which run when it is called) were not checked' },
      // mysqldump writes triggers inside executable comments, under DELIMITER ;;.
      {
        sql: 'DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `ins` AFTER INSERT ON `t` FOR EACH ROW BEGIN\n  INSERT INTO log VALUES (NEW.id);\nEND */;;\nDELIMITER ;',
        at: '2:1',
        message: 'This CREATE TRIGGER statement was not analysed: node-sql-parser does not read the body of a stored trigger',
      },
      // "--" without a space is not a comment to MySQL: the line is SQL (DolphinScheduler).
      { sql: '--DROP PROCEDURE if EXISTS p;\nSELECT 1;', at: '1:1', message: '"--" without a space after it does not start a comment in MySQL' },
      { sql: 'EXECUTE stmt;', at: '1:1', message: 'it runs SQL prepared at run time (no PREPARE of it in this file)' },
    ],
  })

  it('is a note (info), never a syntax error, and names where the parser stopped', async () => {
    const findings = await runRule(rule, ['ALTER TABLE t EXCHANGE PARTITION p0 WITH TABLE u;'], { dialect: 'mysql' })
    expect(findings).toHaveLength(1)
    expect(findings[0]!.severity).toBe('info')
    expect(findings[0]!.message).toContain('"EXCHANGE PARTITION p0 WITH TABLE u"')
  })

  it('says which SQL an EXECUTE may run, read from the SET of the variable it was prepared from', async () => {
    const sql = [
      'SET @preparedStatement = (SELECT IF(',
      "    (SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE table_name = 'Users' AND column_name = 'LastPingAt') > 0,",
      "    'ALTER TABLE Users DROP COLUMN LastPingAt;',",
      "    'SELECT 1'",
      '));',
      'PREPARE alterIfExists FROM @preparedStatement;',
      'EXECUTE alterIfExists;',
      'DEALLOCATE PREPARE alterIfExists;',
    ].join('\n')
    const findings = await runRule(rule, [sql], { dialect: 'mysql' })
    expect(findings.map((f) => `${f.line}:${f.col}`)).toEqual(['7:1'])
    expect(findings[0]!.message).toContain("This EXECUTE statement was not analysed: it runs SQL prepared at run time (@preparedStatement is set at line 1): 'ALTER TABLE Users DROP COLUMN LastPingAt;' or 'SELECT 1'")
  })
})
