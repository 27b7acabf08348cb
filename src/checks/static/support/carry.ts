/**
 * State a rule or support index carries from one shard of the pending set to the next (see
 * StaticContext). Keyed weakly by the run, so it goes away with the run. Carried state must be plain
 * data (names, positions, short strings): a reference to a statement would keep its whole file's
 * parse tree alive until the end of the run, which is what analysing in shards avoids.
 */
import type { StaticContext } from '../../../engine/define.js'

const byRun = new WeakMap<object, Map<unknown, unknown>>()

/** The state of `owner` for this run: made by `init` in the first shard, the same object in every later one. */
export function carried<T>(ctx: Pick<StaticContext, 'run'>, owner: unknown, init: () => T): T {
  let states = byRun.get(ctx.run)
  if (!states) {
    states = new Map()
    byRun.set(ctx.run, states)
  }
  if (states.has(owner)) return states.get(owner) as T
  const state = init()
  states.set(owner, state)
  return state
}

/** An index over the pending set that grows shard by shard. */
export interface ShardIndex {
  /** Adds the current shard's statements; called once per shard, in pending order. */
  extend(ctx: StaticContext): void
}

/** Every index defined with `defineShardIndex`: each must see every shard, used in it or not. */
const shardIndexes: ((ctx: StaticContext) => unknown)[] = []

/**
 * Defines an index carried across shards: per-shard data derived from the shard's statements, plus
 * state carried from earlier shards. The returned getter gives the index up to the end of the
 * current shard and nothing later. Every defined index is extended with every shard (see
 * `extendShardIndexes`): one that a rule first asks for in the third shard must already hold the
 * first two, whose parse trees are gone by then.
 */
export function defineShardIndex<T extends ShardIndex>(init: () => T): (ctx: StaticContext) => T {
  const owner = {}
  const get = (ctx: StaticContext): T => {
    const state = carried(ctx, owner, () => ({ index: init(), files: undefined as StaticContext['files'] | undefined }))
    if (state.files !== ctx.files) {
      state.files = ctx.files
      state.index.extend(ctx)
    }
    return state.index
  }
  shardIndexes.push(get)
  return get
}

/** Extends every defined index with the current shard; the static runner calls it before the shard's rules run. */
export function extendShardIndexes(ctx: StaticContext): void {
  for (const get of shardIndexes) get(ctx)
}

/**
 * One shared object per distinct value (by `keyOf`), for values an index carries many times over:
 * a large set defines hundreds of thousands of columns with a dozen types.
 */
export function interner<T>(keyOf: (value: T) => string): (value: T) => T {
  const known = new Map<string, T>()
  return (value) => {
    const key = keyOf(value)
    const shared = known.get(key)
    if (shared !== undefined) return shared
    known.set(key, value)
    return value
  }
}

/**
 * A memo that lives for one shard: what several rules compute from the same statements is computed
 * once, and goes with the shard (a WeakMap kept it, and the trees it is keyed by, past the young
 * generation: more memory, not less time).
 */
export function shardMemo<K, V>(compute: (key: K) => V): (ctx: Pick<StaticContext, 'files'>, key: K) => V {
  let files: StaticContext['files'] | undefined
  let memo = new Map<K, V>()
  return (ctx, key) => {
    if (ctx.files !== files) {
      files = ctx.files
      memo = new Map()
    }
    let value = memo.get(key)
    if (value === undefined) {
      value = compute(key)
      memo.set(key, value)
    }
    return value
  }
}
