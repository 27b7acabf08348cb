import { describe, expect, it } from '@jest/globals'
import { MASKED_QUERY_LENGTH, maskQuery } from '../../../src/dialects/postgres/mask-query.js'

describe('maskQuery', () => {
  it.each([
    ["SELECT * FROM users WHERE email = 'ann@example.com' AND id = 42", 'SELECT * FROM users WHERE email = ? AND id = ?'],
    ["ALTER ROLE app PASSWORD 'hunter2'", 'ALTER ROLE app PASSWORD ?'],
    ["SELECT 'it''s', E'a\\'b', B'101', X'1F', U&'d\\0061t'", 'SELECT ?, ?, ?, ?, ?'],
    ['SELECT 3.14, .5, 1e-9, 1_000, 0x1F FROM t1 JOIN t2 ON t1.a = t2.b', 'SELECT ?, ?, ?, ?, ? FROM t1 JOIN t2 ON t1.a = t2.b'],
    ['SELECT $body$ secret $body$, $$x$$, $1, $2', 'SELECT ?, ?, $1, $2'],
    ['SELECT "col 1", "Weird""Name" FROM "T9"', 'SELECT "col 1", "Weird""Name" FROM "T9"'],
    ['/* token=abc */ SELECT 1 -- password=x\n FROM t', 'SELECT ? FROM t'],
    ['SELECT\n\t a ,\n b  FROM t', 'SELECT a , b FROM t'],
  ])('masks %j', (input, expected) => {
    expect(maskQuery(input)).toBe(expected)
  })

  it('masks a literal cut off by track_activity_query_size', () => {
    expect(maskQuery("UPDATE users SET token = 'abcdef")).toBe('UPDATE users SET token = ?')
    expect(maskQuery('SELECT $x$ never closed')).toBe('SELECT ?')
  })

  it('keeps identifiers that contain digits or dollars', () => {
    expect(maskQuery('SELECT a1, x$2 FROM t_3')).toBe('SELECT a1, x$2 FROM t_3')
  })

  it('shortens long text', () => {
    const masked = maskQuery(`SELECT ${'a, '.repeat(200)}b FROM t`)
    expect(masked.length).toBe(MASKED_QUERY_LENGTH)
    expect(masked.endsWith('…')).toBe(true)
  })

  it('returns an empty string for no text', () => {
    expect(maskQuery(null)).toBe('')
  })
})
