import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { gradeBySize } from '../../../src/checks/static/support/table-size.js'
import { collectLiveFacts } from '../../../src/dialects/postgres/facts.js'
import { makeTestContext } from '../../support/live-context.js'
import { createTestDatabase, type TestDatabase } from '../../support/pg.js'

describe('collectLiveFacts', () => {
  let db: TestDatabase
  beforeAll(async () => {
    db = await createTestDatabase()
    await db.exec(`CREATE TABLE small (id int, name varchar(20));
                   INSERT INTO small SELECT g, 'x' FROM generate_series(1, 50) g;
                   CREATE TABLE bigger (id int PRIMARY KEY, payload text);
                   INSERT INTO bigger SELECT g, repeat('y', 100) FROM generate_series(1, 20000) g;
                   CREATE TABLE parts (id int, at date) PARTITION BY RANGE (at);
                   CREATE TABLE parts_2026 PARTITION OF parts FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                   INSERT INTO parts SELECT g, '2026-06-01' FROM generate_series(1, 3000) g;
                   CREATE INDEX parts_at_idx ON parts (at);
                   CREATE MATERIALIZED VIEW totals AS SELECT g AS id FROM generate_series(1, 700) g;
                   CREATE TABLE logs (id int, body text, search tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(body, ''))) STORED);
                   ANALYZE`)
  })
  afterAll(async () => db.drop())

  it('reads sizes and column types of touched tables in one query each, with the thresholds', async () => {
    const pending = ['CREATE INDEX ON small (name);\nALTER TABLE bigger ADD COLUMN note text;\nCREATE INDEX ON parts (at);\nCREATE TABLE fresh (id int);\nCREATE INDEX ON fresh (id);']
    const { ctx, session } = await makeTestContext(db.url, { pending, target: { thresholds: { largeTableRows: 10_000 } } })
    try {
      const facts = await collectLiveFacts(ctx)
      expect(facts.thresholds).toEqual({ largeTableRows: 10_000, largeTableBytes: 1024 ** 3 })
      expect([...facts.tableSizes!.keys()].sort()).toEqual(['public.bigger', 'public.parts', 'public.small'])
      expect(facts.tableSizes!.get('public.small')!.rows).toBe(50)
      expect(facts.tableSizes!.get('public.parts')).toMatchObject({ rows: 3000 })
      expect(facts.tableSizes!.get('public.parts')!.bytes).toBeGreaterThan(0)
      const bytes = Number((await db.exec("SELECT pg_total_relation_size('bigger') AS b")).rows[0].b)
      expect(facts.tableSizes!.get('public.bigger')).toEqual({ rows: 20000, bytes })
      expect(facts.columnTypes!.get('public.small.name')).toBe('character varying(20)')
      expect(facts.hasPitrBackup).toBe(false)
      // What the static rules do with it: an index on 50 rows is info, on 20,000 (over the 10,000 threshold) an error.
      expect(gradeBySize({ live: facts }, 'small').severity).toBe('info')
      expect(gradeBySize({ live: facts }, 'bigger').severity).toBe('error')
      expect(gradeBySize({ live: facts }, 'fresh').severity).toBe('info')
    } finally {
      await session.close()
    }
  })

  it('marks the row count of a table never vacuumed or analysed as unknown (reltuples -1 since PostgreSQL 14)', async () => {
    await db.exec(`CREATE TABLE loaded (id int) WITH (autovacuum_enabled = false); INSERT INTO loaded SELECT g FROM generate_series(1, 5000) g`)
    const { ctx, session } = await makeTestContext(db.url, { pending: ['CREATE INDEX ON loaded (id);\nCREATE INDEX ON small (id);'] })
    try {
      const facts = await collectLiveFacts(ctx)
      const bytes = Number((await db.exec("SELECT pg_total_relation_size('loaded') AS b")).rows[0].b)
      expect(facts.tableSizes!.get('public.loaded')).toEqual({ rows: 0, bytes, isRowsKnown: false })
      expect(facts.tableSizes!.get('public.small')).toEqual({ rows: 50, bytes: expect.any(Number) })
      expect(gradeBySize({ live: facts }, 'loaded').description).toMatch(/^public\.loaded has an unknown number of rows \(never analysed; \d+\.\d kB\)$/)
    } finally {
      await session.close()
    }
  })

  it('reads which columns of the touched tables are generated', async () => {
    const { ctx, session } = await makeTestContext(db.url, { pending: ['ALTER TABLE logs DROP COLUMN search;\nALTER TABLE logs DROP COLUMN body;'] })
    try {
      const facts = await collectLiveFacts(ctx)
      expect([...facts.generatedColumns!]).toEqual(['public.logs.search'])
      expect(facts.columnTypes!.get('public.logs.search')).toBe('tsvector')
    } finally {
      await session.close()
    }
  })

  it('reads materialized views, and the table behind each index a statement names without its table', async () => {
    const pending = [
      'REFRESH MATERIALIZED VIEW totals;\nREINDEX INDEX bigger_pkey;\nREINDEX INDEX parts_at_idx;\n' +
        'ALTER INDEX public.bigger_pkey SET TABLESPACE pg_default;\nDROP INDEX IF EXISTS gone_idx, parts_at_idx;\nREINDEX INDEX missing_idx;',
    ]
    const { ctx, session } = await makeTestContext(db.url, { pending })
    try {
      const facts = await collectLiveFacts(ctx)
      expect([...facts.tableSizes!.keys()].sort()).toEqual(['index:public.bigger_pkey', 'index:public.parts_at_idx', 'public.totals'])
      expect(facts.tableSizes!.get('public.totals')!.rows).toBe(700)
      const bigger = Number((await db.exec("SELECT pg_total_relation_size('bigger') AS b")).rows[0].b)
      expect(facts.tableSizes!.get('index:public.bigger_pkey')).toEqual({ rows: 20000, bytes: bigger })
      // A partitioned index's table is the partitioned table: the sum over its partitions.
      expect(facts.tableSizes!.get('index:public.parts_at_idx')!.rows).toBe(3000)
      expect(gradeBySize({ live: facts }, 'index:public.bigger_pkey').severity).toBe('warning')
      expect(gradeBySize({ live: facts }, 'index:public.missing_idx')).toMatchObject({ severity: 'info', size: 'new' })
      expect(gradeBySize({ live: facts }, 'totals').description).toMatch(/^public\.totals has about 700 rows \(\d+\.\d kB\)$/)
    } finally {
      await session.close()
    }
  })

  it('falls back to statistics when a touched table is locked', async () => {
    const holder = await db.connect()
    await holder.query('BEGIN; LOCK TABLE bigger IN ACCESS EXCLUSIVE MODE')
    const { ctx, session } = await makeTestContext(db.url, { pending: ['CREATE INDEX ON bigger (payload);\nREINDEX INDEX bigger_pkey;'] })
    try {
      const facts = await collectLiveFacts(ctx)
      expect(facts.tableSizes!.get('public.bigger')!.rows).toBe(20000)
      expect(facts.tableSizes!.get('public.bigger')!.bytes).toBeGreaterThan(1024 ** 2)
      expect(facts.tableSizes!.get('index:public.bigger_pkey')).toEqual(facts.tableSizes!.get('public.bigger'))
    } finally {
      await session.close()
      await holder.query('ROLLBACK')
    }
  })
})
