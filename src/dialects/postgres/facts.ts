/**
 * Facts from the live target that the static rules use to grade findings (table sizes) and to
 * accept backup evidence (point-in-time recovery). Read once, before the static rules run.
 */
import type { LiveContext, LiveFacts } from '../../engine/define.js'

/** Collects live facts for the static rules; empty until the capacity checks provide them. */
export async function collectLiveFacts(_ctx: LiveContext): Promise<LiveFacts> {
  return {}
}
