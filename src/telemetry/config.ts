/**
 * Whether and how to export telemetry, read from OpenTelemetry's standard environment variables
 * (https://opentelemetry.io/docs/specs/otel/protocol/exporter/). Reading them loads nothing:
 * the OpenTelemetry packages are imported only when this returns a config.
 */

export const OTLP_PROTOCOLS = ['http/protobuf', 'http/json'] as const
export type OtlpProtocol = (typeof OTLP_PROTOCOLS)[number]

/** Default export budget: a CLI run must not wait long for a collector that is down. */
export const DEFAULT_TIMEOUT_MS = 3000
/** Upper bound, whatever OTEL_EXPORTER_OTLP_TIMEOUT says. */
export const MAX_TIMEOUT_MS = 10_000

/** One signal (traces or metrics): which protocol to send it with. */
export interface SignalConfig {
  readonly protocol: OtlpProtocol
}

export interface TelemetryConfig {
  readonly traces: SignalConfig | undefined
  readonly metrics: SignalConfig | undefined
  /** Per-request timeout of the exporters and the bound on the whole export. */
  readonly timeoutMs: number
  /** Why a configured signal is not exported (an unsupported protocol), for the log. */
  readonly notes: readonly string[]
}

/** The telemetry config, or undefined when OpenTelemetry is not configured or is disabled. */
export function telemetryFromEnv(env: NodeJS.ProcessEnv): TelemetryConfig | undefined {
  if (isSet(env.OTEL_SDK_DISABLED) && env.OTEL_SDK_DISABLED!.trim().toLowerCase() === 'true') return undefined
  const notes: string[] = []
  const traces = signal('TRACES', env, notes)
  const metrics = signal('METRICS', env, notes)
  if (!traces && !metrics && notes.length === 0) return undefined
  return { traces, metrics, timeoutMs: timeoutFrom(env), notes }
}

/** A signal is exported when an endpoint is set for it and its exporter is not "none". */
function signal(name: 'TRACES' | 'METRICS', env: NodeJS.ProcessEnv, notes: string[]): SignalConfig | undefined {
  if (!isSet(env[`OTEL_EXPORTER_OTLP_${name}_ENDPOINT`]) && !isSet(env.OTEL_EXPORTER_OTLP_ENDPOINT)) return undefined
  const exporter = env[`OTEL_${name}_EXPORTER`]?.trim().toLowerCase()
  if (exporter === 'none') return undefined
  const protocol = (env[`OTEL_EXPORTER_OTLP_${name}_PROTOCOL`] ?? env.OTEL_EXPORTER_OTLP_PROTOCOL ?? 'http/protobuf').trim()
  if (!(OTLP_PROTOCOLS as readonly string[]).includes(protocol)) {
    notes.push(`${name.toLowerCase()} not exported: OTLP protocol "${protocol}" is not supported (use http/protobuf or http/json)`)
    return undefined
  }
  return { protocol: protocol as OtlpProtocol }
}

/** OTEL_EXPORTER_OTLP_TIMEOUT (ms) within bounds, else the short default. */
function timeoutFrom(env: NodeJS.ProcessEnv): number {
  const raw = Number(env.OTEL_EXPORTER_OTLP_TIMEOUT)
  if (!isSet(env.OTEL_EXPORTER_OTLP_TIMEOUT) || !Number.isFinite(raw) || raw <= 0) return DEFAULT_TIMEOUT_MS
  return Math.min(Math.round(raw), MAX_TIMEOUT_MS)
}

/** An environment variable with a non-blank value. */
function isSet(value: string | undefined): boolean {
  return value !== undefined && value.trim() !== ''
}
