import { describe } from '@jest/globals'
import rule from '../../../src/checks/static/invalid-directive.js'
import { testRule } from '../../support/rule-tester.js'

describe('invalid-directive', () => {
  testRule(rule, {
    safe: [
      '-- preflight:ignore syntax-error the parser is wrong here\nSELECT 1;',
      '-- preflight:ignore-file syntax-error generated file\nSELECT 1;',
      '-- preflight:backup s3://backups/2026-11-25/orders.dump\nSELECT 1;',
      "SELECT '-- preflight:ignore nothing';",
      'SELECT $$ -- preflight:bogus $$;',
    ],
    reported: [
      { sql: '-- preflight:ignore syntax-error\nSELECT 1;', at: '1:4', message: 'has no reason' },
      { sql: 'SELECT 1;\n  -- preflight:ignore no-such-rule because\nSELECT 2;', at: '2:6', message: 'unknown rule "no-such-rule"' },
      { sql: '-- preflight:backup\nDROP TABLE t;', at: '1:4', message: 'needs a reference' },
      { sql: '/* preflight:frobnicate x */ SELECT 1;', at: '1:4', message: 'Unknown directive' },
    ],
  })
})
