/** Stops the embedded PostgreSQL started by global-setup, if any. */
export default async function globalTeardown() {
  await globalThis.__PREFLIGHT_EMBEDDED__?.stop()
}
