import { describe, expect, it } from '@jest/globals'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { findConfigFile, parseConfigText } from '../../src/config/load.js'
import { ConfigError } from '../../src/engine/errors.js'
import { tempDir } from '../support/cli.js'

describe('config loading', () => {
  it('interpolates ${env:NAME} and records missing variables by key path', () => {
    const text = 'targets:\n  prod:\n    url: ${env:PROD_URL}\n  dev:\n    url: ${env:DEV_URL}\n'
    const loaded = parseConfigText(text, '/p/migrations.config.yaml', { PROD_URL: 'postgres://a@h/db' })
    expect(loaded.config.targets.prod!.url).toBe('postgres://a@h/db')
    expect(loaded.config.targets.dev!.url).toBeUndefined()
    expect(loaded.missingEnv.get('targets.dev.url')).toBe('DEV_URL')
    expect(loaded.warnings).toEqual([])
  })

  it('takes a target\u2019s dialect from its URL scheme when the config names none', () => {
    const text = 'version: 1\ntargets:\n  a:\n    url: ${env:A}\n  b:\n    url: mariadb://u@h/db\n  c:\n    dialect: postgres\n    url: mysql://u@h/db\n  d:\n    url: ${env:MISSING}\n  e:\n    url: postgres://u@h/db\n'
    const { targets } = parseConfigText(text, '/p/c.yaml', { A: 'mysql://u:p@tcp(h:3306)/db' }).config
    expect(Object.fromEntries(Object.entries(targets).map(([name, t]) => [name, t.dialect]))).toEqual({ a: 'mysql', b: 'mysql', c: 'postgres', d: 'postgres', e: 'postgres' })
  })

  it('warns about a literal password with its key and line', () => {
    const text = 'version: 1\ntargets:\n  prod:\n    url: postgres://app:hunter22@db:5432/app\n'
    const loaded = parseConfigText(text, '/p/c.yaml', {})
    expect(loaded.warnings).toEqual([expect.objectContaining({ path: 'targets.prod.url', line: 4 })])
    expect(loaded.warnings[0]!.message).not.toContain('hunter22')
  })

  it('reports unknown keys, bad enums and cross-field errors with file:line and key path', () => {
    const text = [
      'migrations:',
      '  path: db',
      '  layuot: flyway',
      'targets:',
      '  prod:',
      '    dialect: oracle',
    ].join('\n')
    let message = ''
    try {
      parseConfigText(text, '/p/c.yaml', {})
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      message = (error as Error).message
    }
    expect(message).toContain('/p/c.yaml:2: migrations: unknown key "layuot"')
    expect(message).toContain('/p/c.yaml:6: targets.prod.dialect: expected one of "postgres", "mysql", got "oracle"')
  })

  it('applies cross-field rules with a human message', () => {
    const text = 'targets:\n  prod:\n    maintenanceWindows:\n      - { days: [sat], start: "02:00", end: "02:00", timezone: Mars/Olympus }\n'
    expect(() => parseConfigText(text, '/p/c.yaml', {})).toThrow(/c\.yaml:4: targets\.prod\.maintenanceWindows\.0\.end: a window must end/)
    expect(() => parseConfigText(text, '/p/c.yaml', {})).toThrow(/maintenanceWindows\.0\.timezone: an IANA time zone/)
  })

  it('reports YAML syntax errors at their line', () => {
    expect(() => parseConfigText('targets:\n  prod: [unclosed\n', '/p/c.yaml', {})).toThrow(/\/p\/c\.yaml:\d+:\d+: invalid YAML/)
  })

  it('finds the config from a subfolder upwards', () => {
    const root = tempDir()
    writeFileSync(join(root, 'migrations.config.yaml'), 'version: 1\n')
    mkdirSync(join(root, 'a', 'b'), { recursive: true })
    expect(findConfigFile(join(root, 'a', 'b'))).toBe(join(root, 'migrations.config.yaml'))
  })
})
