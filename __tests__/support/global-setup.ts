/**
 * Gives every test file a real PostgreSQL: PREFLIGHT_TEST_PG_URL when set (CI points it at the
 * machine's server), otherwise one embedded PostgreSQL started for the whole run.
 * Workers inherit the URL through the environment.
 */
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/testing/embedded-postgres.js'

declare global {
  var __PREFLIGHT_EMBEDDED__: EmbeddedPostgres | undefined
}

export default async function globalSetup(): Promise<void> {
  if (process.env.PREFLIGHT_TEST_PG_URL) return
  const server = await startEmbeddedPostgres()
  globalThis.__PREFLIGHT_EMBEDDED__ = server
  process.env.PREFLIGHT_TEST_PG_URL = server.url
  process.env.PREFLIGHT_TEST_PG_EMBEDDED = '1'
}
