/**
 * Helpers for the layout tests: a temporary project folder built from a map of files, and a
 * QueryFn over a test database that records every statement (to prove reads are SELECTs only).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import type { QueryFn } from '../../src/sources/layout.js'
import type { TestDatabase } from '../support/pg.js'

export interface TempProject {
  readonly root: string
  /** Absolute path of a project-relative path. */
  at(rel: string): string
  remove(): Promise<void>
}

/** Creates a temporary project holding `files` (project-relative path -> content). */
export async function makeProject(files: Record<string, string>): Promise<TempProject> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'pf-sources-'))
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, ...rel.split('/'))
    await mkdir(path.dirname(abs), { recursive: true })
    await writeFile(abs, content, 'utf8')
  }
  return {
    root,
    at: (rel) => path.join(root, ...rel.split('/')),
    remove: () => rm(root, { recursive: true, force: true }),
  }
}

/** A QueryFn on the test database that appends each SQL text to `seen`. */
export function recordingQuery(db: TestDatabase, seen: string[]): QueryFn {
  return async <T extends Record<string, unknown>>(sql: string, params?: readonly unknown[]) => {
    seen.push(sql)
    return (await db.exec(sql, params ? [...params] : undefined)).rows as T[]
  }
}

/** True when every recorded statement is a plain SELECT. */
export function isReadOnly(seen: readonly string[]): boolean {
  return seen.length > 0 && seen.every((sql) => /^\s*SELECT\b/i.test(sql))
}
