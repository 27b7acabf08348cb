import { describe, expect, it } from '@jest/globals'
import { dollarQuoteTag, isEscapeString, skipBlockComment, skipDollarQuoted, skipLineComment, skipQuoted } from '../../../src/dialects/postgres/sql-lexing.js'

describe('sql-lexing', () => {
  it('skips comments: a line comment up to its newline, block comments nested', () => {
    expect(skipLineComment('-- a\nb', 0)).toBe(4)
    expect(skipLineComment('x -- end', 2)).toBe(8)
    const nested = '/* a /* b */ c */d'
    expect(skipBlockComment(nested, 0)).toBe(nested.indexOf('d'))
    expect(skipBlockComment('/* never closed', 0)).toBe(15)
  })

  it('skips quoted literals and identifiers, doubled quotes inside, backslashes only in E strings', () => {
    expect(skipQuoted("'it''s' x", 0)).toBe(7)
    expect(skipQuoted('"a""b" x', 0)).toBe(6)
    const escaped = "E'a\\'b' x"
    expect(isEscapeString(escaped, 1)).toBe(true)
    expect(skipQuoted(escaped, 1, true)).toBe(7)
    expect(isEscapeString("name'x'", 4)).toBe(false)
    expect(skipQuoted("'open", 0)).toBe(5)
  })

  it('reads dollar-quote tags, not parameters, and skips to the matching close', () => {
    expect(dollarQuoteTag('$$ body $$', 0)).toBe('$$')
    expect(dollarQuoteTag('$fn$ body $fn$', 0)).toBe('$fn$')
    expect(dollarQuoteTag('$1, $2', 0)).toBeUndefined()
    const text = '$a$ x $b$ y $a$;'
    expect(skipDollarQuoted(text, 0, '$a$')).toBe(text.length - 1)
    expect(skipDollarQuoted('$a$ never', 0, '$a$')).toBe(9)
  })
})
