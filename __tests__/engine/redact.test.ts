import { describe, expect, it } from '@jest/globals'
import { Redactor, describeUrl } from '../../src/engine/redact.js'

describe('redaction', () => {
  it('masks registered URLs, their passwords (also percent-encoded) and unregistered URL credentials', () => {
    const r = new Redactor()
    r.addUrl('postgres://app:p%40ss%2Fw0rd@db.internal:5432/shop')
    expect(r.redact('connecting to postgres://app:p%40ss%2Fw0rd@db.internal:5432/shop')).toBe('connecting to ***')
    expect(r.redact('password p@ss/w0rd leaked')).toBe('password *** leaked')
    expect(r.redact('other mysql://root:toor@x/y')).toBe('other mysql://root:***@x/y')
    expect(r.redact('host=x password=abc123 user=y')).toBe('host=x password=*** user=y')
    expect(r.redactDeep({ a: ['p@ss/w0rd'], b: 1 })).toEqual({ a: ['***'], b: 1 })
  })

  it('copies only the parts of a value that it masks', () => {
    const r = new Redactor()
    const clean = { checks: [{ id: 'a', evidence: { rows: 1 } }] }
    expect(r.redactDeep(clean)).toBe(clean)
    const secret = { checks: [{ id: 'a' }, { url: 'postgres://u:pw@h/d' }] }
    expect(r.redactDeep(secret)).toEqual({ checks: [{ id: 'a' }, { url: 'postgres://u:***@h/d' }] })
    expect(secret.checks[1]).toEqual({ url: 'postgres://u:pw@h/d' })
  })

  it('describes a URL without its password', () => {
    expect(describeUrl('postgres://app:secret@db:6432/shop?sslmode=require')).toBe('postgres://app@db:6432/shop')
  })
})
