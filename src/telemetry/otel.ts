/**
 * The OpenTelemetry side of telemetry, imported only when telemetry is configured: builds the
 * run's metrics and trace from the final report with the official SDK and exports them over
 * OTLP/HTTP (protobuf or JSON). Exporters read endpoint and headers from the standard variables.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api'
import { defaultResource, detectResources, envDetector, resourceFromAttributes, type Resource } from '@opentelemetry/resources'
import { MeterProvider, PeriodicExportingMetricReader, type PushMetricExporter } from '@opentelemetry/sdk-metrics'
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base'
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions'
import { STATUSES, type CheckResult } from '../engine/model.js'
import type { Report } from '../engine/report.js'
import type { OtlpProtocol, TelemetryConfig } from './config.js'
import type { CheckEndTimes } from './index.js'

export const SCOPE = 'migrations-preflight'

/** Instrument names; durations are in seconds, as OpenTelemetry's conventions ask. */
export const METRICS = {
  runDuration: 'preflight.run.duration',
  checks: 'preflight.checks',
  checkDuration: 'preflight.check.duration',
} as const

/** Bucket boundaries in seconds, from 5 ms to 60 s (a check is fast; a whole run may take a while). */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60]

type ExportResult = { code: number; error?: Error }

/** Exports metrics and the trace of one run; returns "exported" or what went wrong. */
export async function exportRun(config: TelemetryConfig, report: Report, ended: CheckEndTimes): Promise<string> {
  const resource = await runResource(report)
  const problems: string[] = []
  const record = (signal: string) => (result: ExportResult) => {
    if (result.code !== 0) problems.push(`${signal}: ${result.error?.message ?? 'export failed'}`)
  }
  await Promise.all([
    config.metrics ? exportMetrics(config, report, resource, record('metrics')).catch((e: Error) => problems.push(`metrics: ${e.message}`)) : undefined,
    config.traces ? exportTrace(config, report, ended, resource, record('traces')).catch((e: Error) => problems.push(`traces: ${e.message}`)) : undefined,
  ])
  return problems.length === 0 ? 'exported' : `export failed: ${problems.join('; ')}`
}

/** service.name (OTEL_SERVICE_NAME wins), service.version and OTEL_RESOURCE_ATTRIBUTES. */
async function runResource(report: Report): Promise<Resource> {
  const detected = detectResources({ detectors: [envDetector] })
  await detected.waitForAsyncAttributes?.()
  return defaultResource()
    .merge(resourceFromAttributes({ [ATTR_SERVICE_NAME]: SCOPE, [ATTR_SERVICE_VERSION]: report.tool.version, 'host.name': report.run.host }))
    .merge(detected)
}

/** Attributes every measurement and span of the run carries. */
function runAttributes(report: Report): Attributes {
  return { 'preflight.command': report.run.command, ...(report.run.target ? { 'preflight.target': report.run.target } : {}) }
}

/** Attributes of one check. */
function checkAttributes(report: Report, check: CheckResult): Attributes {
  return {
    ...runAttributes(report),
    'preflight.check.id': check.id,
    'preflight.check.status': check.status,
    'preflight.check.kind': check.kind,
    'preflight.check.category': check.category,
  }
}

