import { describe, expect, it } from '@jest/globals'
import { loadPostgresParser } from '../../../src/dialects/postgres/parser.js'
import { lockTimeoutSteps, lockTimeoutsBefore, parseDuration } from '../../../src/dialects/postgres/lock-timeout.js'

/** The lock_timeout (ms, or undefined) in force before each statement of `sql`. */
async function timeouts(sql: string, isWrapped = false): Promise<(number | undefined)[]> {
  const parsed = (await loadPostgresParser()).parse(sql)
  return lockTimeoutsBefore(parsed.statements, isWrapped).map((t) => t?.ms)
}

describe('lockTimeoutsBefore', () => {
  it('sees SET lock_timeout for the statements after it', async () => {
    expect(await timeouts("ALTER TABLE a ADD c int; SET lock_timeout = '2s'; ALTER TABLE b ADD c int;")).toEqual([undefined, undefined, 2000])
  })

  it('reads every unit and a bare number as milliseconds', async () => {
    expect(await timeouts("SET lock_timeout TO 500; SELECT 1; SET lock_timeout = '1min'; SELECT 1;")).toEqual([undefined, 500, 500, 60000])
  })

  it('treats 0, RESET and DEFAULT as no timeout', async () => {
    expect(await timeouts("SET lock_timeout = '5s'; SET lock_timeout = 0; SELECT 1; RESET lock_timeout; SELECT 1;")).toEqual([undefined, 5000, 0, 0, undefined])
    expect(await timeouts("SET lock_timeout = '5s'; SET lock_timeout TO DEFAULT; SELECT 1;")).toEqual([undefined, 5000, undefined])
  })

  it('ends SET LOCAL at COMMIT and keeps the session value', async () => {
    expect(await timeouts("SET lock_timeout = '9s'; BEGIN; SET LOCAL lock_timeout = '1s'; SELECT 1; COMMIT; SELECT 1;")).toEqual([undefined, 9000, 9000, 1000, 1000, 9000])
  })

  it('ignores SET LOCAL outside a transaction block, unless the tool wraps the file', async () => {
    expect(await timeouts("SET LOCAL lock_timeout = '1s'; ALTER TABLE a ADD c int;")).toEqual([undefined, undefined])
    expect(await timeouts("SET LOCAL lock_timeout = '1s'; ALTER TABLE a ADD c int;", true)).toEqual([undefined, 1000])
    expect(await timeouts("BEGIN; SET LOCAL lock_timeout = '1s'; ALTER TABLE a ADD c int; COMMIT; ALTER TABLE b ADD c int;")).toEqual([undefined, undefined, 1000, 1000, undefined])
  })

  it('reads set_config', async () => {
    expect(await timeouts("SELECT set_config('lock_timeout', '3s', false); ALTER TABLE a ADD c int;")).toEqual([undefined, 3000])
    expect(await timeouts("SELECT pg_catalog.set_config('lock_timeout', '3s', true); ALTER TABLE a ADD c int;", true)).toEqual([undefined, 3000])
  })

  it('clears every value at RESET ALL and ignores the case of the name', async () => {
    expect(await timeouts("SET lock_timeout = '5s'; BEGIN; SET LOCAL lock_timeout = '1s'; RESET ALL; SELECT 1;")).toEqual([undefined, 5000, 5000, 1000, undefined])
    expect(await timeouts('SET "Lock_Timeout" = 700; SELECT 1;')).toEqual([undefined, 700])
  })

  it('keeps the block open after COMMIT AND CHAIN', async () => {
    expect(await timeouts("BEGIN; COMMIT AND CHAIN; SET LOCAL lock_timeout = '1s'; SELECT 1;")).toEqual([undefined, undefined, undefined, 1000])
  })

  it('remembers the SET LOCAL that did nothing', async () => {
    const parsed = (await loadPostgresParser()).parse("SET LOCAL lock_timeout = '1s'; ALTER TABLE a ADD c int;")
    expect(lockTimeoutSteps(parsed.statements).map((s) => s.ignoredLocal?.line)).toEqual([undefined, 1])
  })

  it('ignores other settings', async () => {
    expect(await timeouts("SET statement_timeout = '2s'; ALTER TABLE a ADD c int;")).toEqual([undefined, undefined])
  })

  it('parses durations', () => {
    expect(parseDuration('250ms')).toBe(250)
    expect(parseDuration('2 s')).toBe(2000)
    expect(parseDuration('30', 's')).toBe(30000)
    expect(parseDuration('soon')).toBeUndefined()
  })
})
