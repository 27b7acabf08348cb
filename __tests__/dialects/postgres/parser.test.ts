/**
 * The main thread calls libpg-query's C entry points itself (raw-parse.ts), without its index
 * module: trees, syntax errors and PL/pgSQL trees must be exactly what parseSync and
 * parsePlPgSQLSync return.
 */
import { beforeAll, describe, expect, it } from '@jest/globals'
import { loadPostgresParser, type PostgresParser } from '../../../src/dialects/postgres/parser.js'

type LibpgQuery = typeof import('libpg-query')

const SQL: readonly string[] = [
  "-- préambule\nCREATE TABLE t (id bigint PRIMARY KEY, nom text DEFAULT 'Zürich 🚀');\nCREATE INDEX CONCURRENTLY t_nom ON t (nom);\n",
  "INSERT INTO t (nom) VALUES ('Ελληνικά'), ('データベース');\nALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0;",
  "DO $$\nBEGIN\n  EXECUTE 'ALTER TABLE t DROP COLUMN c';\nEND\n$$;",
  "SELECT 'é' AS x;\nSELEC 'ü' FROM;\n",
  'CREATE TABLE "Ünï" (x int',
  '',
]

const PLPGSQL: readonly string[] = [
  "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0); RETURN 1; END $$;",
  "DO $$ BEGIN RAISE NOTICE 'データ %', 1; EXECUTE 'SELECT 1'; END $$",
  'DO $$ BEGIN x y z; END $$',
]

let parser: PostgresParser
let lib: LibpgQuery

beforeAll(async () => {
  parser = await loadPostgresParser()
  lib = await import('libpg-query')
  await lib.loadModule()
})

/** What parseSync returns, or its error as message and cursor. */
function expected(sql: string): unknown {
  try {
    return lib.parseSync(sql)
  } catch (error) {
    const details = (error as { sqlDetails?: { message: string; cursorPosition: number } }).sqlDetails
    return { message: details?.message ?? (error as Error).message, cursor: details?.cursorPosition ?? 0 }
  }
}

describe('the PostgreSQL parser', () => {
  it.each(SQL.map((sql) => [sql]))('gives parseSync trees and errors for %j', (sql) => {
    const want = expected(sql) as { stmts?: { stmt: Record<string, unknown> }[]; message?: string }
    const parsed = parser.parse(sql)
    if (want.message !== undefined) {
      expect(parsed.statements).toEqual([])
      expect(parsed.syntaxError?.message).toBe(want.message)
      return
    }
    expect(parsed.syntaxError).toBeUndefined()
    expect(parsed.statements.map((s) => ({ [s.kind]: s.node }))).toEqual((want.stmts ?? []).map((s) => s.stmt))
    expect(parsed.parserVersion).toBe((want as { version: number }).version)
  })

  it.each(PLPGSQL.map((sql) => [sql]))('gives parsePlPgSQLSync trees and errors for %j', (sql) => {
    let want: unknown
    try {
      want = lib.parsePlPgSQLSync(sql)
    } catch (error) {
      want = { error: (error as Error).message }
    }
    let got: unknown
    try {
      got = parser.parsePlpgsql!(sql)
    } catch (error) {
      got = { error: (error as Error).message }
    }
    expect(got).toEqual(want)
  })

  it('reads statement text from the file only when asked, the same text each time', () => {
    const parsed = parser.parse(SQL[0]!)
    expect(parsed.statements.map((s) => s.text)).toEqual([
      "CREATE TABLE t (id bigint PRIMARY KEY, nom text DEFAULT 'Zürich 🚀')",
      'CREATE INDEX CONCURRENTLY t_nom ON t (nom)',
    ])
    expect(parsed.statements[0]!.text).toBe(parsed.statements[0]!.text)
  })
})
