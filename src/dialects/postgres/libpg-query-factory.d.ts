/**
 * The Emscripten factory inside libpg-query (`wasm/libpg-query.js`, CommonJS, no types of its own),
 * instantiated by raw-parse.ts in each parse worker.
 */
declare module 'libpg-query/wasm/libpg-query.js' {
  const factory: (moduleArg?: Record<string, unknown>) => Promise<unknown>
  export default factory
}
