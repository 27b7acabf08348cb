import { defineLiveCheck } from '../../engine/define.js'
import { schemaIssuesOutcome } from './support/schema-issues.js'

/**
 * Replays the pending statements on a model of the target's schema (loaded from the catalog in
 * a few batched queries; nothing runs on the target) and reports each statement that would fail
 * because an object it alters, drops or uses does not exist, an object it creates already
 * exists, or other objects depend on what it drops.
 */
export default defineLiveCheck({
  id: 'schema-compatibility',
  title: 'Pending statements match the target schema',
  category: 'schema',
  severity: 'error',
  run: (ctx) =>
    schemaIssuesOutcome(ctx, ['missing', 'exists', 'dependents'], {
      passed: 'every object they use exists, none they create exists already, and nothing they drop has dependents',
      mitigation:
        'Each finding names the object and the statement. A missing or already-existing object usually means the target has drifted from the migrations (compare with `migrations snapshot`) or the migrations run in the wrong order.',
    }),
})
