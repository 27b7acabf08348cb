/**
 * Gives every test file a real PostgreSQL: PREFLIGHT_TEST_PG_URL when set (CI points it at the
 * machine's server), otherwise one embedded PostgreSQL started for the whole run.
 * Workers inherit the URL through the environment. Jest loads global setup outside its
 * transform, so this imports the compiled helper (`npm test` builds lib/ first).
 */
import { startEmbeddedPostgres } from '../../lib/src/testing/embedded-postgres.js'

export default async function globalSetup() {
  if (process.env.PREFLIGHT_TEST_PG_URL) return
  const server = await startEmbeddedPostgres()
  globalThis.__PREFLIGHT_EMBEDDED__ = server
  process.env.PREFLIGHT_TEST_PG_URL = server.url
  process.env.PREFLIGHT_TEST_PG_EMBEDDED = '1'
}
