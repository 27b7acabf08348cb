/**
 * Runs the static rules over the parsed pending files. Each rule runs in its own try, so a rule
 * that throws becomes an `error` result and the run goes on. Suppression by directive or config
 * is applied here, once, for every rule.
 */
import type { Dialect, PreflightConfig } from '../config/schema.js'
import { parseDirectives, type Directive } from './directives.js'
import type { FindingInput, LiveFacts, PendingFile, ReportTarget, StatementRef, StaticContext, StaticRule, VersionSource } from './define.js'
import { describeError } from './errors.js'
import type { RunLog } from './log.js'
import { compareFindings, runbookLink, type CheckResult, type Finding, type Severity, type Status } from './model.js'
import { resolveOverride } from './overrides.js'
import type { Statement } from '../dialects/postgres/parser.js'
import { extendShardIndexes } from '../checks/static/support/carry.js'

export interface StaticRunInput {
  readonly rules: readonly StaticRule[]
  readonly files: readonly PendingFile[]
  readonly config: PreflightConfig
  readonly postgresVersion: number
  readonly versionSource: VersionSource
  readonly layout: StaticContext['layout']
  readonly live: LiveFacts
  readonly log: RunLog
  /** Ids of every known rule and check, to validate directives. */
  readonly knownIds: ReadonlySet<string>
  /** Dialect of the pending files; default postgres. */
  readonly dialect?: Dialect
}

/** Runs every rule over one set of files (a single shard) and returns one result per rule. */
export async function runStaticRules(input: StaticRunInput, onResult?: (result: CheckResult) => void): Promise<CheckResult[]> {
  const run = new StaticRun(input)
  await run.addShard(input.files)
  return run.finish(onResult)
}

/**
 * Whether a pending set may be analysed in shards. Rules reason about a transaction within one shard,
 * so a set that runs in one transaction (Drizzle applies every pending file in one) is one shard;
 * the MySQL rules read the whole set at once.
 */
export function canAnalyseInShards(dialect: Dialect, layout: StaticContext['layout']): boolean {
  return dialect === 'postgres' && layout !== 'drizzle'
}

/** What a rule has produced so far, over the shards seen. */
interface RuleProgress {
  readonly rule: StaticRule
  readonly severity: Severity
  readonly options: Readonly<Record<string, unknown>>
  readonly isOff: boolean
  readonly findings: Finding[]
  durationMs: number
  skipReason?: string
  failure?: string
}

/**
 * One static run over a pending set that arrives in shards, consecutive runs of files in pending
 * order (see StaticContext): `addShard` runs every rule on a shard, and the shard's parse trees can
 * go once it returns; `finish` turns what the rules reported into one result per rule. A rule that
 * threw, or skipped the run, does not run on later shards.
 */
export class StaticRun {
  readonly #input: Omit<StaticRunInput, 'files'>
  readonly #progress: RuleProgress[]
  /** The key of the state rules carry across shards (StaticContext.run). */
  readonly #key = {}
  #fileCount = 0

