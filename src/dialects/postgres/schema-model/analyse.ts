/**
 * Loads the model for what the pending statements mention, replays them, and looks up the casts
 * their type changes need. Shared through ctx.memo: every schema check reads one analysis.
 */
import type { LiveContext, PendingFile, ReadOnlySession, StatementRef } from '../../../engine/define.js'
import { castIssues, lookupCasts, type CastVerdict } from './casts.js'
import { loadSchemaModel } from './load.js'
import { collectNames } from './names.js'
import type { SchemaIssue } from './replay.js'
import { simulate, type Simulation } from './simulate.js'

/** The result every schema check reads. */
export interface SchemaAnalysis {
  readonly simulation: Simulation
  readonly casts: readonly CastVerdict[]
  /** Replay and cast issues, in statement order. */
  readonly issues: readonly SchemaIssue[]
  /** Catalog queries the analysis ran (constant, whatever the number of tables). */
  readonly queries: number
  readonly durationMs: number
  readonly statements: number
  /** Objects loaded from the catalog. */
  readonly loaded: { readonly relations: number; readonly types: number }
}

const MEMO_KEY = 'postgres:schema-analysis'

/** The pending statements in the order the tool runs them. */
export function pendingStatements(pending: readonly PendingFile[]): StatementRef[] {
  return pending.flatMap((file) => file.parsed.statements.map((stmt) => ({ file, stmt })))
}

/** A session that counts the queries run through it. */
export function countingSession(db: ReadOnlySession): { readonly session: ReadOnlySession; count(): number } {
  let count = 0
  return {
    session: {
      dialect: db.dialect,
      query: (sql, params) => {
        count++
        return db.query(sql, params)
      },
    },
    count: () => count,
  }
}

/** Runs (once per run) the schema analysis of the pending statements against the target. */
export function analyseSchema(ctx: LiveContext): Promise<SchemaAnalysis> {
  return ctx.memo(MEMO_KEY, async () => {
    const started = performance.now()
    const statements = pendingStatements(ctx.pending)
    const counter = countingSession(ctx.db)
    const names = collectNames(statements.map((s) => s.stmt))
    const model = await loadSchemaModel(counter.session, { kind: 'names', names })
    const loaded = { relations: model.relations.size, types: model.types.size }
    const simulation = simulate(model, statements)
    const casts = await lookupCasts(counter.session, simulation.typeChanges)
    const order = new Map(statements.map((s, i) => [s.stmt, i]))
    const issues = [...simulation.issues, ...castIssues(casts)].sort((a, b) => (order.get(a.at.stmt) ?? 0) - (order.get(b.at.stmt) ?? 0))
    const durationMs = Math.round(performance.now() - started)
    ctx.log.log('info', `schema analysis: ${statements.length} statements replayed on ${loaded.relations} relations in ${durationMs} ms with ${counter.count()} catalog queries; ${issues.length} issues`)
    return { simulation, casts, issues, queries: counter.count(), durationMs, statements: statements.length, loaded }
  })
}
