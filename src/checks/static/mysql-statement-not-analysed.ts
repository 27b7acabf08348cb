import { defineStaticRule } from '../../engine/define.js'
import { UNPARSED, type UnparsedNode } from '../../dialects/mysql/parser.js'

/**
 * node-sql-parser, which reads MySQL migrations, does not know every statement MySQL accepts
 * (stored procedures, triggers with BEGIN ... END, some ALTER TABLE forms). Such a statement is
 * not a syntax error, but no rule could check it: this note says so, so nobody mistakes a quiet
 * report for a checked one. Preflight makes no syntax claims about MySQL.
 */
export default defineStaticRule({
  id: 'mysql-statement-not-analysed',
  title: 'Statements the MySQL parser cannot read are pointed out for review',
  severity: 'info',
  dialects: ['mysql'],
  run(ctx) {
    for (const ref of ctx.statements(UNPARSED)) {
      const node = ref.stmt.node as UnparsedNode
      ctx.report(ref, {
        message: `This ${node.keywords || 'statement'} statement was not analysed: ${node.reason}. No rule checked what it does.`,
        mitigation: 'Review the statement by hand (locks, data loss, whether it can run again), and run the migration on a copy of the database first.',
        help: 'After review, record it with -- preflight:ignore mysql-statement-not-analysed <what you checked>.',
        evidence: { keywords: node.keywords, reason: node.reason },
      })
    }
  },
})
