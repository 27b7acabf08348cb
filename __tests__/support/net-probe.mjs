/**
 * Preloaded with `node --import` into a spawned CLI: records every outgoing TCP connection
 * attempt and, at exit, which OpenTelemetry modules were loaded, into the JSON file named by
 * PREFLIGHT_NET_PROBE_OUT. Lets a test prove that a run without OTEL_* variables loads no
 * telemetry code and connects nowhere but the database.
 */
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'

const out = process.env.PREFLIGHT_NET_PROBE_OUT
const connections = []
const original = net.Socket.prototype.connect
net.Socket.prototype.connect = function connect(...args) {
  const [first, second] = Array.isArray(args[0]) ? args[0] : args
  const target = typeof first === 'object' && first !== null ? { host: first.host ?? 'localhost', port: first.port, path: first.path } : { host: typeof second === 'string' ? second : 'localhost', port: first }
  connections.push({ host: target.host, port: target.port === undefined ? undefined : Number(target.port), path: target.path })
  return original.apply(this, args)
}

process.on('exit', () => {
  // CommonJS packages imported from ESM are registered in the CommonJS cache too.
  const cache = createRequire(import.meta.url).cache
  const modules = Object.keys(cache).filter((k) => k.includes('@opentelemetry'))
  if (out) writeFileSync(out, JSON.stringify({ connections, modules }))
})
