/**
 * Gives every test file a real PostgreSQL: PREFLIGHT_TEST_PG_URL when set (CI points it at the
 * machine's server), otherwise one embedded PostgreSQL started for the whole run.
 * Workers inherit the URL through the environment. Jest loads global setup outside its
 * transform, so this imports the compiled helper (`npm test` builds lib/ first).
 *
 * Every temporary folder of the run (tests' mkdtemp, the CLI processes they spawn) goes under one
 * folder that global-teardown removes: TMPDIR is what os.tmpdir() returns in the workers and
 * their children, so no test has to remember to clean up.
 */
import { chmodSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startEmbeddedPostgres } from '../../lib/src/testing/embedded-postgres.js'

export default async function globalSetup() {
  if (!process.env.PREFLIGHT_TEST_PG_URL) {
    const server = await startEmbeddedPostgres()
    globalThis.__PREFLIGHT_EMBEDDED__ = server
    process.env.PREFLIGHT_TEST_PG_URL = server.url
    process.env.PREFLIGHT_TEST_PG_EMBEDDED = '1'
  }
  // After the embedded server started: its data folder and socket keep their usual short path.
  const runTmp = mkdtempSync(join(tmpdir(), 'preflight-jest-'))
  // Embedded PostgreSQL started under it as root runs initdb as the postgres user, which must reach
  // its password file and data directory through this folder (mkdtemp makes it 0700).
  chmodSync(runTmp, 0o755)
  globalThis.__PREFLIGHT_RUN_TMP__ = { dir: runTmp, previous: process.env.TMPDIR }
  process.env.TMPDIR = runTmp
}
