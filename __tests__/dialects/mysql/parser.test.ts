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

  it('treats /*! version comments as SQL, not as comments', async () => {
    const statements = await outline('/*!40101 SET NAMES utf8mb4 */;\nSELECT 1;')
    expect(statements).toEqual([`${UNPARSED} 1:1-1:30 /*!40101 SET NAMES utf8mb4 */`, 'select 2:1-2:9 SELECT 1'])
  })

  it('never reports a syntax error: what node-sql-parser cannot read is "unparsed", with where it stopped', async () => {
    const parsed = (await loadMysqlParser()).parse('ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4;\nSELEC 1;')
    expect(parsed.syntaxError).toBeUndefined()
    expect(parsed.statements.map((s) => [s.kind, s.node.keywords])).toEqual([
      [UNPARSED, 'ALTER TABLE'],
      [UNPARSED, 'SELEC'],
    ])
    expect(parsed.statements[0]!.node.reason).toContain('"CONVERT TO CHARACTER SET utf8mb4"')
  })

  it('tries the MariaDB grammar for what the MySQL grammar does not read', async () => {
    expect(await outline('ALTER TABLE t ADD COLUMN IF NOT EXISTS c INT;')).toEqual(['alter 1:1-1:45 ALTER TABLE t ADD COLUMN IF NOT EXISTS c INT'])
  })

  it('returns no statements for an empty or comment-only file', async () => {
    expect(await outline('')).toEqual([])
    expect(await outline('-- nothing\n/* here */\n;;\n')).toEqual([])
  })
})
