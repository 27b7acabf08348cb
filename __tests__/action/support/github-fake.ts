/**
 * A small GitHub on 127.0.0.1 for the action's end-to-end tests: the REST endpoints the action
 * calls (pull request files, issue comments, check runs), every request checked against GitHub's
 * OpenAPI description (openapi.ts), plus the artifact service @actions/artifact v6 speaks (Twirp
 * JSON CreateArtifact/FinalizeArtifact and an Azure-style blob upload URL). Faults are injected
 * per operation: a status to answer N times (500 then 200), or a permanent 403.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- request bodies and the OpenAPI document are untyped JSON */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { findOperation, resolveRef, responseSchema, sample, validateRequest, validateResponse, type Operation } from './openapi.js'

type Json = Record<string, any>

export interface RecordedRequest {
  readonly method: string
  readonly path: string
  readonly operationId: string | undefined
  readonly query: Readonly<Record<string, string>>
  readonly body: any
  readonly status: number
}

export interface FakeComment {
  id: number
  body: string
  user: string
}

export interface FakeCheckRun {
  id: number
  name: string
  head_sha: string
  external_id: string | null
  status: string
  conclusion: string | null
  output: { title: string | null; summary: string | null }
  annotations: Json[]
  /** Annotations per request, in order: proves batching. */
  batches: number[]
}

export interface FakeArtifact {
  /** Where its blob is uploaded. */
  key: string
  name: string
  createRequest: Json
  finalizeRequest: Json | undefined
  blob: Buffer
}

export interface PullRequestFile {
  readonly filename: string
  readonly status: 'added' | 'removed' | 'modified' | 'renamed' | 'copied' | 'changed' | 'unchanged'
  readonly previous_filename?: string
}

const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/'
const GITHUB_MAX_COMMENT = 65_536

/** The fake GitHub and its state, inspected by the tests. */
export class GitHubFake {
  readonly requests: RecordedRequest[] = []
  /** Everything GitHub would have rejected or the fake could not answer: must stay empty. */
  readonly errors: string[] = []
  readonly comments: FakeComment[] = []
  readonly checkRuns: FakeCheckRun[] = []
  readonly artifacts: FakeArtifact[] = []
  prFiles: PullRequestFile[] = []
  readonly #faults = new Map<string, number[]>()
  readonly #denied = new Set<string>()
  readonly #blocks = new Map<string, Buffer>()
  readonly #blobs = new Map<string, Buffer>()
  #nextId = 1000
  #server: Server | undefined
  #url = ''

