import { describe, expect, it } from '@jest/globals'
import rule from '../../../src/checks/static/no-transaction-control-in-wrapped-file.js'
import { runRule, testRule } from '../../support/rule-tester.js'

const WRAPPED = 'BEGIN;\nALTER TABLE t ADD COLUMN a int;\nCOMMIT;'

describe('no-transaction-control-in-wrapped-file', () => {
  testRule(rule, {
    safe: [
      // Not wrapped by the tool: the file's own transaction is the only one.
      WRAPPED,
      { sql: 'SAVEPOINT s;\nALTER TABLE t ADD COLUMN a int;\nROLLBACK TO SAVEPOINT s;\nRELEASE SAVEPOINT s;', inTransaction: true },
      { sql: "SELECT 'COMMIT';\n-- BEGIN;\nDO $$ BEGIN NULL; END $$;", inTransaction: true },
    ],
    reported: [
      { sql: WRAPPED, inTransaction: true, at: ['1:1', '3:1'], message: 'BEGIN inside a file that runs in a transaction already (test: in a transaction)' },
      { sql: 'ALTER TABLE t ADD COLUMN a int;\ncommit;\nCREATE INDEX CONCURRENTLY i ON t (a);', inTransaction: true, at: '2:1', message: 'COMMIT inside a file' },
      { sql: 'START TRANSACTION;\nSELECT 1;\nEND;', inTransaction: true, at: ['1:1', '3:1'] },
      { sql: 'DELETE FROM t;\n  ROLLBACK;', inTransaction: true, at: '2:3', message: 'rolls back everything before it' },
    ],
  })

  it('stays quiet for tools that send the file as one script (implicit transaction)', async () => {
    expect(await runRule(rule, [WRAPPED], { layout: 'golang-migrate', inTransaction: true })).toEqual([])
    expect(await runRule(rule, [WRAPPED], { layout: 'prisma', inTransaction: true })).toEqual([])
    expect((await runRule(rule, [WRAPPED], { layout: 'flyway', inTransaction: true })).map((f) => `${f.line}:${f.col}`)).toEqual(['1:1', '3:1'])
  })
})
