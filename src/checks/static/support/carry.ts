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
  /**
   * What the last `extend` carries to later shards, as plain data (structured-cloneable): a replica
   * of the run on another thread, which never sees this shard's trees, takes it in with `absorb`.
   */
  delta(): unknown
  /** Takes in another replica's `delta` for a shard this replica does not analyse, in pending order. */
  absorb(delta: unknown): void
}

/** Every index defined with `defineShardIndex`, by name: each must see every shard, used in it or not. */
const shardIndexes = new Map<string, { get: (ctx: StaticContext) => ShardIndex; state: (run: object) => { index: ShardIndex } }>()

/**
 * Defines an index carried across shards: per-shard data derived from the shard's statements, plus
 * state carried from earlier shards. The returned getter gives the index up to the end of the
 * current shard and nothing later. Every defined index is extended with every shard (see
 * `extendShardIndexes`): one that a rule first asks for in the third shard must already hold the
 * first two, whose parse trees are gone by then. `name` identifies it across threads.
 */
export function defineShardIndex<T extends ShardIndex>(name: string, init: () => T): (ctx: StaticContext) => T {
  if (shardIndexes.has(name)) throw new Error(`Two shard indexes are named ${name}.`)
  const owner = {}
  const state = (run: object) => carried({ run }, owner, () => ({ index: init(), files: undefined as StaticContext['files'] | undefined }))
  const get = (ctx: StaticContext): T => {
    const s = state(ctx.run)
    if (s.files !== ctx.files) {
      s.files = ctx.files
      s.index.extend(ctx)
    }
    return s.index
  }
  shardIndexes.set(name, { get, state })
  return get
}

/**
 * Defines a state carried across shards as a log of operations: `opsOf` reads the operations a
 * shard performs from its statements, `apply` performs one on the state. The getter gives the state
 * as it was before the current shard: a rule that needs it as it stands at each statement replays
 * the shard's operations on a copy as it goes, in the order it reads the statements. Replicas on
 * other threads receive the operations.
 */
export function defineShardLog<S, Op>(name: string, spec: { init: () => S; opsOf: (ctx: StaticContext) => Op[]; apply: (state: S, op: Op) => void }): (ctx: StaticContext) => { readonly before: S } {
  const get = defineShardIndex(name, () => {
    const state = spec.init()
    let pending: Op[] = []
    const settle = (): void => {
      for (const op of pending) spec.apply(state, op)
      pending = []
    }
    return {
      before: state,
      extend(ctx: StaticContext): void {
        settle()
        pending = spec.opsOf(ctx)
      },
      delta: () => pending,
      absorb(delta: unknown): void {
        settle()
        for (const op of delta as Op[]) spec.apply(state, op)
      },
    }
  })
  return get
}

/** Extends every defined index with the current shard; the static runner calls it before the shard's rules run. */
export function extendShardIndexes(ctx: StaticContext): void {
  for (const { get } of shardIndexes.values()) get(ctx)
}

/** What every index carries from the current shard (after `extendShardIndexes`), by index name. */
export function shardDeltas(ctx: StaticContext): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [name, { get }] of shardIndexes) out[name] = get(ctx).delta()
  return out
}

/** Takes in the deltas of a shard another replica of the run analysed. */
export function absorbShardDeltas(run: object, deltas: Readonly<Record<string, unknown>>): void {
  for (const [name, { state }] of shardIndexes) {
    if (!(name in deltas)) throw new Error(`The shard carries nothing for the index ${name}: replicas run different code.`)
    state(run).index.absorb(deltas[name])
  }
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
