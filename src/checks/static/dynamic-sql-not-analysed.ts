import { defineStaticRule } from '../../engine/define.js'
import { unanalysedSql } from './support/executed-sql.js'

/**
 * SQL built at run time (EXECUTE of a concatenated or format()ted string) or written in another
 * procedural language cannot be checked statically. It is reported as a note, so nobody mistakes
 * a quiet report for a checked one.
 */
export default defineStaticRule({
  id: 'dynamic-sql-not-analysed',
  title: 'Dynamic SQL is pointed out for review',
  severity: 'info',
  run(ctx) {
    for (const item of unanalysedSql(ctx)) {
      ctx.report(item, {
        message: `This statement runs ${item.reason}: ${item.excerpt}. Preflight cannot check what it does.`,
        mitigation: 'Review the SQL it produces by hand (RAISE NOTICE the string on a scratch database); where possible write the statements directly or EXECUTE a string literal, which the rules can read.',
        help: 'After review, record it with -- preflight:ignore dynamic-sql-not-analysed <what you checked>.',
        evidence: { reason: item.reason, excerpt: item.excerpt },
      })
    }
  },
})
