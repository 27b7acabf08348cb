import { describe, expect, it } from '@jest/globals'
import { loadMysqlParser, UNPARSED } from '../../../src/dialects/mysql/parser.js'
import { parseDirectives } from '../../../src/engine/directives.js'

/** Parses `sql` and lists each statement as "kind line:col-endLine:endCol text". */
async function outline(sql: string): Promise<string[]> {
  const parsed = (await loadMysqlParser()).parse(sql)
  return parsed.statements.map((s) => `${s.kind} ${s.line}:${s.col}-${s.endLine}:${s.endCol} ${s.text}`)
}

describe('MySQL parser', () => {
  it('splits on ; outside quotes, backticks and comments, with exact positions', async () => {
    const sql = [
      "SELECT 'a;b', \"c;d\", `e;f` FROM t; /* x; */ SELECT 'it''s', 'back\\'slash;';",
      '-- c;',
      '# d;',
      'SELECT 5--1;',
      'UPDATE t SET a = 1',
    ].join('\n')
    expect(await outline(sql)).toEqual([
      "select 1:1-1:34 SELECT 'a;b', \"c;d\", `e;f` FROM t",
      "select 1:45-1:75 SELECT 'it''s', 'back\\'slash;'",
      'select 4:1-4:12 SELECT 5--1',
      'update 5:1-5:19 UPDATE t SET a = 1',
    ])
  })

  it('counts columns in characters and byte ranges in bytes', async () => {
    const parsed = (await loadMysqlParser()).parse("SELECT 'é';  UPDATE t SET ü = 'ø'")
    const [first, second] = parsed.statements
    expect(first!.endByte - first!.startByte).toBe(Buffer.byteLength("SELECT 'é'"))
    expect(second!.col).toBe(14)
    expect(second!.text).toBe("UPDATE t SET ü = 'ø'")
    expect(parsed.lines.slice(second!.startByte, second!.endByte)).toBe(second!.text)
  })

  it('follows DELIMITER and keeps routine bodies whole', async () => {
    const sql = [
      'DELIMITER //',
      'CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.a = 1; SET NEW.b = 2; END//',
      'DELIMITER ;',
      'CREATE PROCEDURE p()',
      'BEGIN',
      '  DECLARE n INT DEFAULT 0;',
      '  IF n > 0 THEN SELECT CASE WHEN n THEN 1 ELSE 2 END; END IF;',
      '  lbl: LOOP LEAVE lbl; END LOOP;',
      'END;',
      'DROP TABLE t;',
    ].join('\n')
    const statements = await outline(sql)
    expect(statements.map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual([`${UNPARSED} 2:1-2:90`, `${UNPARSED} 4:1-9:4`, 'drop 10:1-10:13'])
  })

  it('keeps the comments before each statement, and trailing ones, for directives', async () => {
    const parsed = (await loadMysqlParser()).parse('-- preflight:ignore mysql-no-drop-table staging only\n# note\nDROP TABLE t;\n-- end\n')
    expect(parsed.statements[0]!.comments.map((c) => `${c.line}:${c.col} ${c.text}`)).toEqual(['1:1 -- preflight:ignore mysql-no-drop-table staging only', '2:1 # note'])
    expect(parsed.trailingComments.map((c) => c.text)).toEqual(['-- end'])
    expect(parseDirectives(parsed)).toEqual([expect.objectContaining({ kind: 'ignore', ruleIds: ['mysql-no-drop-table'], reason: 'staging only', statementIndex: 0 })])
  })

  it('reads /*! version comments (and MariaDB /*M!) as the SQL the server runs, not as comments', async () => {
    const statements = await outline('/*!40101 SET NAMES utf8mb4 */;\nSELECT 1;\n/*M!100100 SET NAMES utf8mb4 */;')
    expect(statements).toEqual(['set 1:1-1:30 /*!40101 SET NAMES utf8mb4 */', 'select 2:1-2:9 SELECT 1', 'set 3:1-3:32 /*M!100100 SET NAMES utf8mb4 */'])
    const parsed = (await loadMysqlParser()).parse('/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;')
    expect(parsed.statements[0]!.node.expr.map((e: { left: { name: string } }) => e.left.name)).toEqual(['OLD_FOREIGN_KEY_CHECKS', 'FOREIGN_KEY_CHECKS'])
  })

  it('reads the SQL of executable comments inside a statement (mysqldump, Roundcube)', async () => {
    const parsed = (await loadMysqlParser()).parse(
      'CREATE TABLE `cache` (\n `cache_key` varchar(128) /*!40101 CHARACTER SET ascii COLLATE ascii_general_ci */ NOT NULL\n) /*!40000 ENGINE=INNODB */ /*!40101 CHARACTER SET utf8 COLLATE utf8_general_ci */;',
    )
    expect(parsed.statements.map((s) => s.kind)).toEqual(['create'])
    expect(JSON.stringify(parsed.statements[0]!.node.table_options)).toContain('INNODB')
  })

  it('never reports a syntax error: what node-sql-parser cannot read is "unparsed", with where it stopped', async () => {
    const parsed = (await loadMysqlParser()).parse('ALTER TABLE t EXCHANGE PARTITION p0 WITH TABLE u;\nSELEC 1;')
    expect(parsed.syntaxError).toBeUndefined()
    expect(parsed.statements.map((s) => [s.kind, s.node.keywords])).toEqual([
      [UNPARSED, 'ALTER TABLE'],
      [UNPARSED, 'SELEC'],
    ])
    expect(parsed.statements[0]!.node.reason).toContain('"EXCHANGE PARTITION p0 WITH TABLE u"')
  })

  it('says so when a statement ends before it is complete, as with an unclosed quote', async () => {
    const parsed = (await loadMysqlParser()).parse("UPDATE t SET a = 'unterminated;\nDROP TABLE x;")
    expect(parsed.statements.map((s) => [s.kind, s.node.reason])).toEqual([
      [UNPARSED, 'node-sql-parser reached the end of the statement before it was complete (an unclosed quote, parenthesis or block?)'],
    ])
  })

  it('splits what a custom DELIMITER sends on ";" as the server does, keeping routine bodies whole (ZoneMinder)', async () => {
    const sql = [
      'delimiter //',
      'DROP TRIGGER IF EXISTS tr;',
      'CREATE TRIGGER tr AFTER UPDATE ON t',
      'FOR EACH ROW',
      '  BEGIN',
      '    IF ( NEW.a ) THEN UPDATE m SET x = 1 WHERE id = NEW.id; END IF;',
      '  END;',
      '  //',
      'DELIMITER ;',
    ].join('\n')
    const statements = await outline(sql)
    expect(statements.map((s) => s.split(' ').slice(0, 2).join(' '))).toEqual(['drop 2:1-2:26', `${UNPARSED} 3:1-7:6`])
  })

  it('keeps a mysqldump trigger written in executable comments whole under DELIMITER ;;', async () => {
    const sql = 'DELIMITER ;;\n/*!50003 CREATE*/ /*!50017 DEFINER=`root`@`localhost`*/ /*!50003 TRIGGER `ins` AFTER INSERT ON `t` FOR EACH ROW BEGIN\n  INSERT INTO log VALUES (NEW.id);\nEND */;;\nDELIMITER ;\nSELECT 1;'
    const parsed = (await loadMysqlParser()).parse(sql)
    expect(parsed.statements.map((s) => [s.kind, s.line, s.endLine, s.node.keywords])).toEqual([
      [UNPARSED, 2, 4, 'CREATE TRIGGER'],
      ['select', 6, 6, undefined],
    ])
  })

  it('reads statements node-sql-parser rejects when their keywords fix their meaning', async () => {
    const parsed = (await loadMysqlParser()).parse(
      [
        'SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci;',
        'PREPARE stmt FROM @s;',
        'DEALLOCATE PREPARE stmt;',
        'DROP PROCEDURE IF EXISTS `db`.`p`;',
        'ALTER TABLE `t` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, ALGORITHM=COPY;',
        'ALTER TABLE t DROP COLUMN IF EXISTS c, DROP INDEX IF EXISTS i;',
        'ALTER TABLE t ADD COLUMN c INT, RENAME INDEX a TO b;',
      ].join('\n'),
    )
    expect(parsed.statements.map((s) => s.kind)).toEqual(['set', 'prepare', 'deallocate', 'drop', 'alter', 'alter', UNPARSED])
    expect(parsed.statements[3]!.node).toEqual({ type: 'drop', keyword: 'procedure', prefix: 'if exists', name: [{ db: 'db', name: 'p' }] })
    expect(parsed.statements[4]!.node.expr.map((i: { resource: string }) => i.resource)).toEqual(['convert', 'algorithm'])
    expect(parsed.statements[5]!.node.expr.map((i: { resource: string; action: string }) => `${i.action} ${i.resource}`)).toEqual(['drop column', 'drop index'])
  })

  it('skips a UTF-8 byte order mark and reads a MariaDB /*M! comment as SQL, never dropping a statement', async () => {
    const parsed = (await loadMysqlParser()).parse('\uFEFFCREATE TABLE t (id INT);\n/*M!100100 ALTER TABLE t FORCE */;')
    expect(parsed.statements.map((s) => [s.kind, s.text])).toEqual([
      ['create', 'CREATE TABLE t (id INT)'],
      ['alter', '/*M!100100 ALTER TABLE t FORCE */'],
    ])
  })

  it('tries the MariaDB grammar for what the MySQL grammar does not read', async () => {
    expect(await outline('ALTER TABLE t ADD COLUMN IF NOT EXISTS c INT;')).toEqual(['alter 1:1-1:45 ALTER TABLE t ADD COLUMN IF NOT EXISTS c INT'])
  })

  it("reads MariaDB's CREATE INDEX IF NOT EXISTS and DROP INDEX IF EXISTS as index statements with the guard marked, text as written", async () => {
    const parsed = (await loadMysqlParser()).parse(
      'CREATE UNIQUE INDEX IF NOT EXISTS `i` ON shop.t (a);\ndrop index if exists i on t;\nDROP INDEX IF EXISTS i ON t WHERE x;',
    )
    expect(parsed.statements.map((s) => [s.kind, s.text])).toEqual([
      ['create', 'CREATE UNIQUE INDEX IF NOT EXISTS `i` ON shop.t (a)'],
      ['drop', 'drop index if exists i on t'],
      // Another gap besides the guard: unparsed, with where the full text stopped.
      [UNPARSED, 'DROP INDEX IF EXISTS i ON t WHERE x'],
    ])
    expect(parsed.statements[0]!.node).toMatchObject({ keyword: 'index', index: 'i', if_not_exists: 'IF NOT EXISTS', table: { db: 'shop', table: 't' } })
    expect(parsed.statements[1]!.node).toMatchObject({ keyword: 'index', prefix: 'if exists', table: { db: null, table: 't' } })
    expect(parsed.statements[2]!.node.reason).toContain('EXISTS i ON t WHERE x')
  })

  it('returns no statements for an empty or comment-only file', async () => {
    expect(await outline('')).toEqual([])
    expect(await outline('-- nothing\n/* here */\n;;\n')).toEqual([])
  })
})
