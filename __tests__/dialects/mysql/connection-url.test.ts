import { describe, expect, it } from '@jest/globals'
import { targetSchema } from '../../../src/config/schema.js'
import { parseMysqlUrl } from '../../../src/dialects/mysql/connection-url.js'
import { ConfigError } from '../../../src/engine/errors.js'

const tls = targetSchema.parse({ dialect: 'mysql' }).tls

/** The ConfigError thrown for `url`, as "message | fix". */
function errorOf(url: string): string {
  try {
    parseMysqlUrl(url, tls, '/')
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return `${(error as ConfigError).message} | ${(error as ConfigError).fix ?? ''}`
  }
  throw new Error(`no error for ${url}`)
}

describe('parseMysqlUrl', () => {
  it('reads host, port, user, password and database, with port 3306 by default', () => {
    expect(parseMysqlUrl('mysql://app:s%40cret@db.internal/shop', tls, '/')).toEqual({
      host: 'db.internal',
      port: 3306,
      user: 'app',
      password: 's@cret',
      database: 'shop',
      tlsMode: 'prefer',
      ssl: { rejectUnauthorized: false },
    })
    expect(parseMysqlUrl('mariadb://root@127.0.0.1:3307/test', tls, '/')).toMatchObject({ host: '127.0.0.1', port: 3307, password: undefined })
  })

  it('accepts golang-migrate\'s tcp(host:port) address form', () => {
    expect(parseMysqlUrl('mysql://app:pw@tcp(db:3310)/shop?tls=skip-verify', tls, '/')).toMatchObject({ host: 'db', port: 3310, database: 'shop', tlsMode: 'require' })
  })

  it('takes TLS from ssl-mode (MySQL names), sslmode (libpq names), tls (go driver) or the config', () => {
    expect(parseMysqlUrl('mysql://u@h/d?ssl-mode=DISABLED', tls, '/')).toMatchObject({ tlsMode: 'disable', ssl: false })
    expect(parseMysqlUrl('mysql://u@h/d?ssl-mode=VERIFY_IDENTITY', tls, '/')).toMatchObject({ tlsMode: 'verify-full', ssl: { rejectUnauthorized: true, verifyIdentity: true } })
    expect(parseMysqlUrl('mysql://u@h/d?ssl-mode=verify_ca', tls, '/')).toMatchObject({ tlsMode: 'verify-ca', ssl: { rejectUnauthorized: true, verifyIdentity: false } })
    expect(parseMysqlUrl('mysql://u@h/d?sslmode=require', tls, '/')).toMatchObject({ tlsMode: 'require', ssl: { rejectUnauthorized: false } })
    expect(parseMysqlUrl('mysql://u@h/d?tls=true', tls, '/')).toMatchObject({ tlsMode: 'verify-full' })
    expect(parseMysqlUrl('mysql://u@h/d', { mode: 'disable' }, '/')).toMatchObject({ tlsMode: 'disable', ssl: false })
  })

  it('rejects bad URLs with a ConfigError that never echoes the password', () => {
    const secret = 'hunter2-secret'
    const bad = [
      `mysql://u:${secret}@h:0/d`,
      `mysql://u:${secret}@h`,
      `mysql://:${secret}@h/d`,
      `postgres://u:${secret}@h/d`,
      `mysql://u:${secret}@h/d?ssl-mode=SOMETIMES`,
      `mysql://u:${secret}%zz@h/d`,
      `not a url ${secret}`,
      `mysql://u:${secret}@/d`,
    ]
    const messages = bad.map(errorOf)
    for (const m of messages) expect(m).not.toContain(secret)
    expect(messages).toEqual([
      expect.stringContaining('invalid port'),
      expect.stringContaining('names no database'),
      expect.stringContaining('names no user'),
      expect.stringContaining('scheme "postgres", expected mysql or mariadb'),
      expect.stringContaining('Unknown ssl-mode "SOMETIMES"'),
      expect.stringContaining('invalid percent-escape'),
      expect.stringContaining('not a valid URL'),
      expect.stringMatching(/names no host|not a valid URL/),
    ])
  })

  it('reads the CA file relative to the config folder, and says when it cannot', () => {
    expect(errorOf('mysql://u@h/d?ssl-mode=VERIFY_CA&ssl-ca=missing-ca.pem')).toContain('Cannot read the TLS CA file missing-ca.pem')
  })
})
