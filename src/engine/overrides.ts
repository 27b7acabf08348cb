/**
 * Per-rule configuration: `rules.<id>: off | info | warning | error` or `{ severity, options }`.
 */
import type { RuleOverride } from '../config/schema.js'
import type { Severity } from './model.js'

export interface ResolvedOverride {
  readonly isOff: boolean
  readonly severity: Severity
  readonly options: Readonly<Record<string, unknown>>
}

/** Applies a config override to a rule's default severity. */
export function resolveOverride(override: RuleOverride | undefined, defaultSeverity: Severity): ResolvedOverride {
  if (override === undefined) return { isOff: false, severity: defaultSeverity, options: {} }
  const level = typeof override === 'string' ? override : override.severity
  const options = typeof override === 'string' ? {} : (override.options ?? {})
  if (level === 'off') return { isOff: true, severity: defaultSeverity, options }
  return { isOff: false, severity: level ?? defaultSeverity, options }
}