  constructor(input: Omit<StaticRunInput, 'files'>) {
    this.#input = input
    this.#progress = input.rules.map((rule) => {
      const override = resolveOverride(input.config.rules[rule.id], rule.severity)
      return { rule, severity: override.severity, options: override.options, isOff: override.isOff, findings: [], durationMs: 0 }
    })
  }

  /** Runs every rule still running on the next shard. */
  async addShard(files: readonly PendingFile[]): Promise<void> {
    if (files.length === 0) return
    this.#fileCount += files.length
    const directives = new Map(files.map((f) => [f.migration.path, parseDirectives(f.parsed)]))
    const statements = new StatementIndex(files)
    // Indexes over the pending set take in this shard whether or not a rule asks them about it.
    if ((this.#input.dialect ?? 'postgres') === 'postgres') extendShardIndexes(this.#context(files, statements, { options: {}, report: () => undefined, skip: () => undefined }))
    for (const progress of this.#progress) {
      if (progress.isOff || progress.skipReason !== undefined || progress.failure !== undefined) continue
      await this.#runOnShard(progress, files, statements, directives)
    }
  }

  /** One result per rule, in rule order; `onResult` sees each as it is made. */
  finish(onResult?: (result: CheckResult) => void): CheckResult[] {
    return this.#progress.map((progress) => {
      const result = this.#resultOf(progress)
      onResult?.(result)
      return result
    })
  }

  /** Runs one rule on one shard in its own try. */
  async #runOnShard(progress: RuleProgress, files: readonly PendingFile[], statements: StatementIndex, directives: ReadonlyMap<string, Directive[]>): Promise<void> {
    const input = this.#input
    const { rule, severity } = progress
    const started = performance.now()
    const ctx = this.#context(files, statements, {
      options: progress.options,
      report(at, finding) {
        progress.findings.push(toFinding(rule.id, severity, at, finding, directives, input.knownIds))
      },
      skip(reason) {
        progress.skipReason ??= reason
      },
    })
    try {
      await rule.run(ctx)
    } catch (error) {
      input.log.log('error', `rule ${rule.id} threw: ${describeError(error)}`, { stack: (error as Error)?.stack })
      progress.failure = describeError(error)
    }
    progress.durationMs += performance.now() - started
  }

  /** A rule's view of a shard. */
  #context(files: readonly PendingFile[], statements: StatementIndex, own: Pick<StaticContext, 'options' | 'report' | 'skip'>): StaticContext {
    const input = this.#input
    return {
      files,
      statements: (kind) => statements.select(kind),
      run: this.#key,
      postgresVersion: input.postgresVersion,
      versionSource: input.versionSource,
      dialect: input.dialect ?? 'postgres',
      layout: input.layout,
      live: input.live,
      knownIds: input.knownIds,
      ...own,
    }
  }

  /** The rule's result from its findings, skip or failure over every shard. */
  #resultOf(progress: RuleProgress): CheckResult {
    const { rule, severity } = progress
    const log = this.#input.log
    const base = { id: rule.id, title: rule.title, category: rule.category, kind: 'static' as const, docs: runbookLink(rule.id) }
    const durationMs = Math.round(progress.durationMs)
    if (progress.isOff) {
      return { ...base, severity: rule.severity, status: 'skip', summary: `Turned off in config (rules.${rule.id}).`, durationMs: 0, findings: [] }
    }
    if (this.#fileCount === 0) {
      return { ...base, severity, status: 'skip', summary: 'No pending migrations to analyse.', durationMs: 0, findings: [] }
    }
    if (progress.failure !== undefined) {
      return {
        ...base,
        severity,
        status: 'error',
        summary: `The rule failed to run: ${progress.failure}. Its findings are missing from this report.`,
        mitigation: 'This is a bug in Migrations Preflight: report it with the log file. Meanwhile review the migration by hand for this rule.',
        durationMs,
        findings: [],
      }
    }
    if (progress.skipReason !== undefined) {
      log.log('info', `rule ${rule.id}: skip: ${progress.skipReason}`)
      return { ...base, severity, status: 'skip', summary: progress.skipReason, durationMs, findings: [] }
    }
    const findings = progress.findings.sort(compareFindings)
    const status = statusOf(findings)
    const active = findings.filter((f) => !f.suppressed)
    const suppressedCount = findings.length - active.length
    const summary =
      active.length === 0
        ? `No problems${suppressedCount ? ` (${suppressedCount} suppressed)` : ''}.`
        : `${active.length} finding${active.length === 1 ? '' : 's'}${suppressedCount ? ` (${suppressedCount} suppressed)` : ''}: ${active[0]!.message}`
    log.log('info', `rule ${rule.id}: ${status}, ${findings.length} findings`)
    return { ...base, severity, status, summary, mitigation: active[0]?.mitigation, durationMs, findings }
  }
}