/** Records the run's instruments once and pushes them in a single export. */
async function exportMetrics(config: TelemetryConfig, report: Report, resource: Resource, onResult: (r: ExportResult) => void): Promise<void> {
  const options = { timeoutMillis: config.timeoutMs }
  const exporter = await metricExporter(config.metrics!.protocol, options)
  observeExports(exporter, onResult)
  // The interval never elapses in a CLI run: forceFlush below does the one export.
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000, exportTimeoutMillis: config.timeoutMs })
  const provider = new MeterProvider({ resource, readers: [reader] })
  const meter = provider.getMeter(SCOPE, report.tool.version)
  const advice = { explicitBucketBoundaries: DURATION_BUCKETS }
  const runDuration = meter.createHistogram(METRICS.runDuration, { unit: 's', description: 'Duration of a preflight or lint run', advice })
  const checks = meter.createCounter(METRICS.checks, { unit: '{check}', description: 'Checks run, by status' })
  const checkDuration = meter.createHistogram(METRICS.checkDuration, { unit: 's', description: 'Duration of one check or rule', advice })

  runDuration.record(report.run.durationMs / 1000, { ...runAttributes(report), 'preflight.verdict': report.verdict })
  for (const status of STATUSES) checks.add(report.counts[status], { ...runAttributes(report), 'preflight.check.status': status })
  for (const check of report.checks) checkDuration.record(check.durationMs / 1000, checkAttributes(report, check))
  // Shutting the reader down collects and exports once; a forceFlush first would send everything twice.
  await provider.shutdown()
}

/** One root span for the run and one child span per check, placed where each check ran. */
async function exportTrace(config: TelemetryConfig, report: Report, ended: CheckEndTimes, resource: Resource, onResult: (r: ExportResult) => void): Promise<void> {
  const options = { timeoutMillis: config.timeoutMs }
  const exporter = await spanExporter(config.traces!.protocol, options)
  observeExports(exporter, onResult)
  const provider = new BasicTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter, { exportTimeoutMillis: config.timeoutMs })] })
  const tracer = provider.getTracer(SCOPE, report.tool.version)
  const startedAt = Date.parse(report.run.startedAt)
  const finishedAt = Date.parse(report.run.finishedAt)
  const root = tracer.startSpan(`migrations ${report.run.command}`, {
    kind: SpanKind.INTERNAL,
    startTime: startedAt,
    attributes: { ...runAttributes(report), 'preflight.verdict': report.verdict, 'preflight.checks': report.checks.length },
  })
  if (report.verdict !== 'passed') root.setStatus({ code: SpanStatusCode.ERROR, message: `verdict ${report.verdict}` })
  const parent = trace.setSpan(ROOT_CONTEXT, root)
  for (const check of report.checks) {
    const end = Math.min(Math.max(ended.get(check.id) ?? finishedAt, startedAt), finishedAt)
    const span = tracer.startSpan(
      `check ${check.id}`,
      { kind: SpanKind.INTERNAL, startTime: Math.max(startedAt, end - check.durationMs), attributes: { ...checkAttributes(report, check), 'preflight.check.findings': check.findings.filter((f) => !f.suppressed).length } },
      parent,
    )
    if (check.status === 'fail' || check.status === 'error') span.setStatus({ code: SpanStatusCode.ERROR, message: check.summary })
    span.end(end)
  }
  root.end(finishedAt)
  try {
    await provider.forceFlush()
  } finally {
    await provider.shutdown().catch(() => undefined)
  }
}

/** The OTLP/HTTP metric exporter for the protocol; only that one is loaded. */
async function metricExporter(protocol: OtlpProtocol, options: { timeoutMillis: number }): Promise<PushMetricExporter> {
  if (protocol === 'http/json') return new (await import('@opentelemetry/exporter-metrics-otlp-http')).OTLPMetricExporter(options)
  return new (await import('@opentelemetry/exporter-metrics-otlp-proto')).OTLPMetricExporter(options)
}

/** The OTLP/HTTP span exporter for the protocol; only that one is loaded. */
async function spanExporter(protocol: OtlpProtocol, options: { timeoutMillis: number }): Promise<SpanExporter> {
  if (protocol === 'http/json') return new (await import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter(options)
  return new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter(options)
}

/** Wraps an exporter's export so failures reach the run log instead of OpenTelemetry's silent diag logger. */
function observeExports(exporter: { export(items: never, done: (r: ExportResult) => void): void }, onResult: (r: ExportResult) => void): void {
  const original = exporter.export.bind(exporter)
  exporter.export = (items: never, done: (r: ExportResult) => void) =>
    original(items, (result) => {
      onResult(result)
      done(result)
    })
}
