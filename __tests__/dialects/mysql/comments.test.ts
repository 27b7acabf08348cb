import { describe, expect, it } from '@jest/globals'
import { rewriteComments } from '../../../src/dialects/mysql/comments.js'

describe('rewriteComments', () => {
  it('removes the markers of executable comments, keeping every character in place', () => {
    const text = "CREATE TABLE t (c varchar(8) /*!40101 CHARACTER SET ascii */) /*M!100100 ENGINE=InnoDB */"
    const rewritten = rewriteComments(text)
    expect(rewritten).toBe('CREATE TABLE t (c varchar(8)          CHARACTER SET ascii   )            ENGINE=InnoDB   ')
    expect(rewritten).toHaveLength(text.length)
  })

  it('leaves ordinary comments and optimizer hints, or blanks the comments on request', () => {
    const text = 'SELECT /*+ NO_ICP(t) */ a -- note\nFROM t # why\n/* old */'
    expect(rewriteComments(text)).toBe(text)
    expect(rewriteComments(text, { blank: true })).toBe('SELECT /*+ NO_ICP(t) */ a        \nFROM t      \n         ')
  })

  it('ignores comment markers inside quotes and "--" without a space', () => {
    const text = "SELECT '/*!40101 x */', `a -- b`, \"# c\", 'it''s /*', 5--1 /*! AND 1 */"
    expect(rewriteComments(text, { blank: true })).toBe("SELECT '/*!40101 x */', `a -- b`, \"# c\", 'it''s /*', 5--1     AND 1   ")
  })

  it('survives an unterminated quote or comment', () => {
    expect(rewriteComments("SELECT 'abc /*! x */", { blank: true })).toBe("SELECT 'abc /*! x */")
    expect(rewriteComments('SELECT 1 /* never closed', { blank: true })).toBe('SELECT 1                ')
    expect(rewriteComments('/*!40101 SET NAMES utf8')).toBe('         SET NAMES utf8')
  })
})
