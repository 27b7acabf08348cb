/**
 * GitHub's published REST description (@octokit/openapi, OpenAPI 3.0) as a validator for the fake
 * API: find the operation of a request by path template, validate its path and query parameters
 * and JSON body against the operation, and build and validate responses against the spec, so the
 * fake answers only what GitHub would answer and accepts only what GitHub would accept.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- request bodies and the OpenAPI document are untyped JSON */
import { Ajv, type ValidateFunction } from 'ajv'
import addFormatsModule from 'ajv-formats'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

type Json = Record<string, any>

export interface Operation {
  readonly method: string
  readonly template: string
  readonly operationId: string
  readonly params: Readonly<Record<string, string>>
  readonly spec: Json
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

/** The description, loaded once per test file (13 MB of JSON). */
let loaded: { spec: Json; ajv: Ajv; routes: { method: string; template: string; regex: RegExp; names: string[]; literals: number }[] } | undefined

/** Loads the spec, the validator and the route table. */
function load(): NonNullable<typeof loaded> {
  if (loaded) return loaded
  const require = createRequire(import.meta.url)
  const spec = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Json
  // strict: false because OpenAPI adds keywords (example, x-github...); nullable is understood by Ajv.
  allowNullInNullableEnums(spec)
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false })
  addFormats(ajv)
  ajv.addSchema(spec, 'github')
  const routes = []
  for (const [template, item] of Object.entries(spec.paths as Json)) {
    for (const method of METHODS) {
      if (!item[method]) continue
      const names: string[] = []
      const source = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
        names.push(name)
        return '([^/]+)'
      })
      routes.push({ method: method.toUpperCase(), template, regex: new RegExp(`^${source}$`), names, literals: template.split('/').filter((s) => s && !s.startsWith('{')).length })
    }
  }
  // Most literal segments first: /issues/comments/{id} before /issues/{issue_number}/...
  routes.sort((a, b) => b.literals - a.literals)
  loaded = { spec, ajv, routes }
  return loaded
}

/**
 * OpenAPI 3.0's `nullable: true` admits null even where an `enum` lists the values (GitHub sends
 * `conclusion: null` for a check run in progress); JSON Schema's enum does not, so null is added.
 */
function allowNullInNullableEnums(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) allowNullInNullableEnums(item)
    return
  }
  if (!node || typeof node !== 'object') return
  const n = node as Json
  if (n.nullable === true && Array.isArray(n.enum) && !n.enum.includes(null)) n.enum.push(null)
  for (const value of Object.values(n)) allowNullInNullableEnums(value)
}

/** Finds the operation for a method and path, or undefined when GitHub has no such endpoint. */
export function findOperation(method: string, path: string): Operation | undefined {
  const { spec, routes } = load()
  for (const route of routes) {
    if (route.method !== method) continue
    const match = route.regex.exec(path)
    if (!match) continue
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]))
    const op = spec.paths[route.template][method.toLowerCase()] as Json
    return { method, template: route.template, operationId: op.operationId as string, params, spec: op }
  }
  return undefined
}

const compiled = new Map<string, ValidateFunction>()

/** A validator for the schema at a JSON pointer inside the description. */
function validatorAt(pointer: string): ValidateFunction {
  let v = compiled.get(pointer)
  if (!v) {
    v = load().ajv.compile({ $ref: `github#${pointer}` })
    compiled.set(pointer, v)
  }
  return v
}

/** Escapes a JSON pointer segment. */
function seg(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1')
}

