/**
 * The `migrations` command line: commander parses, the engine runs, results decide the exit code.
 * Errors are caught at this one boundary and printed as message and fix, never as a stack.
 * Each command's module is imported when that command runs, so `migrations lint` does not load
 * what only snapshot, init, rules or explain need (issue 4: one small file in under 0.3 s).
 */
import { Command, CommanderError, Option } from 'commander'
import { EXIT, PreflightError, describeError } from '../engine/errors.js'
import type { RunCommandOptions } from './commands/run-command.js'
import type { SnapshotOptions } from './commands/snapshot.js'
import { toolVersion } from './version.js'

const EXIT_CODES_HELP = `
Exit codes:
  0  every check passed (warnings allowed unless --fail-on warning)
  1  at least one check failed or could not run (or warned, with --fail-on warning)
  2  invalid invocation or configuration
  3  internal error (see the log file)`

/** Adds the options preflight and lint share. */
function addRunOptions(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'config file (default: migrations.config.yaml found from here upwards)')
    .option('-m, --migrations <path>', 'migrations folder (overrides migrations.path)')
    .option('-f, --format <list>', 'report formats, comma-separated: txt,json,md,sarif', 'txt,json')
    .option('-o, --out <dir>', 'folder for the reports', 'reports')
    .option('--log-dir <dir>', 'folder for the log file', 'logs')
    .addOption(new Option('--fail-on <level>', 'fail on error or also on warning').choices(['error', 'warning', 'never']).default('error'))
    .option('--only <ids>', 'run only these check and rule ids (comma-separated)')
    .option('--skip <ids>', 'skip these check and rule ids (comma-separated)')
    .option('--json', 'print the JSON report on stdout and nothing else there (progress goes to stderr)')
    .option('-q, --quiet', 'no progress output')
}

/** Builds the program; `io` is injectable for tests. */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('migrations')
    .description('Migrations Preflight: find what would break production before a migration runs.')
    .version(toolVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride()

  addRunOptions(
    program
      .command('preflight')
      .description('run every check against a target, read-only: applies nothing')
      .requiredOption('-t, --target <env>', 'target name from the config (dev, staging, prod...)')
      .option('--at <time>', 'evaluate maintenance windows at this ISO time instead of now')
      .option('-y, --assume-yes', 'accept every acceptable failure without asking (refused in CI, without a TTY or without an operator)')
      .option('--operator <name>', 'who accepts failures, for the audit log (default: PREFLIGHT_OPERATOR)')
      .option('--reason <text>', 'why accepted failures are safe (backup reference, ticket), for the audit log'),
  )
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (opts: RunCommandOptions) => {
      const { runCommand } = await import('./commands/run-command.js')
      setExit(await runCommand('preflight', opts))
    })

  addRunOptions(
    program
      .command('lint')
      .description('static analysis of migration files only, no database (for editors and pre-commit)')
      .argument('[paths...]', 'files or folders to lint; - reads standard input (default: the configured folder)'),
  )
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (paths: string[], opts: RunCommandOptions) => {
      const { runCommand } = await import('./commands/run-command.js')
      setExit(await runCommand('lint', opts, paths))
    })

  program
    .command('init')
    .description('write a commented starter migrations.config.yaml for the layout found here')
    .option('--force', 'overwrite an existing config file')
    .action(async (opts: { force?: boolean }) => {
      const { initConfig } = await import('./commands/init.js')
      process.stdout.write(`${await initConfig(process.cwd(), opts)}\n`)
      setExit(EXIT.passed)
    })

  program
    .command('rules')
    .description('list every rule and check: id, kind, category, default severity and title')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }) => {
      const { rulesCommand } = await import('./commands/rules.js')
      setExit(rulesCommand(opts))
    })

  program
    .command('explain')
    .description('print the runbook page of a rule or check id')
    .argument('<id>', 'rule or check id (see `migrations rules`)')
    .action(async (id: string) => {
      const { explainCommand } = await import('./commands/explain.js')
      setExit(explainCommand(id))
    })

  program
    .command('snapshot')
    .description('write the target schema as JSON for the schema-drift check, read-only')
    .requiredOption('-t, --target <env>', 'target name from the config')
    .option('-c, --config <file>', 'config file (default: migrations.config.yaml found from here upwards)')
    .option('-m, --migrations <path>', 'migrations folder (overrides migrations.path)')
    .option('-o, --out <file>', 'file to write, - for standard output (default: the target\'s schemaSnapshot)')
    .option('--log-dir <dir>', 'folder for the log file', 'logs')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (opts: SnapshotOptions) => {
      const { snapshotCommand } = await import('./commands/snapshot.js')
      setExit(await snapshotCommand(opts))
    })

  return program
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.passed
  const program = buildProgram((c) => {
    code = c
  })
  try {
    await program.parseAsync([...argv], { from: 'node' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      return error.exitCode === 0 ? EXIT.passed : EXIT.usage
    }
    if (error instanceof PreflightError) {
      process.stderr.write(`error: ${error.message}\n${error.fix ? `  fix: ${error.fix}\n` : ''}`)
      return error.exitCode
    }
    process.stderr.write(`internal error: ${describeError(error)}\n  The log file under logs/ has the details; please report this.\n`)
    return EXIT.internal
  }
}
