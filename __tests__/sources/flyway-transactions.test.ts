import { describe, expect, it } from '@jest/globals'
import { flywayStatements, statementHeads } from '../../src/sources/layouts/flyway-transactions.js'

describe('flywayStatements (what Flyway runs outside a transaction on PostgreSQL)', () => {
  it('runs a migration of only CONCURRENTLY index statements without a transaction (conductor V9)', () => {
    const sql = [
      '-- Drop the unused text index; a comment with CREATE TABLE in it',
      'DROP INDEX CONCURRENTLY IF EXISTS a_idx;',
      'create unique index   concurrently if not exists b_idx ON t USING GIN (j jsonb_path_ops);',
      "CREATE INDEX CONCURRENTLY c_idx ON t USING GIN (jsonb_to_tsvector('english', j, '[\"all\"]'));",
    ].join('\n')
    expect(flywayStatements(sql)).toEqual({ kind: 'non-transactional', first: 'DROP INDEX CONCURRENTLY' })
    expect(flywayStatements('VACUUM ANALYZE t;\nREINDEX SCHEMA app;')).toEqual({ kind: 'non-transactional', first: 'VACUUM' })
  })

  it('says where a migration mixes such a statement with others, which Flyway refuses without mixed=true', () => {
    expect(flywayStatements('CREATE TABLE t (id int);\n\nCREATE INDEX CONCURRENTLY i ON t (id);')).toEqual({
      kind: 'mixed',
      nonTransactional: 'CREATE INDEX CONCURRENTLY',
      line: 3,
    })
  })

  it('keeps the rest in a transaction, including statements Flyway does not recognise as non-transactional', () => {
    expect(flywayStatements('CREATE INDEX i ON t (id);\nDROP INDEX i;')).toEqual({ kind: 'transactional' })
    // Flyway matches only these keywords: REINDEX TABLE CONCURRENTLY still runs in its transaction (and fails there).
    expect(flywayStatements('REINDEX TABLE CONCURRENTLY t;')).toEqual({ kind: 'transactional' })
    expect(flywayStatements('')).toEqual({ kind: 'transactional' })
  })

  it('never reads SQL words inside comments, strings, quoted names or dollar-quoted bodies', () => {
    const sql = [
      '/* outer /* nested; CREATE INDEX CONCURRENTLY x */ still comment; */ SELECT 1;',
      "SELECT 'a;CREATE INDEX CONCURRENTLY', E'it\\'s; VACUUM', \"odd;name\" FROM t;",
      'DO $body$ BEGIN EXECUTE $$VACUUM$$; PERFORM 1; END $body$;',
      'SELECT $1, x$y FROM t;',
    ].join('\n')
    expect(flywayStatements(sql)).toEqual({ kind: 'transactional' })
    expect([...statementHeads(sql)].map((s) => `${s.line} ${s.head}`)).toEqual(['1 SELECT 1', '2 SELECT ? , E ? ?', '3 DO ?', '4 SELECT $ 1 , X$Y'])
  })
})