/** Resolves a local $ref. */
export function resolveRef(node: Json): Json {
  let out = node
  while (out && typeof out.$ref === 'string') {
    out = out.$ref
      .replace(/^#\//, '')
      .split('/')
      .reduce((acc: Json, part: string) => acc[part.replace(/~1/g, '/').replace(/~0/g, '~')], load().spec)
  }
  return out
}

/** Problems with a request: unknown query parameters, parameter types, the JSON body. */
export function validateRequest(op: Operation, query: URLSearchParams, body: unknown, hasBody: boolean): string[] {
  const problems: string[] = []
  const parameters = ((op.spec.parameters ?? []) as Json[]).map(resolveRef)
  const base = `/paths/${seg(op.template)}/${op.method.toLowerCase()}`
  for (const [name, value] of Object.entries(op.params)) {
    const p = parameters.find((x) => x.in === 'path' && x.name === name)
    if (!p) problems.push(`path parameter ${name} is not in the description`)
    else problems.push(...checkValue(p.schema, coerce(p.schema, value), `path parameter ${name}`))
  }
  for (const [name, value] of query.entries()) {
    const p = parameters.find((x) => x.in === 'query' && x.name === name)
    if (!p) {
      problems.push(`query parameter ${name} is not accepted by ${op.operationId}`)
      continue
    }
    problems.push(...checkValue(p.schema, coerce(p.schema, value), `query parameter ${name}`))
  }
  for (const p of parameters.filter((x) => x.in === 'query' && x.required)) {
    if (!query.has(p.name)) problems.push(`required query parameter ${p.name} is missing`)
  }
  const requestBody = op.spec.requestBody as Json | undefined
  if (requestBody) {
    const content = resolveRef(requestBody).content?.['application/json']
    if (!hasBody) {
      if (requestBody.required) problems.push('the request has no JSON body, and the operation requires one')
    } else if (content) {
      const v = validatorAt(`${base}/requestBody/content/application~1json/schema`)
      if (!v(body)) problems.push(...(v.errors ?? []).map((e) => `body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`))
    }
  } else if (hasBody && body !== undefined && !(typeof body === 'object' && body !== null && Object.keys(body).length === 0)) {
    problems.push(`${op.operationId} takes no request body`)
  }
  return problems
}

/** Problems with a response the fake is about to send: GitHub's response schema for that status. */
export function validateResponse(op: Operation, status: number, body: unknown): string[] {
  const response = op.spec.responses?.[String(status)]
  if (!response) return [`${op.operationId} has no ${status} response in the description`]
  const content = resolveRef(response).content?.['application/json']
  if (!content) return []
  const pointer = response.$ref
    ? `${String(response.$ref).replace(/^#/, '')}/content/application~1json/schema`
    : `/paths/${seg(op.template)}/${op.method.toLowerCase()}/responses/${status}/content/application~1json/schema`
  const v = validatorAt(pointer)
  return v(body) ? [] : (v.errors ?? []).map((e) => `response${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)
}

/** The JSON schema of an operation's response, resolved, for building samples. */
export function responseSchema(op: Operation, status: number): Json {
  const response = resolveRef(op.spec.responses[String(status)])
  return resolveRef(response.content['application/json'].schema)
}

/**
 * A minimal value valid against `schema`: required properties only, nullable values null, the
 * first enum value or alternative. Overrides are merged over it by the caller.
 */
export function sample(schema: Json, isNullAllowed = true): any {
  const s = resolveRef(schema)
  if (s.nullable && isNullAllowed) return null
  if (s.allOf) return Object.assign({}, ...(s.allOf as Json[]).map((x) => sample(x)))
  if (s.oneOf || s.anyOf) return sample((s.oneOf ?? s.anyOf)[0])
  if (s.enum) return s.enum[0]
  switch (s.type) {
    case 'object': {
      const out: Json = {}
      for (const key of (s.required ?? []) as string[]) out[key] = s.properties?.[key] ? sample(s.properties[key]) : 'x'
      return out
    }
    case 'array':
      return []
    case 'integer':
    case 'number':
      return s.minimum ?? 1
    case 'boolean':
      return false
    case 'string':
      return sampleString(s.format)
    default:
      return s.properties ? sample({ ...s, type: 'object' }) : null
  }
}

/** A string of the given format. */
function sampleString(format: string | undefined): string {
  switch (format) {
    case 'date-time':
      return '2026-01-01T00:00:00Z'
    case 'uri':
    case 'url':
      return 'https://github.com/acme/shop'
    case 'email':
      return 'octocat@github.com'
    case 'uri-template':
      return 'https://api.github.com/{x}'
    default:
      return 'x'
  }
}

/** Validates a value against a parameter schema. */
function checkValue(schema: Json, value: unknown, what: string): string[] {
  const s = resolveRef(schema)
  const v = load().ajv.compile(s)
  return v(value) ? [] : (v.errors ?? []).map((e) => `${what} ${e.message}`)
}

/** Turns a query string value into the parameter's type. */
function coerce(schema: Json, value: string): unknown {
  const type = resolveRef(schema).type
  if (type === 'integer' || type === 'number') return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
  if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value
  return value
}
