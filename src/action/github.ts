/**
 * The GitHub REST client of the action: Octokit from @actions/github with a timeout on every
 * request and retries with backoff for idempotent requests (GET, PATCH, PUT, DELETE) that fail
 * transiently. POSTs are not retried here: their callers retry the whole operation after checking
 * whether the first attempt landed (see comment.ts and check-run.ts), so nothing is created twice.
 */
import { getOctokit } from '@actions/github'

export type Octokit = ReturnType<typeof getOctokit>

/** Timeouts and retry delays; the environment overrides them (tests make them short). */
export interface NetworkSettings {
  /** Per request. */
  readonly timeoutMs: number
  /** Retries after the first attempt. */
  readonly retries: number
  /** First backoff delay; doubles each retry. */
  readonly retryBaseMs: number
  /** Longest wait for one retry, including a server's Retry-After. */
  readonly retryMaxMs: number
  /** Whole artifact upload. */
  readonly artifactTimeoutMs: number
}

const DEFAULTS: NetworkSettings = { timeoutMs: 30_000, retries: 3, retryBaseMs: 1_000, retryMaxMs: 30_000, artifactTimeoutMs: 120_000 }

const SETTING_VARIABLES: Readonly<Record<keyof NetworkSettings, string>> = {
  timeoutMs: 'PREFLIGHT_GITHUB_TIMEOUT_MS',
  retries: 'PREFLIGHT_GITHUB_RETRIES',
  retryBaseMs: 'PREFLIGHT_GITHUB_RETRY_BASE_MS',
  retryMaxMs: 'PREFLIGHT_GITHUB_RETRY_MAX_MS',
  artifactTimeoutMs: 'PREFLIGHT_ARTIFACT_TIMEOUT_MS',
}

/** Reads the network settings, ignoring values that are not non-negative integers. */
export function networkSettings(env: NodeJS.ProcessEnv): NetworkSettings {
  const out: Record<string, number> = { ...DEFAULTS }
  for (const [key, variable] of Object.entries(SETTING_VARIABLES)) {
    const raw = env[variable]
    if (raw !== undefined && /^\d+$/.test(raw.trim())) out[key] = Number(raw.trim())
  }
  return out as unknown as NetworkSettings
}

/** An error from the API, with what the action needs to decide what to do. */
export interface ApiFailure {
  readonly status: number | undefined
  readonly message: string
  /** The token lacks a permission (403/404 without rate limiting): fall back, do not retry. */
  readonly isPermission: boolean
  /** Worth retrying: a 5xx, a timeout, a dropped connection or a rate limit. */
  readonly isTransient: boolean
  /** Seconds the server asked to wait (Retry-After or the rate-limit reset). */
  readonly retryAfterSeconds: number | undefined
}

/** Classifies anything Octokit throws. */
export function describeApiError(error: unknown): ApiFailure {
  const e = error as { status?: number; message?: string; response?: { headers?: Record<string, string | undefined> } }
  const status = typeof e?.status === 'number' ? e.status : undefined
  const headers = e?.response?.headers ?? {}
  const retryAfter = Number(headers['retry-after'])
  const reset = Number(headers['x-ratelimit-reset'])
  const isRateLimited = status === 429 || (status === 403 && (headers['x-ratelimit-remaining'] === '0' || Number.isFinite(retryAfter)))
  const retryAfterSeconds = Number.isFinite(retryAfter) ? retryAfter : isRateLimited && Number.isFinite(reset) ? Math.max(0, reset - Date.now() / 1000) : undefined
  const message = (e?.message ?? String(error)).split('\n')[0]!.slice(0, 300)
  return {
    status,
    message,
    isPermission: (status === 403 || status === 404) && !isRateLimited,
    isTransient: isRateLimited || status === undefined || status >= 500 || status === 408,
    retryAfterSeconds,
  }
}

/** Backoff before retry `attempt` (0-based): base * 2^attempt, or what the server asked, capped. */
export function retryDelayMs(failure: ApiFailure, attempt: number, settings: NetworkSettings): number {
  const asked = failure.retryAfterSeconds !== undefined ? failure.retryAfterSeconds * 1000 : settings.retryBaseMs * 2 ** attempt
  return Math.min(Math.max(0, Math.round(asked)), settings.retryMaxMs)
}

/** Waits `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Creates the Octokit client with per-request timeouts and retries of idempotent requests. */
export function createOctokit(token: string, apiUrl: string, userAgent: string, settings: NetworkSettings, log: (message: string) => void): Octokit {
  const octokit = getOctokit(token, { baseUrl: apiUrl.replace(/\/$/, ''), userAgent })
  octokit.hook.wrap('request', async (request, options) => {
    const isIdempotent = options.method !== 'POST'
    for (let attempt = 0; ; attempt++) {
      try {
        return await request({ ...options, request: { ...options.request, signal: AbortSignal.timeout(settings.timeoutMs) } })
      } catch (error) {
        const failure = describeApiError(error)
        if (!isIdempotent || !failure.isTransient || attempt >= settings.retries) throw error
        const delay = retryDelayMs(failure, attempt, settings)
        log(`GitHub API ${options.method} ${options.url} failed (${failure.status ?? 'no response'}: ${failure.message}); retry ${attempt + 1} of ${settings.retries} in ${delay} ms.`)
        await sleep(delay)
      }
    }
  })
  return octokit
}

/**
 * Runs a non-idempotent operation with retries: `operation` must first look for the effect of an
 * earlier attempt (a comment with the marker, a check run with the external id) and reuse it.
 */
export async function retryOperation<T>(label: string, settings: NetworkSettings, log: (message: string) => void, operation: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation()
    } catch (error) {
      const failure = describeApiError(error)
      // Idempotent requests were already retried by the client's hook; only a failed POST is retried here.
      const method = (error as { request?: { method?: string } })?.request?.method
      if (!failure.isTransient || attempt >= settings.retries || (method !== undefined && method !== 'POST')) throw error
      const delay = retryDelayMs(failure, attempt, settings)
      log(`${label} failed (${failure.status ?? 'no response'}: ${failure.message}); retry ${attempt + 1} of ${settings.retries} in ${delay} ms.`)
      await sleep(delay)
    }
  }
}
