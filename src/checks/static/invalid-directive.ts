import { parseDirectives } from '../../engine/directives.js'
import { defineStaticRule } from '../../engine/define.js'

/**
 * A suppression must say what it suppresses and why: an ignore without a reason, or naming a
 * rule that does not exist, silently hides nothing and misleads the reader.
 */
export default defineStaticRule({
  id: 'invalid-directive',
  title: 'Preflight directives are well-formed',
  severity: 'error',
  run(ctx) {
    const known = ctx.knownIds
    for (const file of ctx.files) {
      for (const d of parseDirectives(file.parsed)) {
        const at = { file, line: d.line, col: d.col }
        if (d.kind === 'unknown') {
          ctx.report(at, {
            message: `Unknown directive "${d.raw}".`,
            mitigation: 'Use preflight:ignore <rule-id> <reason>, preflight:ignore-file <rule-id> <reason> or preflight:backup <reference>.',
          })
          continue
        }
        if (d.kind === 'backup') {
          if (!d.reason) ctx.report(at, { message: 'preflight:backup needs a reference to the backup (snapshot id, table copy, ticket).', mitigation: 'Write -- preflight:backup <where the backup is>.' })
          continue
        }
        if (d.ruleIds.length === 0) {
          ctx.report(at, { message: `preflight:${d.kind} names no rule.`, mitigation: `Write -- preflight:${d.kind} <rule-id> <reason>; list ids with \`migrations rules\`.` })
          continue
        }
        for (const id of d.ruleIds.filter((id) => !known.has(id))) {
          ctx.report(at, { message: `preflight:${d.kind} names unknown rule "${id}".`, mitigation: 'Check the spelling; `migrations rules` lists every id.' })
        }
        if (!d.reason) {
          ctx.report(at, {
            message: `preflight:${d.kind} ${d.ruleIds.join(',')} has no reason, so it suppresses nothing.`,
            mitigation: `Say why the finding is safe here: -- preflight:${d.kind} ${d.ruleIds.join(',')} <reason>.`,
          })
        }
      }
    }
  },
})
