/**
 * Keeps secrets out of every log line, report, comment and annotation.
 * Known secrets (passwords, whole URLs) are replaced wherever they appear, and any
 * `scheme://user:password@` credential is masked even when it was never registered.
 */

const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)([^:@/\s]*):([^@\s]*)@/gi
const KEY_VALUE_PASSWORD = /\b(password|passwd|pwd|sslpassword)\s*=\s*('[^']*'|"[^"]*"|[^\s&;]+)/gi
const MASK = '***'

/** A set of secret strings and a function that removes them from text. */
export class Redactor {
  readonly #secrets = new Set<string>()
  /** The secrets longest first, as redact() applies them; rebuilt after add(). */
  #ordered: readonly string[] = []

  /** Registers a secret; short strings are ignored so that "a" does not mask every "a". */
  add(secret: string | undefined | null): void {
    if (!secret || secret.length < 3) return
    this.#secrets.add(secret)
    const encoded = encodeURIComponent(secret)
    if (encoded !== secret) this.#secrets.add(encoded)
    this.#ordered = [...this.#secrets].sort((a, b) => b.length - a.length)
  }

  /** Registers a connection URL and the password inside it. */
  addUrl(url: string | undefined): void {
    if (!url) return
    this.add(url)
    try {
      const parsed = new URL(url)
      if (parsed.password) this.add(decodeURIComponent(parsed.password))
      if (parsed.password) this.add(parsed.password)
    } catch {
      // Not a URL: the whole string is already registered.
    }
  }

  /** Returns the text with every known secret and URL credential masked. */
  redact(text: string): string {
    let out = text
    // Longest first, so a URL is masked whole before its password is.
    for (const secret of this.#ordered) {
      if (out.includes(secret)) out = out.split(secret).join(MASK)
    }
    // Both patterns need an "@" or an "=": most report strings (paths, kinds, tables) have neither.
    if (!out.includes('@') && !out.includes('=')) return out
    return out.replace(URL_CREDENTIALS, `$1$2:${MASK}@`).replace(KEY_VALUE_PASSWORD, `$1=${MASK}`)
  }

  /** Redacts every string inside a JSON-like value. */
  redactDeep<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T
    if (Array.isArray(value)) {
      // Copy only what changes: a large report (4,000 files) is mostly left as it is.
      let out: unknown[] | undefined
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i]
        const r = this.redactDeep(v)
        if (r !== v) (out ??= [...value])[i] = r
      }
      return (out ?? value) as T
    }
    if (value && typeof value === 'object') {
      const proto = Object.getPrototypeOf(value) as unknown
      // Other objects (Date, Map...) become plain objects of their own entries, as they always did.
      let out: Record<string, unknown> | undefined = proto === Object.prototype || proto === null ? undefined : {}
      // Object.keys, not Object.entries: a report holds some 100,000 objects, and the pairs were garbage.
      for (const k of Object.keys(value)) {
        const v = (value as Record<string, unknown>)[k]
        const r = this.redactDeep(v)
        if (out) out[k] = r
        else if (r !== v) {
          out = { ...(value as Record<string, unknown>) }
          out[k] = r
        }
      }
      return (out ?? value) as T
    }
    return value
  }
}

/** Describes a connection URL for humans: scheme, user, host:port and database, never the password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url)
    const user = u.username ? `${decodeURIComponent(u.username)}@` : ''
    const db = u.pathname.replace(/^\//, '')
    return `${u.protocol}//${user}${u.hostname}${u.port ? `:${u.port}` : ''}${db ? `/${db}` : ''}`
  } catch {
    return '<unparseable URL>'
  }
}
