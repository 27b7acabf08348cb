/**
 * Finds, reads, interpolates and validates the configuration file.
 * Every error names the file, the line (where YAML gives one), the key path and what was expected.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { LineCounter, parseDocument, isNode } from 'yaml'
import type { z } from 'zod'
import { ConfigError } from '../engine/errors.js'
import { findConfigFile } from './find.js'
import { configSchema, type PreflightConfig } from './schema.js'

export { CONFIG_FILE_NAMES, findConfigFile } from './find.js'

/** Something in the config that is legal but unwise, such as a literal password. */
export interface ConfigWarning {
  readonly path: string
  readonly line: number | undefined
  readonly message: string
}

/** A validated configuration and where it came from. */
export interface LoadedConfig {
  /** Absolute path of the file, or undefined when running on defaults. */
  readonly file: string | undefined
  /** Directory that relative paths in the config are resolved from. */
  readonly baseDir: string
  readonly config: PreflightConfig
  /** sha256 of the file's bytes (of "{}" for defaults), so a report can be traced to its config. */
  readonly hash: string
  readonly warnings: readonly ConfigWarning[]
  /** Key paths whose `${env:NAME}` variable was not set, e.g. "targets.prod.url" -> "PROD_DATABASE_URL". */
  readonly missingEnv: ReadonlyMap<string, string>
}

/** Loads the config named by `--config`, or found from `cwd` upwards, or the defaults. */
export function loadConfig(options: { configPath?: string; cwd: string; env?: NodeJS.ProcessEnv }): LoadedConfig {
  const env = options.env ?? process.env
  const file = options.configPath ? resolve(options.cwd, options.configPath) : findConfigFile(options.cwd)
  if (!file) return fromValue(undefined, options.cwd, '{}', {}, env)
  if (!existsSync(file)) {
    throw new ConfigError(`Config file ${file} does not exist.`, 'Check the --config path, or run `migrations init` to write one.')
  }
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new ConfigError(`Cannot read config file ${file}: ${(error as Error).message}`, 'Check the file permissions.')
  }
  return parseConfigText(text, file, env)
}

/** Parses config text (YAML or JSON, which is YAML too) with positions for error messages. */
export function parseConfigText(text: string, file: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!
    const pos = lineCounter.linePos(first.pos[0])
    throw new ConfigError(
      `${file}:${pos.line}:${pos.col}: invalid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${first.message.split('\n')[0]}`,
      'Fix the syntax at that line; YAML indentation must use spaces.',
    )
  }
  const raw: unknown = doc.toJS() ?? {}
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true)
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line
    }
    return undefined
  }
  return fromValue(file, dirname(file), text, raw, env, lineOf)
}

/** Interpolates, validates and wraps a raw config value. */
function fromValue(
  file: string | undefined,
  baseDir: string,
  text: string,
  raw: unknown,
  env: NodeJS.ProcessEnv,
  lineOf: (path: readonly PropertyKey[]) => number | undefined = () => undefined,
): LoadedConfig {
  const missingEnv = new Map<string, string>()
  const warnings: ConfigWarning[] = []
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ConfigError(`${file ?? 'config'}: expected a mapping of keys (version, migrations, targets, rules) at the top level.`)
  }
  const interpolated = interpolate(raw, [], env, missingEnv, warnings, lineOf)
  const parsed = configSchema.safeParse(interpolated, { reportInput: true })
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues, file ?? 'config', lineOf), 'See README "Configuration" for every key.')
  return {
    file,
    baseDir,
    config: parsed.data,
    hash: createHash('sha256').update(text).digest('hex'),
    warnings,
    missingEnv,
  }
}

const ENV_REF = /\$\{env:([A-Za-z_][A-Za-z0-9_]*)\}/g

/** Replaces `${env:NAME}` in every string; records missing variables and literal passwords. */
function interpolate(
  value: unknown,
  path: PropertyKey[],
  env: NodeJS.ProcessEnv,
  missing: Map<string, string>,
  warnings: ConfigWarning[],
  lineOf: (path: readonly PropertyKey[]) => number | undefined,
): unknown {
  if (typeof value === 'string') {
    const key = path.join('.')
    if (path.at(-1) === 'url' && !ENV_REF.test(value) && hasLiteralPassword(value)) {
      warnings.push({
        path: key,
        line: lineOf(path),
        message: `${key} contains a literal password. Use url: \${env:NAME} and keep the URL in a secret.`,
      })
    }
    ENV_REF.lastIndex = 0
    let isMissing = false
    const out = value.replace(ENV_REF, (_match, name: string) => {
      const v = env[name]
      if (v === undefined || v === '') {
        missing.set(key, name)
        isMissing = true
        return ''
      }
      return v
    })
    return isMissing && out.trim() === '' ? undefined : out
  }
  if (Array.isArray(value)) return value.map((v, i) => interpolate(v, [...path, i], env, missing, warnings, lineOf))
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = interpolate(v, [...path, k], env, missing, warnings, lineOf)
    return out
  }
  return value
}

/** True when a connection URL carries a password. */
function hasLiteralPassword(url: string): boolean {
  try {
    return new URL(url).password !== ''
  } catch {
    return /:\/\/[^/@\s]*:[^@\s]+@/.test(url)
  }
}

/** Formats zod issues as "file:line: key.path: expected ..." lines. */
function formatIssues(issues: readonly z.core.$ZodIssue[], file: string, lineOf: (path: readonly PropertyKey[]) => number | undefined): string {
  const lines = issues.slice(0, 10).map((issue) => {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)'
    const line = lineOf(issue.path)
    return `${file}${line ? `:${line}` : ''}: ${key}: ${describeIssue(issue)}`
  })
  const more = issues.length > 10 ? `\n...and ${issues.length - 10} more problems` : ''
  return `Invalid configuration:\n  ${lines.join('\n  ')}${more}`
}

/** Says what was expected in plain words. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}, got ${describeReceived(issue.input)}`
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(issue.input)}`
    default:
      return issue.message
  }
}

/** Names the type of a received value. */
function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing (the key is missing)'
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'a list'
  if (typeof input === 'string') return `the string ${JSON.stringify(input)}`
  return `${typeof input} ${JSON.stringify(input)}`
}
