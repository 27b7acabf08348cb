/**
 * Finding the config file, and the config of a run without one. Apart from load.ts so that a run
 * without a config file (`migrations lint` in an editor or a pre-commit hook) loads neither the
 * YAML parser nor zod: together they were about a third of lint's start-up (issue 4).
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { LoadedConfig } from './load.js'
import type { PreflightConfig } from './schema.js'

export const CONFIG_FILE_NAMES = ['migrations.config.yaml', 'migrations.config.yml', 'migrations.config.json'] as const

/** Looks for a config file from `startDir` upwards; undefined when there is none. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = resolve(startDir)
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name)
      if (existsSync(candidate)) return candidate
    }
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/** What configSchema.parse({}) returns; a test keeps the two equal. */
export function defaultConfig(): PreflightConfig {
  return {
    version: 1,
    migrations: { path: 'migrations', transaction: 'auto', placeholders: {} },
    targets: {},
    rules: {},
  }
}

/** The config of a run without a config file, as loadConfig returns it. */
export function defaultLoadedConfig(cwd: string): LoadedConfig {
  return {
    file: undefined,
    baseDir: cwd,
    config: defaultConfig(),
    hash: createHash('sha256').update('{}').digest('hex'),
    warnings: [],
    missingEnv: new Map(),
  }
}

/**
 * loadConfig, loading the parser and the schema only when there is a file to read: the file
 * named by `--config`, or one found from `cwd` upwards; else the defaults.
 */
export async function openConfig(options: { configPath?: string; cwd: string; env?: NodeJS.ProcessEnv }): Promise<LoadedConfig> {
  if (!options.configPath && findConfigFile(options.cwd) === undefined) return defaultLoadedConfig(options.cwd)
  const { loadConfig } = await import('./load.js')
  return loadConfig(options)
}
