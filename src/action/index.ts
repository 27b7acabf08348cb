/**
 * Entry of the bundled action (dist/index.js). ncc's ESM output has no `__dirname`, which the
 * WASM loader of libpg-query reads to find libpg-query.wasm (copied next to this file by
 * scripts/build-dist.mjs), so it is set from import.meta.url before main.js, and with it the
 * parser, is imported.
 */
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'

const globals = globalThis as { __dirname?: string }
globals.__dirname ??= dirname(fileURLToPath(import.meta.url))

try {
  const { run } = await import('./main.js')
  process.exitCode = await run()
} catch (error) {
  // run() handles every expected failure; this is a bug, reported without a stack.
  process.stdout.write(`::error::Internal error in Migrations Preflight: ${error instanceof Error ? error.message : String(error)}. Please report this.\n`)
  process.exitCode = 3
}
// A dangling socket (an abandoned upload, a keep-alive agent) must not keep the job running.
setTimeout(() => process.exit(), 1000).unref()
