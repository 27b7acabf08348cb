/**
 * How the action classifies GitHub API failures (fall back, or retry and how long to wait) and
 * reads its network settings.
 */
import { describeApiError, networkSettings, retryDelayMs } from '../../src/action/github.js'

/** An error shaped like Octokit's RequestError. */
function requestError(status: number | undefined, headers: Record<string, string> = {}, message = 'boom'): unknown {
  return Object.assign(new Error(message), { status, response: status ? { headers } : undefined })
}

const settings = networkSettings({})

test.each([
  ['403 without rate limiting is a missing permission', requestError(403, {}, 'Resource not accessible by integration'), { isPermission: true, isTransient: false }],
  ['404 is a missing permission (private resources answer 404)', requestError(404), { isPermission: true, isTransient: false }],
  ['403 with x-ratelimit-remaining: 0 is a rate limit', requestError(403, { 'x-ratelimit-remaining': '0' }), { isPermission: false, isTransient: true }],
  ['403 with retry-after is a secondary rate limit', requestError(403, { 'retry-after': '3' }), { isPermission: false, isTransient: true, retryAfterSeconds: 3 }],
  ['429 is a rate limit', requestError(429), { isPermission: false, isTransient: true }],
  ['500 is transient', requestError(500), { isPermission: false, isTransient: true }],
  ['422 is neither', requestError(422), { isPermission: false, isTransient: false }],
  ['no status (a dropped connection) is transient', new Error('socket hang up'), { isPermission: false, isTransient: true }],
])('%s', (_name, error, expected) => {
  expect(describeApiError(error)).toMatchObject(expected)
})

test('backoff doubles from the base, honours Retry-After and is capped', () => {
  const transient = describeApiError(requestError(502))
  expect([0, 1, 2].map((attempt) => retryDelayMs(transient, attempt, settings))).toEqual([1000, 2000, 4000])
  expect(retryDelayMs(describeApiError(requestError(403, { 'retry-after': '5' })), 0, settings)).toBe(5000)
  expect(retryDelayMs(describeApiError(requestError(403, { 'retry-after': '3600' })), 0, settings)).toBe(settings.retryMaxMs)
})

test('network settings come from the environment, ignoring values that are not whole numbers', () => {
  expect(settings).toEqual({ timeoutMs: 30_000, retries: 3, retryBaseMs: 1_000, retryMaxMs: 30_000, artifactTimeoutMs: 120_000 })
  expect(networkSettings({ PREFLIGHT_GITHUB_TIMEOUT_MS: '500', PREFLIGHT_GITHUB_RETRIES: '0', PREFLIGHT_GITHUB_RETRY_BASE_MS: 'soon', PREFLIGHT_ARTIFACT_TIMEOUT_MS: ' 900 ' })).toEqual({
    timeoutMs: 500,
    retries: 0,
    retryBaseMs: 1_000,
    retryMaxMs: 30_000,
    artifactTimeoutMs: 900,
  })
})
