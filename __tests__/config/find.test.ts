/**
 * A run without a config file gets its defaults from src/config/find.ts without loading zod and
 * the YAML parser (lint start-up, issue 4): they must be what the schema gives for an empty file.
 */
import { describe, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultConfig, openConfig } from '../../src/config/find.js'
import { loadConfig } from '../../src/config/load.js'
import { configSchema } from '../../src/config/schema.js'
import { tempDir } from '../support/cli.js'

/** A LoadedConfig as plain data, its Map spread out. */
function plain(loaded: Awaited<ReturnType<typeof openConfig>>): unknown {
  return { ...loaded, missingEnv: [...loaded.missingEnv] }
}

describe('config without a file', () => {
  it('is what the schema gives for an empty config', () => {
    expect(defaultConfig()).toEqual(configSchema.parse({}))
  })

  it('is loaded as loadConfig loads it, hash included', async () => {
    const dir = tempDir()
    const opened = await openConfig({ cwd: dir })
    expect(opened.file).toBeUndefined()
    expect(plain(opened)).toEqual(plain(loadConfig({ cwd: dir })))
  })

  it('is a fresh object each time, so no run sees another run changes', () => {
    expect(defaultConfig()).not.toBe(defaultConfig())
    expect(defaultConfig().rules).not.toBe(defaultConfig().rules)
  })
})

describe('config with a file', () => {
  it('is read and validated by loadConfig, found from the folder upwards or named', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'migrations.config.yaml'), 'migrations:\n  path: db\npostgresVersion: 15\n')
    const opened = await openConfig({ cwd: dir })
    expect(opened.file).toBe(join(dir, 'migrations.config.yaml'))
    expect(opened.config.migrations.path).toBe('db')
    expect(plain(opened)).toEqual(plain(loadConfig({ cwd: dir })))
    await expect(openConfig({ cwd: tempDir(), configPath: join(dir, 'missing.yaml') })).rejects.toThrow(/does not exist/)
  })
})
