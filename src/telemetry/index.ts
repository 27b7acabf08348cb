/**
 * Telemetry of a run: metrics (run duration, checks by status, duration per check) and a trace
 * with one span per check, exported over OTLP/HTTP when OpenTelemetry is configured through its
 * environment variables. Without them nothing is imported and no connection is made. An export
 * is bounded in time and never fails the run: its problems go to the log.
 */
import type { RunLog } from '../engine/log.js'
import type { CheckResult } from '../engine/model.js'
import type { Report } from '../engine/report.js'
import { telemetryFromEnv, type TelemetryConfig } from './config.js'

/** When each check finished (epoch ms), so spans sit where the checks ran. */
export type CheckEndTimes = ReadonlyMap<string, number>

export interface RunTelemetry {
  /** Whether anything will be exported. */
  readonly isEnabled: boolean
  /** Records when a check finished; call it from the engine's onResult. */
  observe(result: CheckResult): void
  /** Exports the run's metrics and trace; resolves within the timeout and never rejects. */
  export(report: Report, log: RunLog): Promise<void>
}

/** Telemetry for one run, configured from the environment. */
export function createTelemetry(env: NodeJS.ProcessEnv = process.env): RunTelemetry {
  const config = telemetryFromEnv(env)
  const ended = new Map<string, number>()
  return {
    isEnabled: config !== undefined,
    observe(result) {
      if (config) ended.set(result.id, Date.now())
    },
    async export(report, log) {
      if (!config) return
      await exportBounded(config, report, ended, log)
    },
  }
}

/** Loads the exporter lazily and waits for it at most the configured timeout plus a margin. */
async function exportBounded(config: TelemetryConfig, report: Report, ended: CheckEndTimes, log: RunLog): Promise<void> {
  for (const note of config.notes) log.log('warn', `telemetry: ${note}`)
  if (!config.traces && !config.metrics) return
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`gave up after ${config.timeoutMs} ms`), config.timeoutMs + 500)
    timer.unref()
  })
  const work = import('./otel.js')
    .then(({ exportRun }) => exportRun(config, report, ended))
    .catch((error: unknown) => `failed: ${(error as Error)?.message ?? String(error)}`)
  const outcome = await Promise.race([work, deadline])
  clearTimeout(timer)
  log.log(outcome === 'exported' ? 'info' : 'warn', `telemetry: ${outcome === 'exported' ? 'exported' : outcome} in ${Math.round(performance.now() - started)} ms`)
}
