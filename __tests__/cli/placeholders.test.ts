/**
 * Migrations written for a tool that fills in placeholders (graphile-worker's psql variables,
 * Flyway's ${name}) are analysed with the configured values in place.
 */
import { describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readAll, runCli, tempDir } from '../support/cli.js'

/** A project whose migrations use :SCHEMA and ${owner}, with or without values for them. */
function project(config: string): string {
  const dir = tempDir()
  mkdirSync(join(dir, 'sql'))
  writeFileSync(join(dir, 'migrations.config.yaml'), config)
  writeFileSync(join(dir, 'sql', '000001.sql'), 'create table :SCHEMA.jobs (id bigint primary key);\ngrant select on :SCHEMA.jobs to ${owner};\n')
  writeFileSync(join(dir, 'sql', '000002.sql'), "-- the old table goes\nset lock_timeout = '1s';\ndrop table :SCHEMA.old_jobs;\n")
  return dir
}

/** The JSON report of the run in `dir`. */
function jsonReport(dir: string): { checks: { id: string; status: string; findings: { file: string; line: number; col: number; message: string; tables?: string[] }[] }[] } {
  return JSON.parse(Object.entries(readAll(join(dir, 'reports'))).find(([name]) => name.endsWith('.json'))![1])
}

describe('placeholders', () => {
  it('analyses the files with the configured values in place, at the lines of the files', async () => {
    const dir = project('version: 1\nmigrations:\n  path: sql\n  placeholders:\n    SCHEMA: graphile_worker\n    owner: app_reader\n')
    const result = await runCli(['lint', '--format', 'json'], { cwd: dir })
    const report = jsonReport(dir)
    expect(report.checks.find((c) => c.id === 'syntax-error')!.status).toBe('pass')
    const drop = report.checks.find((c) => c.id === 'no-drop-table')!.findings
    expect(drop).toMatchObject([{ file: 'sql/000002.sql', line: 3, col: 1, tables: ['graphile_worker.old_jobs'] }])
    expect(result.code).toBe(1)
  })

  it('without values, the syntax error names the placeholder to configure', async () => {
    const dir = project('version: 1\nmigrations:\n  path: sql\n')
    await runCli(['lint', '--format', 'json'], { cwd: dir })
    const findings = jsonReport(dir).checks.find((c) => c.id === 'syntax-error')!.findings
    expect(findings.map((f) => [f.file, f.line, f.col])).toEqual([
      ['sql/000001.sql', 1, 14],
      ['sql/000002.sql', 3, 12],
    ])
    expect(findings[0]!.message).toContain('at the placeholder :SCHEMA')
  })

  it('a value on several lines is a config error naming the key', async () => {
    const dir = project('version: 1\nmigrations:\n  path: sql\n  placeholders:\n    SCHEMA: "a\\nb"\n')
    const result = await runCli(['lint'], { cwd: dir })
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/migrations\.placeholders\.SCHEMA: a value on one line/)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
