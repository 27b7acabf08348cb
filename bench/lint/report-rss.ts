/**
 * Preloaded into a benchmarked lint run (`node --import report-rss.js ...`): at exit, writes the
 * process's peak resident set size in bytes (worker threads included) to PREFLIGHT_BENCH_RSS_FILE.
 */
import { writeFileSync } from 'node:fs'

const file = process.env.PREFLIGHT_BENCH_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)))
