/**
 * Telemetry end to end: the CLI runs against a real database and exports to an OTLP/HTTP receiver
 * written here, which decodes what arrives; the figures must equal the JSON report's. Without
 * OTEL_* variables, a preloaded probe proves no OpenTelemetry module loads and no connection is
 * made but the database's. A collector that is down or hangs never fails or stalls the run.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import type { Report } from '../../src/engine/report.js'
import { DEFAULT_TIMEOUT_MS, MAX_TIMEOUT_MS, telemetryFromEnv } from '../../src/telemetry/config.js'
import { runCli, tempDir } from '../support/cli.js'
import { createTestDatabase, type TestDatabase } from '../support/pg.js'

interface Received {
  readonly path: string
  readonly headers: IncomingHttpHeaders
  readonly body: Buffer
}

/** An OTLP/HTTP receiver on 127.0.0.1 that keeps every request; `hang` never answers. */
async function startReceiver(mode: 'ok' | 'hang' = 'ok'): Promise<{ url: string; port: number; received: Received[]; server: Server }> {
  const received: Received[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) })
      if (mode === 'hang') return
      const isJson = String(req.headers['content-type']).includes('json')
      res.writeHead(200, { 'content-type': isJson ? 'application/json' : 'application/x-protobuf' })
      res.end(isJson ? '{}' : '')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return { url: `http://127.0.0.1:${port}`, port, received, server }
}

type AnyValue = { stringValue?: string; intValue?: number | string; doubleValue?: number; boolValue?: boolean }
type KeyValue = { key: string; value: AnyValue }

interface HistogramPoint {
  attributes: KeyValue[]
  count: number | string
  sum: number
}
interface SumPoint {
  attributes: KeyValue[]
  asDouble?: number
  asInt?: number | string
}
/** The parts of an OTLP JSON metric the test reads. */
interface OtlpMetric {
  name: string
  unit?: string
  histogram?: { dataPoints: HistogramPoint[] }
  sum?: { dataPoints: SumPoint[] }
}
/** The parts of an OTLP JSON span the test reads. */
interface OtlpSpan {
  name: string
  traceId: string
  spanId: string
  parentSpanId?: string
  startTimeUnixNano: string | number
  endTimeUnixNano: string | number
  attributes: KeyValue[]
  status?: { code?: number }
}

/** OTLP JSON attributes as a plain object. */
function attrs(list: readonly KeyValue[] | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const { key, value } of list ?? []) out[key] = value.stringValue ?? value.boolValue ?? (value.intValue !== undefined ? Number(value.intValue) : value.doubleValue)
  return out
}

/** Decoded OTLP JSON bodies of one signal. */
function decode(received: readonly Received[], path: string): Record<string, unknown>[] {
  return received.filter((r) => r.path === path).map((r) => JSON.parse(r.body.toString('utf8')) as Record<string, unknown>)
}

const CHECKS = 'connectivity,server-version,migration-history,syntax-error,invalid-directive'
const OTEL_UNSET = {
  OTEL_EXPORTER_OTLP_ENDPOINT: undefined,
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: undefined,
  OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: undefined,
  OTEL_EXPORTER_OTLP_PROTOCOL: undefined,
  OTEL_EXPORTER_OTLP_HEADERS: undefined,
  OTEL_SDK_DISABLED: undefined,
  OTEL_SERVICE_NAME: undefined,
  CI: undefined,
}

describe('telemetry configuration from the environment', () => {
  it('is off without an endpoint, when disabled, or when the exporter is none', () => {
    expect(telemetryFromEnv({})).toBeUndefined()
    expect(telemetryFromEnv({ OTEL_SERVICE_NAME: 'x', OTEL_EXPORTER_OTLP_HEADERS: 'a=b' })).toBeUndefined()
    expect(telemetryFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_SDK_DISABLED: 'true' })).toBeUndefined()
    expect(telemetryFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318', OTEL_TRACES_EXPORTER: 'none', OTEL_METRICS_EXPORTER: 'none' })).toBeUndefined()
  })

  it('exports each signal with an endpoint, over http/protobuf unless told otherwise, with a short bounded timeout', () => {
    expect(telemetryFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4318' })).toEqual({
      traces: { protocol: 'http/protobuf' },
      metrics: { protocol: 'http/protobuf' },
      timeoutMs: DEFAULT_TIMEOUT_MS,
      notes: [],
    })
    expect(telemetryFromEnv({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces', OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TIMEOUT: '60000' })).toEqual({
      traces: { protocol: 'http/json' },
      metrics: undefined,
      timeoutMs: MAX_TIMEOUT_MS,
      notes: [],
    })
    expect(telemetryFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://c:4317', OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'http/json' })).toEqual({
      traces: undefined,
      metrics: { protocol: 'http/json' },
      timeoutMs: DEFAULT_TIMEOUT_MS,
      notes: ['traces not exported: OTLP protocol "grpc" is not supported (use http/protobuf or http/json)'],
    })
  })
})

