import { describe, expect, it } from '@jest/globals'
import { defineStaticRule, type LiveFacts } from '../../../../src/engine/define.js'
import { isCreatedBefore, isSchemaCreatedBefore, tableKey } from '../../../../src/checks/static/support/created-in-pending.js'
import { runRule } from '../../../support/rule-tester.js'
import type { AstNode } from '../../../../src/checks/static/support/ast.js'

/**
 * A probe rule: at every `SELECT 'probe', '<table>'[, '<column>']` statement it reports whether
 * the pending set created that table (or column) before the probe.
 */
const probe = defineStaticRule({
  id: 'created-probe',
  title: 'probe',
  severity: 'info',
  run(ctx) {
    for (const ref of ctx.statements('SelectStmt')) {
      const args = (ref.stmt.node.targetList ?? []).map((t: AstNode) => t.ResTarget?.val?.A_Const?.sval?.sval)
      if (args[0] !== 'probe' && args[0] !== 'schema') continue
      const isNew = args[0] === 'schema' ? isSchemaCreatedBefore(ctx, ref, args[1]) : isCreatedBefore(ctx, ref, args[1], args[2])
      ctx.report(ref, { message: String(isNew), mitigation: 'nothing to do here' })
    }
  },
})

/** Runs the probe over files and returns the answers in order. */
async function answers(files: string[], live?: LiveFacts): Promise<boolean[]> {
  const findings = await runRule(probe, files, live ? { live } : {})
  return findings.map((f) => f.message === 'true')
}

describe('created-in-pending', () => {
  it('knows tables created earlier, not later, across files', async () => {
    expect(await answers(["SELECT 'probe', 'orders'; CREATE TABLE orders (id bigint); SELECT 'probe', 'orders';", "SELECT 'probe', 'public.orders';"])).toEqual([false, true, true])
  })

  it('treats public as the default schema and keeps quoted case', async () => {
    expect(
      await answers([`CREATE TABLE public.orders (id bigint); CREATE TABLE "Public"."Items" (id bigint); SELECT 'probe', 'orders'; SELECT 'probe', 'public.Items'; SELECT 'probe', 'Public.Items';`]),
    ).toEqual([true, false, true])
  })

  it('follows CREATE TABLE AS, SELECT INTO, drops and renames', async () => {
    const sql = [
      'CREATE TABLE a AS SELECT 1 AS x;',
      'SELECT 1 AS x INTO b;',
      'DROP TABLE a;',
      'ALTER TABLE b RENAME TO c;',
      'ALTER TABLE old RENAME TO d;',
      "SELECT 'probe', 'a'; SELECT 'probe', 'b'; SELECT 'probe', 'c'; SELECT 'probe', 'd';",
    ].join('\n')
    expect(await answers([sql])).toEqual([false, false, true, false])
  })

  it('knows columns added earlier and every column of a new table', async () => {
    const sql = "ALTER TABLE t ADD COLUMN c int; CREATE TABLE n (x int); SELECT 'probe', 't', 'c'; SELECT 'probe', 't', 'd'; SELECT 'probe', 'n', 'x'; SELECT 'probe', 't';"
    expect(await answers([sql])).toEqual([true, false, true, false])
  })

  it('creates unqualified names in the first schema of a SET search_path, and finds them through it, for the rest of the file', async () => {
    const sql = [
      "SET search_path TO app, public;",
      'CREATE TABLE orders (id bigint);',
      'ALTER TABLE items ADD COLUMN note text;',
      "SELECT 'probe', 'app.orders'; SELECT 'probe', 'public.orders'; SELECT 'probe', 'orders';",
      "SELECT 'probe', 'app.items', 'note'; SELECT 'probe', 'items', 'note';",
      'RESET search_path;',
      "SELECT 'probe', 'orders'; SELECT 'probe', 'app.orders';",
    ].join('\n')
    expect(await answers([sql])).toEqual([true, false, true, true, true, false, true])
    // A table the set made in a later schema of the path is found there; the next file starts from the default path.
    const later = "CREATE TABLE public.events (id int);\nSET search_path = \"$user\", app, public;\nSELECT 'probe', 'events';\nDROP TABLE events;\nSELECT 'probe', 'public.events';"
    expect(await answers([later, "SELECT 'probe', 'orders';"], undefined)).toEqual([true, false, false])
    expect(await answers(["SET search_path TO app;\nCREATE TABLE orders (id int);", "SELECT 'probe', 'orders'; SELECT 'probe', 'app.orders';"])).toEqual([false, true])
  })

  it('counts tables inside a schema the set created', async () => {
    const sql = "CREATE SCHEMA s CREATE TABLE q (a int); CREATE SCHEMA IF NOT EXISTS app; SELECT 'probe', 's.q'; SELECT 'probe', 's.other'; SELECT 'probe', 'app.t'; SELECT 'schema', 's'; SELECT 'schema', 'app';"
    expect(await answers([sql])).toEqual([true, true, false, true, true])
  })

  it('does not count IF NOT EXISTS when the target already has the table', async () => {
    const sql = "CREATE TABLE IF NOT EXISTS orders (id bigint); SELECT 'probe', 'orders';"
    expect(await answers([sql])).toEqual([true])
    expect(await answers([sql], { tableSizes: new Map([['public.orders', { rows: 10, bytes: 8192 }]]) })).toEqual([false])
  })

  it('counts a re-creation after a drop even with IF NOT EXISTS', async () => {
    const sql = "DROP TABLE orders; CREATE TABLE IF NOT EXISTS orders (id bigint); SELECT 'probe', 'orders';"
    expect(await answers([sql], { tableSizes: new Map([['public.orders', { rows: 10, bytes: 8192 }]]) })).toEqual([true])
  })

  it('ignores names inside strings and comments', async () => {
    const sql = "-- CREATE TABLE orders (id int);\nSELECT 'CREATE TABLE orders (id int)'; DO $$ BEGIN NULL; END $$; SELECT 'probe', 'orders';"
    expect(await answers([sql])).toEqual([false])
  })

  it('canonicalises names', () => {
    expect(tableKey('orders')).toBe('public.orders')
    expect(tableKey('Sales.Orders')).toBe('Sales.Orders')
  })
})