/** Worst status implied by unsuppressed findings. */
export function statusOf(findings: readonly Finding[]): Status {
  let status: Status = 'pass'
  for (const f of findings) {
    if (f.suppressed) continue
    if (f.severity === 'error') return 'fail'
    if (f.severity === 'warning') status = 'warn'
  }
  return status
}

/**
 * Every pending statement in order, and the positions of each node kind, built once per run: each
 * rule's `ctx.statements(kind)` then costs the statements it gets, not a scan of every file.
 */
class StatementIndex {
  readonly #all: StatementRef[] = []
  readonly #byKind = new Map<string, number[]>()

  constructor(files: readonly PendingFile[]) {
    for (const file of files) {
      for (const stmt of file.parsed.statements) {
        const positions = this.#byKind.get(stmt.kind)
        if (positions) positions.push(this.#all.length)
        else this.#byKind.set(stmt.kind, [this.#all.length])
        this.#all.push({ file, stmt })
      }
    }
  }

  /** Statements of every file in order, optionally only of the given node kinds. */
  select(kind: string | readonly string[] | undefined): readonly StatementRef[] {
    if (kind === undefined) return this.#all
    const kinds = typeof kind === 'string' ? [kind] : [...new Set(kind)]
    const positions = kinds.flatMap((k) => this.#byKind.get(k) ?? [])
    // Positions of several kinds interleave: sort them back into file order.
    if (kinds.length > 1) positions.sort((a, b) => a - b)
    return positions.map((p) => this.#all[p]!)
  }
}

/** Builds a positioned finding and applies directive suppression. */
function toFinding(
  id: string,
  ruleSeverity: Severity,
  at: ReportTarget,
  input: FindingInput,
  directives: ReadonlyMap<string, Directive[]>,
  knownIds: ReadonlySet<string>,
): Finding {
  const file = at.file.migration.path
  const pos =
    'stmt' in at
      ? at.span
        ? { line: at.span.line, col: at.span.col, endLine: at.span.endLine, endCol: at.span.endCol }
        : { line: at.stmt.line, col: at.stmt.col, endLine: at.stmt.endLine, endCol: at.stmt.endCol }
      : { line: at.line, col: at.col, endLine: at.endLine ?? at.line, endCol: at.endCol ?? at.col }
  // A rule may lower a finding (info notes); config severity applies to the rule's own level.
  const severity = input.severity && input.severity !== 'error' ? lower(input.severity, ruleSeverity) : ruleSeverity
  // A position inside a statement (a parser's error cursor) is still governed by that statement's directives.
  const statementIndex = 'stmt' in at ? at.stmt.index : statementAt(at.file, pos.line, pos.col)?.index
  const suppressor = (directives.get(file) ?? []).find(
    (d) =>
      d.reason !== '' &&
      d.ruleIds.includes(id) &&
      knownIds.has(id) &&
      ((d.kind === 'ignore-file') || (d.kind === 'ignore' && statementIndex !== undefined && d.statementIndex === statementIndex)),
  )
  return {
    id,
    severity,
    message: input.message,
    file,
    ...pos,
    ...(input.evidence ? { evidence: input.evidence } : {}),
    mitigation: input.mitigation,
    ...(input.help ? { help: input.help } : {}),
    docs: runbookLink(id),
    ...(input.tables ? { tables: input.tables } : {}),
    ...(input.lock ? { lock: input.lock } : {}),
    ...(suppressor ? { suppressed: { kind: 'comment' as const, reason: suppressor.reason } } : {}),
  }
}

/** The statement whose text spans the 1-based position, if any. */
function statementAt(file: PendingFile, line: number, col: number): Statement | undefined {
  const isAfter = (l: number, c: number, l2: number, c2: number): boolean => l > l2 || (l === l2 && c >= c2)
  return file.parsed.statements.find((s) => isAfter(line, col, s.line, s.col) && isAfter(s.endLine, s.endCol, line, col))
}

/** The weaker of two severities. */
function lower(a: Severity, b: Severity): Severity {
  const rank: Record<Severity, number> = { error: 2, warning: 1, info: 0 }
  return rank[a] <= rank[b] ? a : b
}
