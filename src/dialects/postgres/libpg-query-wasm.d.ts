/**
 * The Emscripten factory inside each libpg-query release (`wasm/libpg-query.js`, CommonJS, no
 * types of its own), imported by grammars.ts through the npm aliases `libpg-query-<major>`.
 */
declare module 'libpg-query-*/wasm/libpg-query.js' {
  const factory: (moduleArg?: Record<string, unknown>) => Promise<unknown>
  export default factory
}
