/* eslint-disable @typescript-eslint/no-explicit-any -- libpg-query nodes are untyped JSON in @pgsql/types shapes */
import { defineLiveCheck, outcome, type FindingInput, type LiveContext, type ReportTarget, type StatementRef } from '../../engine/define.js'
import { readExtensions, type ExtensionInfo } from '../../dialects/postgres/catalog/extensions.js'
import { satisfies, VersionRangeError } from '../../engine/version-range.js'

/**
 * Every extension the pending SQL creates (CREATE EXTENSION) is available on the server host, in
 * the version asked for, and every `requires:` constraint in the target config holds for the
 * installed version (or the one the pending SQL installs). A missing extension package fails the
 * migration part-way; it cannot be fixed from SQL
 * (https://www.postgresql.org/docs/current/sql-createextension.html).
 */
export default defineLiveCheck({
  id: 'extensions-available',
  title: 'Extensions the migrations need are available',
  category: 'versions',
  severity: 'error',
  async run(ctx) {
    const creates = extensionStatements(ctx)
    const requires = Object.entries(ctx.target.requires)
    if (creates.length === 0 && requires.length === 0) return outcome.pass('No pending statement creates an extension and the config requires none.', { extensions: [] })
    const extensions = await readExtensions(ctx)
    const findings: (FindingInput & { at?: ReportTarget })[] = []
    for (const c of creates) {
      const problem = createProblem(c, extensions.get(c.name))
      if (problem) findings.push({ ...problem, at: c.ref })
    }
    for (const [name, range] of requires) {
      const problem = requireProblem(name, range, extensions.get(name), creates.find((c) => c.name === name))
      if (problem) findings.push(problem)
    }
    const evidence = {
      extensions: [...extensions.values()].map((e) => ({ name: e.name, available: e.isAvailable, defaultVersion: e.defaultVersion, installedVersion: e.installedVersion, required: ctx.target.requires[e.name] ?? null })),
    }
    if (findings.length > 0) {
      return {
        status: 'fail',
        summary: findings.length === 1 ? findings[0]!.message : `${findings.length} extension problems: ${findings.map((f) => f.message).join(' ')}`,
        mitigation: 'Install the extension package on the server (or pick a version it offers), or change the migration or the requires: constraint. Managed services list their supported extensions. See runbook/extensions-available.md.',
        evidence,
        findings,
      }
    }
    return outcome.pass(`${[...extensions.values()].map(describe).join('; ')}.`, evidence)
  },
})

/** A CREATE EXTENSION statement. */
interface ExtensionStatement {
  readonly name: string
  readonly version: string | undefined
  readonly ifNotExists: boolean
  readonly ref: StatementRef
}

/** The pending CREATE EXTENSION statements in order. */
function extensionStatements(ctx: LiveContext): ExtensionStatement[] {
  const out: ExtensionStatement[] = []
  for (const file of ctx.pending) {
    for (const stmt of file.parsed.statements) {
      if (stmt.kind !== 'CreateExtensionStmt') continue
      const version = (stmt.node.options ?? []).find((o: any) => o.DefElem?.defname === 'new_version')?.DefElem?.arg?.String?.sval
      out.push({ name: String(stmt.node.extname), version, ifNotExists: stmt.node.if_not_exists === true, ref: { file, stmt } })
    }
  }
  return out
}

/** Why a CREATE EXTENSION would fail, or undefined. */
function createProblem(c: ExtensionStatement, e: ExtensionInfo | undefined): FindingInput | undefined {
  if (!e?.isAvailable) {
    return {
      message: `Extension ${c.name} is not available on the server (not in pg_available_extensions): CREATE EXTENSION ${c.name} will fail.`,
      mitigation: `Install the ${c.name} package on the database host, or ask your provider whether it supports ${c.name}. See runbook/extensions-available.md.`,
      evidence: { extension: c.name, available: false },
    }
  }
  if (c.version && !e.versions.includes(c.version)) {
    return {
      message: `CREATE EXTENSION ${c.name} asks for version ${c.version}, but the server offers ${e.versions.join(', ') || 'no version'}.`,
      mitigation: `Use one of the offered versions, or install the ${c.name} ${c.version} package on the server first.`,
      evidence: { extension: c.name, requested: c.version, offered: e.versions },
    }
  }
  if (e.installedVersion && !c.ifNotExists) {
    return {
      message: `Extension ${c.name} is already installed (${e.installedVersion}): CREATE EXTENSION ${c.name} without IF NOT EXISTS will fail with "already exists".`,
      mitigation: `Write CREATE EXTENSION IF NOT EXISTS ${c.name}, or ALTER EXTENSION ${c.name} UPDATE to change its version.`,
      evidence: { extension: c.name, installedVersion: e.installedVersion },
    }
  }
  return undefined
}

/** Why a `requires:` constraint does not hold, or undefined. */
function requireProblem(name: string, range: string, e: ExtensionInfo | undefined, created: ExtensionStatement | undefined): FindingInput | undefined {
  const mitigation = `Install or update ${name} on the server (ALTER EXTENSION ${name} UPDATE TO '<version>'), or relax the requires: entry for ${name} in the target config. See runbook/extensions-available.md.`
  const version = e?.installedVersion ?? (created && e?.isAvailable ? (created.version ?? e.defaultVersion) : null)
  if (!version) {
    const why = !e?.isAvailable ? 'is not available on the server' : 'is not installed in this database and no pending statement creates it'
    return { message: `The config requires ${name} ${range}, but ${name} ${why}.`, mitigation, evidence: { extension: name, required: range, available: e?.isAvailable ?? false } }
  }
  let isSatisfied: boolean
  try {
    isSatisfied = satisfies(version, range)
  } catch (error) {
    if (!(error instanceof VersionRangeError)) throw error
    return { message: `requires.${name}: ${error.message}.`, mitigation: 'Fix the constraint in the config, e.g. requires: { postgis: ">=3.3" }.', evidence: { extension: name, required: range } }
  }
  if (isSatisfied) return undefined
  const which = e?.installedVersion ? 'installed' : 'that the pending SQL would install'
  return { message: `The config requires ${name} ${range}, but the version ${which} is ${version}.`, mitigation, evidence: { extension: name, required: range, version } }
}

/** "postgis 3.3.2 installed" / "pg_trgm 1.6 available". */
function describe(e: ExtensionInfo): string {
  if (e.installedVersion) return `${e.name} ${e.installedVersion} installed`
  return e.defaultVersion ? `${e.name} ${e.defaultVersion} available` : `${e.name} available`
}
