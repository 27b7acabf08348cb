import { describe, expect, it } from '@jest/globals'
import { loadGrammar, OLDER_GRAMMARS } from '../../../src/dialects/postgres/grammars.js'
import { loadPostgresParser } from '../../../src/dialects/postgres/parser.js'
import { featuresUsedBy, isLeftToGrammar, SQL_FEATURES } from '../../../src/dialects/postgres/sql-features.js'

/** Feature ids the first statement of `sql` uses. */
async function used(sql: string): Promise<string[]> {
  const parsed = (await loadPostgresParser()).parse(sql)
  return featuresUsedBy(parsed.statements[0]!).map((f) => f.id)
}

/** A statement using each feature, with the ids it uses. */
const USES: readonly (readonly [string, readonly string[]])[] = [
    ['ALTER TABLE t ADD COLUMN x int DEFAULT 0', ['add-column-default-without-rewrite']],
    ['CREATE INDEX i ON t (a) INCLUDE (b)', ['index-include']],
    ['CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$', ['procedures']],
    ['REINDEX TABLE CONCURRENTLY t', ['reindex-concurrently']],
    ['CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED)', ['generated-columns']],
    ['ALTER TABLE t ALTER COLUMN b DROP EXPRESSION', ['drop-expression']],
    ['CREATE OR REPLACE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION f()', ['create-or-replace-trigger']],
    ['ALTER TABLE t DETACH PARTITION p CONCURRENTLY', ['detach-partition-concurrently']],
    ['ALTER TABLE t ALTER COLUMN a SET COMPRESSION lz4', ['set-compression']],
    ['MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE', ['merge']],
    ['CREATE UNIQUE INDEX i ON t (a) NULLS NOT DISTINCT', ['nulls-not-distinct']],
    ['ALTER TABLE t ADD CONSTRAINT u UNIQUE NULLS NOT DISTINCT (a)', ['nulls-not-distinct']],
    ['ALTER TABLE t SET ACCESS METHOD heap', ['set-access-method']],
    ['GRANT SET ON PARAMETER work_mem TO app', ['grant-on-parameter']],
    ['CREATE VIEW v WITH (security_invoker = true) AS SELECT 1', ['security-invoker-views']],
    ['MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE RETURNING *', ['merge', 'merge-returning']],
    ['ALTER TABLE t ALTER COLUMN b SET EXPRESSION AS (a * 3)', ['set-expression']],
    ["SELECT * FROM JSON_TABLE('[]'::jsonb, '$[*]' COLUMNS (a int PATH '$.a')) jt", ['json-table']],
    ['CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) VIRTUAL)', ['virtual-generated-columns']],
    ['ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT ENFORCED', ['not-enforced-constraints']],
    ['ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (id, during WITHOUT OVERLAPS)', ['without-overlaps']],
    ['ALTER TABLE t ADD CONSTRAINT nn NOT NULL a NOT VALID', ['not-null-constraint-syntax']],
    ['INSERT INTO t (id) VALUES (uuidv7())', ['uuidv7']],
]

describe('SQL features by first PostgreSQL major', () => {
  it.each(USES)('%s', async (sql, expected) => {
    expect(await used(sql)).toEqual(expected)
  })

  it.each([
    'ALTER TABLE t ADD COLUMN x int',
    'ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID',
    'ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)',
    'CREATE TABLE t (a int CHECK (a > 0) NOT NULL REFERENCES u)',
    'CREATE INDEX CONCURRENTLY i ON t (a)',
    'SELECT gen_random_uuid()',
  ])('uses nothing version-dependent: %s', async (sql) => {
    expect(await used(sql)).toEqual([])
  })

  // isGrammarSyntax must say exactly what the shipped grammars do: a flagged feature that some
  // grammar accepted would go unreported, an unflagged one the grammar rejects would be reported twice.
  it.each(SQL_FEATURES.filter((f) => OLDER_GRAMMARS.some((m) => m < f.since)).map((f) => [f.id, f] as const))('%s is flagged as grammar syntax exactly when the older grammars reject it', async (_id, feature) => {
    const sql = USES.find(([, ids]) => ids.includes(feature.id))![0]
    for (const major of OLDER_GRAMMARS.filter((m) => m < feature.since)) {
      expect({ major, rejected: (await loadGrammar(major)).reject(sql) !== undefined }).toEqual({ major, rejected: feature.isGrammarSyntax === true })
    }
  })

  it('leaves grammar syntax to target-version-syntax only where a grammar ships', () => {
    const merge = SQL_FEATURES.find((f) => f.id === 'merge')!
    const uuidv7 = SQL_FEATURES.find((f) => f.id === 'uuidv7')!
    expect([12, 13, 14].map((m) => isLeftToGrammar(merge, m))).toEqual([false, true, true])
    expect(isLeftToGrammar(uuidv7, 14)).toBe(false)
  })

  it('has unique ids, and names the first major of each feature', () => {
    expect(new Set(SQL_FEATURES.map((f) => f.id)).size).toBe(SQL_FEATURES.length)
    for (const f of SQL_FEATURES) expect(f.since).toBeGreaterThanOrEqual(11)
  })
})
