/**
 * Every static rule, registered once, sorted by id. `npm run new:check` adds to this list.
 */
import type { StaticRule } from '../../engine/define.js'
import invalidDirective from './invalid-directive.js'
import syntaxError from './syntax-error.js'

export const staticRules: readonly StaticRule[] = [invalidDirective, syntaxError]
