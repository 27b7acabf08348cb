/**
 * Builds the action bundle, as typescript-action does: ncc compiles src/action/index.ts and
 * everything it imports into dist/ (ESM: index.js, numbered chunks for the dynamic imports, a
 * package.json saying "type": "module", licenses.txt), then the WASM files the bundle reads at
 * run time are copied next to index.js. dist/ is committed; `npm run check:dist` verifies it.
 *
 * Usage: node scripts/build-dist.mjs [out-dir]   (default: dist)
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))

/**
 * Every WASM file the bundle loads, in one place: the package file and its name in dist/.
 * libpg-query's loader reads `libpg-query.wasm` from `__dirname` (set to dist/ by
 * src/action/index.ts); the older grammars (src/dialects/postgres/grammars.ts, npm aliases
 * libpg-query-<major>) look for `libpg-query-<major>.wasm` there first.
 */
export function wasmAssets() {
  const dependencies = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies ?? {})
  return dependencies
    .filter((name) => /^libpg-query(-\d+)?$/.test(name))
    .sort()
    .map((name) => ({ from: `${name}/wasm/libpg-query.wasm`, to: name === 'libpg-query' ? 'libpg-query.wasm' : `${name}.wasm` }))
}

/** Runs ncc on the action entry into `outDir`. */
function bundle(outDir) {
  const ncc = require.resolve('@vercel/ncc/dist/ncc/cli.js')
  // Not --transpile-only: ts-loader would then emit CommonJS for NodeNext sources and reject top-level await.
  execFileSync(process.execPath, [ncc, 'build', 'src/action/index.ts', '-o', outDir, '--target', 'es2022', '--license', 'licenses.txt', '--no-cache', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  })
}

/** Copies each WASM file next to index.js; a missing one fails the build. */
function copyWasm(outDir) {
  for (const { from, to } of wasmAssets()) {
    let source
    try {
      source = require.resolve(from)
    } catch {
      throw new Error(`Cannot find ${from}: run npm ci first.`)
    }
    copyFileSync(source, join(outDir, to))
  }
}

/**
 * Removes TypeScript sources ncc copied as assets. webpack turns `new URL('./parse-worker.js',
 * import.meta.url)` (src/dialects/postgres/parse-pool.ts) into a copy of the .ts source, which no
 * worker can run; without it the pool finds no worker entry and parses on the main thread.
 */
function removeSourceAssets(outDir) {
  for (const name of readdirSync(outDir).filter((n) => n.endsWith('.ts'))) {
    rmSync(join(outDir, name))
    console.log(`build-dist: removed ${name}, a TypeScript source ncc copied as an asset (a worker entry the bundle cannot run).`)
  }
}

/** Sizes of the files in `dir`, for the build log. */
function describe(dir) {
  return readdirSync(dir)
    .sort()
    .map((name) => `  ${name.padEnd(28)} ${(statSync(join(dir, name)).size / 1024).toFixed(0).padStart(6)} KiB`)
    .join('\n')
}

/** Builds into `outDir` from scratch. */
export function buildDist(outDir) {
  rmSync(outDir, { recursive: true, force: true })
  bundle(outDir)
  removeSourceAssets(outDir)
  copyWasm(outDir)
  if (!existsSync(join(outDir, 'index.js'))) throw new Error(`ncc wrote no index.js into ${outDir}.`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(root, process.argv[2] ?? 'dist')
  try {
    buildDist(outDir)
    console.log(`Built ${relative(root, outDir) || outDir}:\n${describe(outDir)}`)
  } catch (error) {
    console.error(`build-dist: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  }
}
