/**
 * How V8 compiles libpg-query's WASM. Its baseline compiler (Liftoff) alone parses as fast as with
 * the optimizing tier on our corpora, and skips the optimizing compiles that otherwise run in the
 * background and hold up the process's exit by about 0.1 s (bench/README.md). V8 flags are
 * process-wide and read when a module is compiled, so this runs before libpg-query is loaded.
 */
import { setFlagsFromString } from 'node:v8'

/** Makes V8 compile WASM modules loaded from now on with Liftoff only. */
export function useBaselineWasmCompiler(): void {
  setFlagsFromString('--liftoff-only')
}
