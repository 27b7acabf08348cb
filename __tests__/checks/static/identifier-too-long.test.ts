import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/identifier-too-long.js'
import { runRule, testRule } from '../../support/rule-tester.js'

const LONG = `idx_${'a'.repeat(60)}` // 64 bytes
const MAX = 'b'.repeat(63)
const E_32 = 'é'.repeat(32) // 64 bytes in 32 characters

describe('identifier-too-long', () => {
  testRule(rule, {
    safe: [
      `CREATE INDEX ${MAX} ON t (a);`,
      `CREATE TABLE "${'é'.repeat(31)}" (id int);`,
      // Long text that is not a created name.
      `SELECT '${LONG}';\nCOMMENT ON TABLE t IS '${LONG}';`,
      `-- CREATE TABLE ${LONG} (a int);\nSELECT 1;`,
      `DO $$ BEGIN EXECUTE 'CREATE TABLE ${LONG} (a int)'; END $$;`,
      // References to an existing long name are truncated the same way.
      `SELECT * FROM ${LONG};`,
    ],
    reported: [
      { sql: `CREATE INDEX ${LONG} ON t (a);`, at: '1:14', message: `Identifier "${LONG}" is 64 bytes; PostgreSQL silently truncates it to 63` },
      { sql: `SELECT 1;\nCREATE TABLE "${E_32}" (id int);`, at: '2:14', message: 'is 64 bytes' },
      { sql: `create table t (\n  id int,\n  ${'Col_'.repeat(17)} text\n);`, at: '3:3', message: `"${'col_'.repeat(17)}"` },
      { sql: `ALTER TABLE t ADD CONSTRAINT ${LONG} CHECK (a > 0);`, at: '1:30' },
      { sql: `ALTER TABLE t RENAME COLUMN a TO ${LONG};`, at: '1:34' },
      { sql: `CREATE TABLE s.${LONG} (a int);\nCREATE INDEX i ON s.${LONG} (a);`, at: '1:16' },
      { sql: `CREATE TYPE mood AS ENUM ('${'x'.repeat(64)}');`, at: '1:1', message: 'PostgreSQL rejects labels over 63 bytes' },
    ],
  })

  it('names the truncated result', async () => {
    const [finding] = await runRule(rule, [`CREATE TABLE "${E_32}" (id int);`])
    expect(finding?.evidence).toMatchObject({ bytes: 64, maxBytes: 63, truncatedTo: 'é'.repeat(31) })
  })
})
