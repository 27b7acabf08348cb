/**
 * Sqitch: changes listed in `sqitch.plan`, each deployed by `deploy/<change>.sql` (revert/ and
 * verify/ scripts are never run forwards), in plan order. A reworked change appears twice in the
 * plan; its earlier version is `deploy/<change>@<tag>.sql`, the tag being the first one after it.
 * Sqitch runs each script as written: the `BEGIN; ... COMMIT;` its templates put in decide the
 * transaction. History in the registry schema `sqitch`: table `changes`, one row per deployed change
 * of the project, with the SHA-1 of its deploy script. Default directory layout only (no
 * sqitch.conf top_dir or deploy_dir).
 * https://sqitch.org/docs/manual/sqitch-plan/, https://sqitch.org/docs/manual/sqitch-rework/
 */
import { createHash } from 'node:crypto'
import path from 'node:path'
import { ConfigError } from '../../engine/errors.js'
import { isFile, readText, toMigrationFile, toProjectPath, type TransactionDefault } from '../files.js'
import { findTable, missingHistory } from '../history-table.js'
import type { Layout, MigrationFile, MigrationHistory, QueryFn } from '../layout.js'

const PLAN = 'sqitch.plan'

const TRANSACTION: TransactionDefault = { runs: false, reason: 'Sqitch runs each deploy script as written: its own BEGIN and COMMIT decide the transaction' }

/** One change of the plan, with the deploy script that deploys it. */
export interface PlannedChange {
  readonly name: string
  /** `name`, or `name@tag` for a version a later rework replaced. */
  readonly id: string
  /** The plan's 1-based line. */
  readonly line: number
  /** How many times the plan lists this change (more than 1: reworked). */
  readonly occurrences: number
}

/** The project name and the changes of a plan, in order. */
export function readPlan(text: string): { project: string | undefined; changes: PlannedChange[] } {
  const project = /^%project=(\S+)/m.exec(text)?.[1]
  const entries: { name: string; line: number; tagAfter?: string }[] = []
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '').trim()
    if (line === '' || line.startsWith('#') || line.startsWith('%')) return
    if (line.startsWith('@')) {
      // A tag names every change before it that no earlier tag named.
      const tag = /^@(\S+)/.exec(line)![1]!
      for (const entry of entries) entry.tagAfter ??= tag
      return
    }
    const name = /^[+-]?([^\s[]+)/.exec(line)?.[1]
    if (name) entries.push({ name, line: i + 1 })
  })
  const counts = new Map<string, number>()
  for (const e of entries) counts.set(e.name, (counts.get(e.name) ?? 0) + 1)
  const seen = new Map<string, number>()
  const changes = entries.map((e) => {
    const nth = (seen.get(e.name) ?? 0) + 1
    seen.set(e.name, nth)
    const total = counts.get(e.name)!
    // Only the last listing of a reworked change is the plain script; earlier ones carry the tag after them.
    const id = nth < total && e.tagAfter ? `${e.name}@${e.tagAfter}` : e.name
    return { name: e.name, id, line: e.line, occurrences: total }
  })
  return { project, changes }
}

/** The folder holding sqitch.plan for `dir`: `dir` itself, or its parent when `dir` is the deploy folder. */
async function planDir(dir: string): Promise<string | undefined> {
  if (await isFile(path.join(dir, PLAN))) return dir
  if (path.basename(dir) === 'deploy' && (await isFile(path.join(dir, '..', PLAN)))) return path.dirname(dir)
  return undefined
}

/** Says what marks `dir` as a Sqitch project (a sqitch.plan beside it or above its deploy folder), or undefined. */
export async function findSqitchMarker(dir: string): Promise<string | undefined> {
  const root = await planDir(dir)
  return root ? `found ${root === dir ? PLAN : `../${PLAN}`}` : undefined
}

/** Sqitch's script hash: SHA-1 of the deploy script's bytes, hex. */
export function sqitchChecksum(raw: string): string {
  return createHash('sha1').update(raw, 'utf8').digest('hex')
}

// How many times the plan lists each deploy script's change, by the script's absolute path.
const occurrencesByPath = new Map<string, number>()

/** The change name of a file id (`users@v1.0` -> `users`). */
function changeName(id: string): string {
  const at = id.indexOf('@')
  return at === -1 ? id : id.slice(0, at)
}

/** Reads sqitch.changes, the rows of one project when the plan names it. */
async function readSqitchHistory(query: QueryFn): Promise<MigrationHistory> {
  const ref = await findTable(query, 'sqitch.changes')
  if (!ref.exists) return missingHistory(ref)
  const rows = await query<{ change: string; project: string; script_hash: string | null; committed_at: string | null }>(
    `SELECT change, project, script_hash, committed_at::text AS committed_at FROM ${ref.sqlName} ORDER BY committed_at`,
  )
  return {
    table: ref.table,
    exists: true,
    applied: rows.map((r) => ({
      id: r.change,
      name: `${r.project}:${r.change}`,
      ...(r.script_hash ? { checksum: r.script_hash } : {}),
      ...(r.committed_at ? { appliedAt: r.committed_at } : {}),
      isFailed: false,
    })),
  }
}

export const sqitch: Layout = {
  name: 'sqitch',
  tool: 'Sqitch',
  historyTable: 'sqitch.changes',
  detect: async (dir) => (await findSqitchMarker(dir)) !== undefined,
  async list(dir, projectRoot, options) {
    const root = (await planDir(dir)) ?? dir
    const planPath = path.join(root, PLAN)
    const { changes } = readPlan(await readText(planPath))
    const files: MigrationFile[] = []
    for (const change of changes) {
      const absPath = path.join(root, 'deploy', `${change.id}.sql`)
      if (!(await isFile(absPath))) {
        throw new ConfigError(
          `${toProjectPath(projectRoot, planPath)} line ${change.line} lists ${change.id}, but ${toProjectPath(projectRoot, absPath)} does not exist, so Sqitch cannot deploy it.`,
          'Add the deploy script (sqitch add or sqitch rework make it), or remove the change from the plan.',
        )
      }
      occurrencesByPath.set(absPath, change.occurrences)
      const raw = await (options.read ?? readText)(absPath)
      files.push(toMigrationFile({ id: change.id, name: change.name, absPath, raw, transaction: TRANSACTION }, projectRoot, options.transaction))
    }
    return files
  },
  readHistory: readSqitchHistory,
  // A reworked change's rows do not say which version they deployed: its scripts are not compared.
  checksum: (file) => ((occurrencesByPath.get(file.absPath) ?? 1) > 1 ? undefined : sqitchChecksum(file.raw)),
  isApplied(file, history) {
    const rows = history.applied.filter((r) => r.id === changeName(file.id))
    // A reworked change's last version is deployed once its own row is there: one row per listing.
    return file.id.includes('@') ? rows.length > 0 : rows.length >= (occurrencesByPath.get(file.absPath) ?? 1)
  },
  recordsFile: (row, file) => row.id === changeName(file.id),
}
