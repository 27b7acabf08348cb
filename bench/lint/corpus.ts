/**
 * Generates a corpus of realistic PostgreSQL migrations for the lint benchmark: wide CREATE TABLEs,
 * indexes, ALTERs, multi-row INSERTs (with non-ASCII text), DO blocks, functions, triggers, views
 * and comments. A seeded generator makes every run lint the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Corpus {
  readonly dir: string
  readonly files: number
  readonly bytes: number
  /** Top-level statements written (what the parser should find). */
  readonly statements: number
}

const TYPES = ['bigint', 'integer', 'text', 'varchar(255)', 'boolean', 'timestamptz', 'numeric(12,2)', 'jsonb', 'uuid', 'date', 'smallint', 'bytea'] as const
const WORDS = ['account', 'order', 'invoice', 'customer', 'payment', 'shipment', 'product', 'review', 'session', 'audit', 'ledger', 'tenant', 'webhook', 'coupon', 'region'] as const
const TEXTS = ['plain value', 'Zürich café', 'naïve résumé', 'Ελληνικά', 'データベース', 'emoji 🚀 launch', "it''s quoted", 'Straße'] as const

/** A small seeded PRNG (mulberry32): the same seed yields the same corpus. */
function createRandom(seed: number): { int(max: number): number; pick<T>(list: readonly T[]): T } {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return { int: (max) => Math.floor(next() * max), pick: (list) => list[Math.floor(next() * list.length)]! }
}

type Random = ReturnType<typeof createRandom>

/** The name in a column definition line. */
function columnName(definition: string): string {
  return definition.trim().split(' ')[0]!
}

/** One migration file: its SQL and how many top-level statements it holds. */
function migration(n: number, rnd: Random): { sql: string; statements: number } {
  const table = `${rnd.pick(WORDS)}_${rnd.pick(WORDS)}_${n}`
  const prev = n > 0 ? `${WORDS[(n - 1) % WORDS.length]}_events_${n - 1}` : 'tenants'
  const cols = Array.from({ length: 16 + rnd.int(18) }, (_, i) => `  col_${i}_${rnd.pick(WORDS)} ${rnd.pick(TYPES)}${rnd.int(3) === 0 ? ' NOT NULL' : ''}${rnd.int(5) === 0 ? " DEFAULT '0'" : ''}`)
  const out: string[] = []
  const push = (s: string): void => {
    out.push(s)
  }
  push(`-- Migration ${n}: ${table}\n-- Ticket PROJ-${1000 + n}; reviewed by the data team.\n/*
 * Why: the ${rnd.pick(WORDS)} service needs ${table} to record each ${rnd.pick(WORDS)} per tenant.
 * Rollout: deploy the code that writes both tables first, then run this file.
 * Rollback: DROP TABLE ${table}_archive, ${table}; the trigger and view go with them.
 */`)
  push(`CREATE TABLE ${table} (\n  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n  tenant_id bigint NOT NULL,\n${cols.join(',\n')},\n  created_at timestamptz NOT NULL DEFAULT now(),\n  updated_at timestamptz\n);`)
  push(`CREATE INDEX ${table}_tenant_idx ON ${table} (tenant_id, created_at DESC);`)
  push(`CREATE UNIQUE INDEX CONCURRENTLY ${table}_col0_key ON ${table} (${columnName(cols[0]!)}) WHERE updated_at IS NULL;`)
  push(`ALTER TABLE ${table} ADD COLUMN status text NOT NULL DEFAULT 'new';`)
  push(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_tenant_fk FOREIGN KEY (tenant_id) REFERENCES tenants (id) NOT VALID;`)
  push(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${table}_tenant_fk;`)
  push(`ALTER TABLE ${prev} ALTER COLUMN updated_at SET DEFAULT now(), ADD COLUMN note_${n} text;`)
  push(`COMMENT ON TABLE ${table} IS '${rnd.pick(TEXTS)}: rows for the ${rnd.pick(WORDS)} service';`)
  const rows = Array.from({ length: 5 + rnd.int(8) }, (_, i) => `  (${i + 1}, '${rnd.pick(TEXTS)}', now())`)
  push(`-- seed data\nINSERT INTO ${table} (tenant_id, status, created_at) VALUES\n${rows.join(',\n')}\nON CONFLICT DO NOTHING;`)
  push(`UPDATE ${table} SET status = 'active', updated_at = now() WHERE status = 'new' AND tenant_id IN (SELECT id FROM tenants WHERE region = '${rnd.pick(TEXTS)}');`)
  push(
    `DO $$\nDECLARE\n  r record;\nBEGIN\n  FOR r IN SELECT id FROM ${table} WHERE status = 'active' LOOP\n    RAISE NOTICE 'row % (%)', r.id, '${rnd.pick(TEXTS)}';\n  END LOOP;\n  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'reporting') THEN\n    CREATE ROLE reporting;\n  END IF;\nEND\n$$;`,
  )
  push(
    `CREATE OR REPLACE FUNCTION ${table}_touch() RETURNS trigger\nLANGUAGE plpgsql AS $fn$\nBEGIN\n  NEW.updated_at := now();\n  -- keep the status in sync\n  IF NEW.status IS NULL THEN\n    NEW.status := 'new';\n  END IF;\n  RETURN NEW;\nEND;\n$fn$;`,
  )
  push(`CREATE TRIGGER ${table}_touch BEFORE UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_touch();`)
  push(`CREATE OR REPLACE VIEW ${table}_active AS\n  SELECT t.id, t.tenant_id, t.status, t.created_at\n  FROM ${table} t JOIN tenants tn ON tn.id = t.tenant_id\n  WHERE t.status = 'active' ORDER BY t.created_at DESC;`)
  push(`GRANT SELECT ON ${table}_active TO reporting;`)
  push(`ALTER TABLE ${table} ALTER COLUMN status SET NOT NULL, ALTER COLUMN ${columnName(cols[1]!)} TYPE text;`)
  push(`CREATE TABLE ${table}_archive (LIKE ${table} INCLUDING ALL);\n-- trailing note: archive is filled by a job`)
  // The header is comments only; every other chunk is one statement.
  return { sql: out.join('\n\n') + '\n', statements: out.length - 1 }
}

/** Writes `count` migration files into `dir` (plain layout: 000001_name.sql) and returns their size. */
export function writeCorpus(dir: string, count: number, seed = 42): Corpus {
  mkdirSync(dir, { recursive: true })
  const rnd = createRandom(seed)
  let bytes = 0
  let statements = 0
  for (let n = 0; n < count; n++) {
    const { sql, statements: s } = migration(n, rnd)
    const name = `${String(n + 1).padStart(6, '0')}_${WORDS[n % WORDS.length]}.sql`
    writeFileSync(join(dir, name), sql)
    bytes += Buffer.byteLength(sql)
    statements += s
  }
  return { dir, files: count, bytes, statements }
}
