import { describe, expect, it } from '@jest/globals'
import { checkCatalog } from '../../src/engine/catalog.js'
import { compareFindings, compareIds, type Finding } from '../../src/engine/model.js'

describe('compareIds', () => {
  it('orders every rule and check id as localeCompare does', () => {
    const ids = checkCatalog().map((e) => e.id)
    expect([...ids].sort(compareIds)).toEqual([...ids].sort((a, b) => a.localeCompare(b)))
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
  })
})

describe('compareFindings', () => {
  it('orders by file (as localeCompare does), line, column and id', () => {
    const at = (file: string, line: number, col: number, id: string): Finding =>
      ({ id, severity: 'error', message: '', file, line, col, endLine: line, endCol: col, mitigation: '', docs: '' }) as Finding
    const findings = [at('b.sql', 1, 1, 'x'), at('a.sql', 2, 1, 'x'), at('a.sql', 1, 5, 'y'), at('a.sql', 1, 5, 'x'), at('B.sql', 1, 1, 'x'), at('a.sql', 1, 1, 'z')]
    expect(findings.sort(compareFindings).map((f) => `${f.file}:${f.line}:${f.col}:${f.id}`)).toEqual([
      'a.sql:1:1:z',
      'a.sql:1:5:x',
      'a.sql:1:5:y',
      'a.sql:2:1:x',
      'b.sql:1:1:x',
      'B.sql:1:1:x',
    ])
  })
})