describe('telemetry of a run (CLI against a real database)', () => {
  let db: TestDatabase
  const servers: Server[] = []
  beforeAll(async () => {
    db = await createTestDatabase()
  })
  afterAll(async () => db.drop())
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
  })

  /** A project with one pending migration and a target on the test database. */
  function project(extraTarget: string[] = []): string {
    const root = tempDir()
    mkdirSync(join(root, 'migrations'))
    writeFileSync(join(root, 'migrations', '001_init.sql'), 'CREATE TABLE t (id bigint);\n')
    writeFileSync(join(root, 'migrations.config.yaml'), ['migrations:', '  path: migrations', '  layout: plain', 'targets:', '  prod:', `    url: ${db.url}`, ...extraTarget, ''].join('\n'))
    return root
  }

  /** Runs preflight in `root` with extra environment variables. */
  function preflight(root: string, env: Record<string, string | undefined>) {
    return runCli(['preflight', '--target', 'prod', '--only', CHECKS, '--format', 'json', '--quiet'], { cwd: root, env: { ...OTEL_UNSET, ...env } })
  }

  /** The run's JSON report and log. */
  function outputs(root: string): { report: Report; log: string } {
    const reportName = readdirSync(join(root, 'reports')).find((n) => n.endsWith('.json'))!
    const logName = readdirSync(join(root, 'logs')).find((n) => n.startsWith('migrations-preflight-'))!
    return { report: JSON.parse(readFileSync(join(root, 'reports', reportName), 'utf8')) as Report, log: readFileSync(join(root, 'logs', logName), 'utf8') }
  }

  it('delivers metrics and one span per check over OTLP/HTTP JSON, with the JSON report\'s figures', async () => {
    const receiver = await startReceiver()
    servers.push(receiver.server)
    const root = project(['    minServerVersion: 99'])
    const result = await preflight(root, {
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=secret-1',
      OTEL_SERVICE_NAME: 'preflight-ci',
    })
    expect(result.code).toBe(1)
    const { report, log } = outputs(root)
    expect(log).toMatch(/telemetry: exported in \d+ ms/)
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/v1/metrics', '/v1/traces'])
    for (const r of receiver.received) {
      expect(r.headers['x-api-key']).toBe('secret-1')
      expect(r.headers['content-type']).toMatch(/application\/json/)
    }

    // Metrics: run duration, checks by status, duration per check.
    const [metricsBody] = decode(receiver.received, '/v1/metrics') as { resourceMetrics: { resource: { attributes: KeyValue[] }; scopeMetrics: { scope: { name: string }; metrics: OtlpMetric[] }[] }[] }[]
    const resourceMetrics = metricsBody!.resourceMetrics[0]!
    expect(attrs(resourceMetrics.resource.attributes)).toMatchObject({ 'service.name': 'preflight-ci', 'service.version': report.tool.version, 'host.name': report.run.host })
    const metrics = new Map(resourceMetrics.scopeMetrics.flatMap((s) => s.metrics).map((m) => [m.name, m]))
    const run = metrics.get('preflight.run.duration')!
    expect(run.unit).toBe('s')
    const [runPoint, ...more] = run.histogram!.dataPoints
    expect(more).toEqual([])
    expect(Number(runPoint!.count)).toBe(1)
    expect(runPoint!.sum * 1000).toBeCloseTo(report.run.durationMs, 6)
    expect(attrs(runPoint!.attributes)).toEqual({ 'preflight.command': 'preflight', 'preflight.target': 'prod', 'preflight.verdict': 'failed' })
    const byStatus = Object.fromEntries(
      metrics.get('preflight.checks')!.sum!.dataPoints.map((p) => [attrs(p.attributes)['preflight.check.status'], Number(p.asDouble ?? p.asInt)]),
    )
    expect(byStatus).toEqual({ pass: report.counts.pass, warn: report.counts.warn, fail: report.counts.fail, skip: report.counts.skip, error: report.counts.error })
    const perCheck = metrics.get('preflight.check.duration')!.histogram!.dataPoints.map((p) => {
      const a = attrs(p.attributes)
      return { id: String(a['preflight.check.id']), status: a['preflight.check.status'], ms: Math.round(p.sum * 1000), count: Number(p.count), target: a['preflight.target'] }
    })
    expect(perCheck.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      report.checks.map((c) => ({ id: c.id, status: c.status, ms: c.durationMs, count: 1, target: 'prod' })),
    )

    // Trace: one root span for the run, one child span per check.
    const [tracesBody] = decode(receiver.received, '/v1/traces') as { resourceSpans: { resource: { attributes: KeyValue[] }; scopeSpans: { spans: OtlpSpan[] }[] }[] }[]
    expect(attrs(tracesBody!.resourceSpans[0]!.resource.attributes)['service.name']).toBe('preflight-ci')
    const spans = tracesBody!.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans))
    const runSpan = spans.find((s) => s.name === 'migrations preflight')!
    expect(runSpan.parentSpanId ?? '').toBe('')
    expect(attrs(runSpan.attributes)).toMatchObject({ 'preflight.target': 'prod', 'preflight.verdict': 'failed' })
    const children = spans.filter((s) => s !== runSpan)
    expect(children.map((s) => s.name).sort()).toEqual(report.checks.map((c) => `check ${c.id}`))
    const nanos = (v: string | number): bigint => BigInt(v)
    for (const span of children) {
      const check = report.checks.find((c) => `check ${c.id}` === span.name)!
      expect(span.traceId).toBe(runSpan.traceId)
      expect(span.parentSpanId).toBe(runSpan.spanId)
      expect(attrs(span.attributes)).toMatchObject({ 'preflight.check.id': check.id, 'preflight.check.status': check.status, 'preflight.target': 'prod' })
      expect(span.status?.code ?? 0).toBe(check.status === 'fail' || check.status === 'error' ? 2 : 0)
      expect(nanos(span.startTimeUnixNano) >= nanos(runSpan.startTimeUnixNano)).toBe(true)
      expect(nanos(span.endTimeUnixNano) <= nanos(runSpan.endTimeUnixNano)).toBe(true)
    }
    expect(report.checks.find((c) => c.id === 'server-version')!.status).toBe('fail')
  })

  it('sends protobuf by default (the OTLP default protocol)', async () => {
    const receiver = await startReceiver()
    servers.push(receiver.server)
    const root = project()
    const result = await preflight(root, { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url })
    expect(result.code).toBe(0)
    const paths = receiver.received.map((r) => r.path).sort()
    expect(paths).toEqual(['/v1/metrics', '/v1/traces'])
    for (const r of receiver.received) expect(r.headers['content-type']).toBe('application/x-protobuf')
    const traces = receiver.received.find((r) => r.path === '/v1/traces')!.body
    for (const id of CHECKS.split(',')) expect(traces.includes(Buffer.from(`check ${id}`))).toBe(true)
    expect(receiver.received.find((r) => r.path === '/v1/metrics')!.body.includes(Buffer.from('preflight.check.duration'))).toBe(true)
  })

  it('never fails or stalls the run when the collector is down or does not answer', async () => {
    const hanging = await startReceiver('hang')
    servers.push(hanging.server)
    const root = project()
    const result = await preflight(root, { OTEL_EXPORTER_OTLP_ENDPOINT: hanging.url, OTEL_EXPORTER_OTLP_TIMEOUT: '400' })
    expect(result.code).toBe(0)
    expect(result.ms).toBeLessThan(8000)
    expect(outputs(root).log).toMatch(/WARN .*telemetry: (export failed|gave up)/)

    const down = project()
    const refused = await preflight(down, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', OTEL_EXPORTER_OTLP_TIMEOUT: '400' })
    expect(refused.code).toBe(0)
    expect(outputs(down).log).toMatch(/WARN .*telemetry: (export failed|gave up)/)
  })

  it('loads no OpenTelemetry code and connects only to the database when OTEL is not configured', async () => {
    const probe = resolve('__tests__/support/net-probe.mjs')
    const dbPort = Number(new URL(db.url).port || 5432)
    const run = async (env: Record<string, string | undefined>): Promise<{ connections: { port?: number }[]; modules: string[] }> => {
      const root = project()
      const out = join(root, 'probe.json')
      const result = await preflight(root, { ...env, NODE_OPTIONS: `--import=${probe}`, PREFLIGHT_NET_PROBE_OUT: out })
      expect(result.code).toBe(0)
      return JSON.parse(readFileSync(out, 'utf8')) as { connections: { port?: number }[]; modules: string[] }
    }

    const quiet = await run({})
    expect(quiet.modules).toEqual([])
    expect(quiet.connections.length).toBeGreaterThan(0)
    expect(quiet.connections.filter((c) => c.port !== dbPort)).toEqual([])

    // The probe does see telemetry when it is configured, so the silence above is real.
    const receiver = await startReceiver()
    servers.push(receiver.server)
    const loud = await run({ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url })
    expect(loud.modules.length).toBeGreaterThan(0)
    expect(loud.connections.some((c) => c.port === receiver.port)).toBe(true)
  })
})
