/** Stops the embedded PostgreSQL started by global-setup, if any, and removes the run's temporary folder. */
import { rmSync } from 'node:fs'

export default async function globalTeardown() {
  await globalThis.__PREFLIGHT_EMBEDDED__?.stop()
  const runTmp = globalThis.__PREFLIGHT_RUN_TMP__
  if (runTmp) {
    if (runTmp.previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = runTmp.previous
    rmSync(runTmp.dir, { recursive: true, force: true })
  }
}