  /** Starts listening on a free port of 127.0.0.1. */
  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      this.#handle(req, res).catch((error: unknown) => {
        this.errors.push(`fake crashed on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`)
        if (!res.headersSent) res.writeHead(500).end()
      })
    })
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve))
    this.#url = `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`
  }

  /** Stops the server. */
  async stop(): Promise<void> {
    this.#server?.closeAllConnections()
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve())
  }

  get url(): string {
    return this.#url
  }

  /** Answers `statuses` (in order) to the next calls of an operation, then behaves normally. */
  failNext(operationId: string, ...statuses: number[]): void {
    this.#faults.set(operationId, [...(this.#faults.get(operationId) ?? []), ...statuses])
  }

  /** Answers 403 "Resource not accessible by integration" to every call of an operation. */
  deny(operationId: string): void {
    this.#denied.add(operationId)
  }

  /** Requests of one operation. */
  calls(operationId: string): RecordedRequest[] {
    return this.requests.filter((r) => r.operationId === operationId)
  }

  /** Routes one request. */
  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.#url)
    const raw = await readBody(req)
    if (url.pathname.startsWith(TWIRP)) return this.#twirp(url.pathname.slice(TWIRP.length), raw, res)
    if (url.pathname.startsWith('/blob/')) return this.#blob(req.method ?? 'GET', url, raw, res)
    return this.#rest(req, url, raw, res)
  }

  /** A REST request: validated against the description, faults applied, then answered. */
  #rest(req: IncomingMessage, url: URL, raw: Buffer, res: ServerResponse): void {
    const method = req.method ?? 'GET'
    const op = findOperation(method, url.pathname)
    const hasBody = raw.length > 0
    let body: any
    try {
      body = hasBody ? JSON.parse(raw.toString('utf8')) : undefined
    } catch {
      this.errors.push(`${method} ${url.pathname}: the body is not JSON`)
    }
    const record = (status: number): void => {
      this.requests.push({ method, path: url.pathname, operationId: op?.operationId, query: Object.fromEntries(url.searchParams), body, status })
    }
    if (!op) {
      this.errors.push(`${method} ${url.pathname}: GitHub has no such endpoint`)
      record(404)
      return send(res, 404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
    }
    if (!String(req.headers.authorization ?? '').startsWith('token ')) this.errors.push(`${op.operationId}: no token in the Authorization header`)
    const problems = [...validateRequest(op, url.searchParams, body, hasBody), ...extraRules(op, url.searchParams, body)]
    if (problems.length > 0) {
      this.errors.push(...problems.map((p) => `${op.operationId}: ${p}`))
      record(422)
      return send(res, 422, { message: 'Validation Failed', documentation_url: 'https://docs.github.com/rest' })
    }
    const fault = this.#faults.get(op.operationId)?.shift()
    if (fault) {
      record(fault)
      return send(res, fault, { message: fault >= 500 ? 'Server Error' : 'Fault', documentation_url: 'https://docs.github.com/rest' })
    }
    if (this.#denied.has(op.operationId)) {
      record(403)
      return send(res, 403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest', status: '403' })
    }
    const answer = this.#answer(op, url, body)
    record(answer.status)
    if (answer.status < 300) {
      const problems2 = validateResponse(op, answer.status, answer.body)
      if (problems2.length > 0) this.errors.push(...problems2.map((p) => `fake answered ${op.operationId} off-spec: ${p}`))
    }
    send(res, answer.status, answer.body, answer.headers)
  }

  /** The answer of each operation the action uses. */
  #answer(op: Operation, url: URL, body: any): { status: number; body: unknown; headers?: Record<string, string> } {
    const { owner, repo } = op.params
    const html = `https://github.com/${owner}/${repo}`
    switch (op.operationId) {
      case 'pulls/list-files': {
        // GitHub lists at most 3,000 files.
        const files = this.prFiles.slice(0, 3000).map((f) => ({ ...sample(responseSchema(op, 200).items), ...f, sha: 'a'.repeat(40), additions: 1, deletions: 0, changes: 1 }))
        return this.#page(op, url, files)
      }
      case 'issues/list-comments': {
        const items = this.comments.map((c) => this.#comment(op, 200, html, c, true))
        return this.#page(op, url, items)
      }
      case 'issues/create-comment': {
        const c = { id: this.#nextId++, body: body.body as string, user: 'github-actions[bot]' }
        this.comments.push(c)
        return { status: 201, body: this.#comment(op, 201, html, c) }
      }
      case 'issues/update-comment': {
        const c = this.comments.find((x) => x.id === Number(op.params.comment_id))
        if (!c) return { status: 404, body: { message: 'Not Found' } }
        c.body = body.body
        return { status: 200, body: this.#comment(op, 200, html, c) }
      }
      case 'checks/create': {
        const run: FakeCheckRun = {
          id: this.#nextId++,
          name: body.name,
          head_sha: body.head_sha,
          external_id: body.external_id ?? null,
          status: body.conclusion ? 'completed' : (body.status ?? 'queued'),
          conclusion: body.conclusion ?? null,
          output: { title: body.output?.title ?? null, summary: body.output?.summary ?? null },
          annotations: [...(body.output?.annotations ?? [])],
          batches: body.output?.annotations ? [body.output.annotations.length] : [],
        }
        this.checkRuns.push(run)
        return { status: 201, body: this.#checkRun(op, 201, html, run) }
      }
      case 'checks/update': {
        const run = this.checkRuns.find((r) => r.id === Number(op.params.check_run_id))
        if (!run) return { status: 404, body: { message: 'Not Found' } }
        if (body.output) {
          run.output = { title: body.output.title ?? run.output.title, summary: body.output.summary ?? run.output.summary }
          if (body.output.annotations) {
            run.annotations.push(...body.output.annotations)
            run.batches.push(body.output.annotations.length)
          }
        }
        if (body.status) run.status = body.status
        if (body.conclusion) {
          run.conclusion = body.conclusion
          run.status = 'completed'
        }
        return { status: 200, body: this.#checkRun(op, 200, html, run) }
      }
      case 'checks/list-for-ref': {
        const runs = this.checkRuns.filter((r) => r.head_sha === op.params.ref && (!url.searchParams.get('check_name') || r.name === url.searchParams.get('check_name')))
        return { status: 200, body: { total_count: runs.length, check_runs: runs.map((r) => this.#checkRun(op, 200, html, r, ['check_runs', 'items'])) } }
      }
      default:
        this.errors.push(`the fake does not implement ${op.operationId}`)
        return { status: 501, body: { message: 'Not implemented by the fake' } }
    }
  }

  /** One page of a list with GitHub's Link header. */
  #page(_op: Operation, url: URL, items: unknown[]): { status: number; body: unknown; headers: Record<string, string> } {
    const perPage = Number(url.searchParams.get('per_page') ?? 30)
    const page = Number(url.searchParams.get('page') ?? 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (p: number): string => {
      const u = new URL(url)
      u.searchParams.set('page', String(p))
      return u.toString()
    }
    const links = [...(page < last ? [`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`] : []), ...(page > 1 ? [`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`] : [])]
    return { status: 200, body: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} }
  }

  /** An issue comment as the API returns it. */
  #comment(op: Operation, status: number, html: string, c: FakeComment, isItem = false): Json {
    const schema = resolveRef(isItem ? responseSchema(op, status).items : responseSchema(op, status))
    return { ...sample(schema), id: c.id, body: c.body, html_url: `${html}/pull/1#issuecomment-${c.id}`, user: { ...sample(schema.properties.user, false), login: c.user, type: 'Bot' } }
  }

  /** A check run as the API returns it. */
  #checkRun(op: Operation, status: number, html: string, r: FakeCheckRun, path: string[] = []): Json {
    let schema = responseSchema(op, status)
    if (path[0] === 'check_runs') schema = schema.properties.check_runs.items
    const base = sample(schema)
    return {
      ...base,
      id: r.id,
      name: r.name,
      head_sha: r.head_sha,
      external_id: r.external_id,
      status: r.status,
      conclusion: r.conclusion,
      html_url: `${html}/runs/${r.id}`,
      output: { ...base.output, title: r.output.title, summary: r.output.summary, annotations_count: r.annotations.length },
    }
  }

  /** The artifact service (Twirp JSON), as @actions/artifact's ArtifactServiceClientJSON calls it. */
  #twirp(method: string, raw: Buffer, res: ServerResponse): void {
    let body: Json
    try {
      body = JSON.parse(raw.toString('utf8')) as Json
    } catch {
      this.errors.push(`twirp ${method}: body is not JSON`)
      return send(res, 400, { code: 'malformed', msg: 'bad json' })
    }
    this.requests.push({ method: 'POST', path: `${TWIRP}${method}`, operationId: `twirp/${method}`, query: {}, body, status: 200 })
    if (method === 'CreateArtifact') {
      for (const key of ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name', 'version']) {
        if (body[key] === undefined) this.errors.push(`CreateArtifact without ${key}`)
      }
      const key = `${this.artifacts.length + 1}-${encodeURIComponent(body.name)}.zip`
      this.artifacts.push({ key, name: body.name, createRequest: body, finalizeRequest: undefined, blob: Buffer.alloc(0) })
      return send(res, 200, { ok: true, signed_upload_url: `${this.#url}/blob/devstoreaccount1/actions-results/${key}?sig=fake-signature&se=2099-01-01` })
    }
    if (method === 'FinalizeArtifact') {
      const artifact = this.artifacts.findLast((a) => a.name === body.name && !a.finalizeRequest)
      if (!artifact) {
        this.errors.push(`FinalizeArtifact for unknown artifact ${body.name}`)
        return send(res, 404, { code: 'not_found', msg: 'no such artifact' })
      }
      artifact.finalizeRequest = body
      artifact.blob = this.#blobs.get(artifact.key) ?? Buffer.alloc(0)
      return send(res, 200, { ok: true, artifact_id: String(this.#nextId++) })
    }
    this.errors.push(`the fake artifact service does not implement ${method}`)
    return send(res, 404, { code: 'bad_route', msg: `no ${method}` })
  }

  /** Azure Blob Storage's Put Block, Put Block List and Put Blob, enough for BlockBlobClient.uploadStream. */
  #blob(method: string, url: URL, raw: Buffer, res: ServerResponse): void {
    const name = url.pathname.split('/').pop() ?? ''
    const headers = { 'x-ms-request-id': 'fake', 'x-ms-version': '2025-01-05', 'x-ms-request-server-encrypted': 'true', etag: '"0x1"', 'last-modified': new Date().toUTCString(), date: new Date().toUTCString() }
    if (method !== 'PUT') {
      this.errors.push(`blob: unexpected ${method}`)
      res.writeHead(405, headers).end()
      return
    }
    const comp = url.searchParams.get('comp')
    if (comp === 'block') {
      this.#blocks.set(`${name}:${url.searchParams.get('blockid')}`, raw)
    } else if (comp === 'blocklist') {
      const ids = [...raw.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map((m) => m[1]!)
      this.#blobs.set(name, Buffer.concat(ids.map((id) => this.#blocks.get(`${name}:${id}`) ?? Buffer.alloc(0))))
    } else {
      this.#blobs.set(name, raw)
    }
    res.writeHead(201, { ...headers, 'content-length': '0' }).end()
  }
}

/** Documented limits the OpenAPI schemas do not encode. */
function extraRules(op: Operation, query: URLSearchParams, body: any): string[] {
  const out: string[] = []
  const perPage = query.get('per_page')
  if (perPage && Number(perPage) > 100) out.push(`per_page ${perPage} is over the maximum of 100`)
  if ((op.operationId === 'issues/create-comment' || op.operationId === 'issues/update-comment') && typeof body?.body === 'string' && body.body.length > GITHUB_MAX_COMMENT) {
    out.push(`comment body of ${body.body.length} characters is over GitHub's 65,536`)
  }
  if (op.operationId === 'checks/create' || op.operationId === 'checks/update') {
    for (const a of (body?.output?.annotations ?? []) as Json[]) {
      if (a.start_line !== a.end_line && (a.start_column !== undefined || a.end_column !== undefined)) out.push('annotation with columns spans several lines')
      if (typeof a.title === 'string' && a.title.length > 255) out.push('annotation title over 255 characters')
      if (typeof a.message === 'string' && Buffer.byteLength(a.message) > 64 * 1024) out.push('annotation message over 64 KB')
    }
    if (body?.output && body.output.annotations && (body.output.title === undefined || body.output.summary === undefined)) out.push('output with annotations needs title and summary')
  }
  return out
}

/** Reads a request body. */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Sends JSON. */
function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers })
  res.end(text)
}
