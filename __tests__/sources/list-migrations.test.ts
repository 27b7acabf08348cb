import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { LAYOUTS } from '../../src/config/schema.js'
import { ConfigError } from '../../src/engine/errors.js'
import { writeFileSync } from 'node:fs'
import { createTextReader } from '../../src/sources/files.js'
import { DETECTION_ORDER, detectLayout, getLayout, LAYOUT_REGISTRY } from '../../src/sources/layouts/index.js'
import { listMigrations } from '../../src/sources/list-migrations.js'
import { makeProject, type TempProject } from './helpers.js'

let project: TempProject

beforeAll(async () => {
  project = await makeProject({
    'migrations/001_init.sql': 'CREATE TABLE t (id int);\n',
    'migrations/002_more.sql': 'ALTER TABLE t ADD COLUMN c int;\n',
    // A Drizzle folder also holds plain .sql files: the journal must win.
    'drizzle/0000_init.sql': 'CREATE TABLE t (id int);\n',
    'drizzle/meta/_journal.json': JSON.stringify({ entries: [{ idx: 0, version: '7', when: 1, tag: '0000_init', breakpoints: true }] }),
    'empty/.gitkeep': '',
    'a-file.sql': 'SELECT 1;\n',
  })
})

afterAll(async () => {
  await project?.remove()
})

describe('layout registry', () => {
  it('registers every layout name once, sorted', () => {
    const names = LAYOUT_REGISTRY.map((l) => l.name)
    expect(names).toEqual([...LAYOUTS].sort())
    expect([...DETECTION_ORDER].sort()).toEqual([...LAYOUTS].sort())
    expect(DETECTION_ORDER.at(-1)).toBe('plain')
  })

  it('returns layouts by name, plain with its history table', () => {
    for (const name of LAYOUTS) expect(getLayout(name).name).toBe(name)
    expect(getLayout('plain', 'public.applied').historyTable).toBe('public.applied')
  })

  it('prefers distinctive markers over plain .sql files', async () => {
    expect((await detectLayout(project.at('drizzle')))?.layout.name).toBe('drizzle')
    expect(await detectLayout(project.at('empty'))).toBeUndefined()
  })
})

describe('listMigrations', () => {
  it('detects the layout and lists files relative to the project root', async () => {
    const listing = await listMigrations({ dir: 'migrations', projectRoot: project.root, transaction: 'auto' })
    expect(listing).toMatchObject({ layout: { name: 'plain' }, detected: true, reason: 'found 2 .sql files' })
    expect(listing.files.map((f) => f.path)).toEqual(['migrations/001_init.sql', 'migrations/002_more.sql'])
  })

  it('uses the configured layout without detecting', async () => {
    const listing = await listMigrations({ dir: project.at('migrations'), projectRoot: project.root, layout: 'supabase', transaction: 'auto' })
    expect(listing).toMatchObject({ layout: { name: 'supabase' }, detected: false, reason: 'migrations.layout is "supabase" in the configuration' })
    expect(listing.files.map((f) => f.id)).toEqual(['001', '002'])
  })

  it('gives a detected plain layout the configured history table', async () => {
    const listing = await listMigrations({ dir: 'migrations', projectRoot: project.root, transaction: 'auto', historyTable: 'applied' })
    expect(listing.layout.historyTable).toBe('applied')
  })

  it('explains a missing folder', async () => {
    const error = await listMigrations({ dir: 'nope', projectRoot: project.root, transaction: 'auto' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).message).toMatch(/does not exist \(migrations\.path is "nope"/)
    expect((error as ConfigError).fix).toContain('migrations.path')
    await expect(listMigrations({ dir: 'a-file.sql', projectRoot: project.root, transaction: 'auto' })).rejects.toThrow(ConfigError)
  })

  it('explains a folder no layout recognises, naming the layouts', async () => {
    const error = await listMigrations({ dir: 'empty', projectRoot: project.root, transaction: 'auto' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as ConfigError).message).toContain('empty')
    expect((error as ConfigError).fix).toContain('migrations.layout')
  })
})

describe('reading files once per listing', () => {
  it('hands the files detection read to the listing', async () => {
    const cached = createTextReader()
    const asked: string[] = []
    const read = (p: string): Promise<string> => {
      asked.push(p)
      return cached(p)
    }
    // Not dbmate's: detection reads every file looking for "-- migrate:up", then plain lists them.
    const found = await detectLayout(project.at('migrations'), read)
    expect(found?.layout.name).toBe('plain')
    const files = await found!.layout.list(project.at('migrations'), project.root, { transaction: 'auto', read })
    expect(files.map((f) => f.raw)).toEqual(['CREATE TABLE t (id int);\n', 'ALTER TABLE t ADD COLUMN c int;\n'])
    expect([...new Set(asked)].sort()).toEqual([project.at('migrations/001_init.sql'), project.at('migrations/002_more.sql')])
  })

  it('reads a file from disk once and keeps its text for the listing', async () => {
    const read = createTextReader()
    const path = project.at('a-file.sql')
    expect(await read(path)).toBe('SELECT 1;\n')
    writeFileSync(path, 'SELECT 2;\n')
    expect(await read(path)).toBe('SELECT 1;\n')
    expect(await createTextReader()(path)).toBe('SELECT 2;\n')
    writeFileSync(path, 'SELECT 1;\n')
  })
})
