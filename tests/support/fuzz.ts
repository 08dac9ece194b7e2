// Request generators for contract fuzzing: valid-looking requests derived from each route's zod schemas (via
// z.toJSONSchema), and invalid ones (wrong types, missing fields, huge strings, unicode oddities, bad numbers, bad ids,
// bad cursors, malformed JSON, wrong content types, arrays for objects). Each request is classified locally with the
// route's own schemas, the way the server parses it, so the test knows which answers must be 4xx.
import querystring from 'node:querystring'
import fc from 'fast-check'
import { z } from 'zod'
import type { RouteDef } from '@bianmin/shared'

export interface FuzzRequest {
  kind: string
  method: string
  /** Path with the query string, already encoded (may hold deliberately broken percent-encoding). */
  url: string
  headers: Record<string, string>
  body?: string | Buffer
  /** true when the server must refuse it (4xx), judged with the route's schemas. */
  invalid: boolean
}

type Js = {
  type?: string | string[]; properties?: Record<string, Js>; required?: string[]; items?: Js; enum?: unknown[]; const?: unknown
  anyOf?: Js[]; oneOf?: Js[]; allOf?: Js[]; minLength?: number; maxLength?: number; pattern?: string; format?: string
  minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number; minItems?: number; maxItems?: number
  default?: unknown
}

const toJs = (s: z.ZodType): Js => z.toJSONSchema(s, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any', reused: 'inline' }) as Js

const ID_PATTERN = '^[A-Za-z0-9_-]{1,64}$'
const chinese = [...'便民服务中心街道社区居民预约咨询投诉建议公开办理测试张伟王丽华湖里东荣']
const text = (min: number, max: number) => fc.string({ unit: fc.oneof(fc.constantFrom(...chinese), fc.constantFrom(...'abcXYZ019 ,.')), minLength: min, maxLength: max })

/** Valid-looking values for a JSON schema; `ids` are real ids from the database, used for id-shaped strings. */
export function validArb (js: Js, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  if (js.const !== undefined) return fc.constant(js.const)
  if (js.enum) return fc.constantFrom(...js.enum)
  const alts = js.anyOf ?? js.oneOf
  if (alts) return fc.oneof(...alts.map((a) => validArb(a, ids, depth)))
  if (js.allOf?.[0]) return validArb(js.allOf[0], ids, depth)
  const type = Array.isArray(js.type) ? js.type : js.type ? [js.type] : []
  if (type.length > 1) return fc.oneof(...type.map((t) => validArb({ ...js, type: t }, ids, depth)))
  switch (type[0]) {
    case 'string': {
      const min = js.minLength ?? 0
      const max = Math.min(js.maxLength ?? 40, Math.max(min, 40))
      if (js.pattern === ID_PATTERN && ids.length) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...ids) }, { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/) })
      if (js.pattern) return fc.stringMatching(new RegExp(js.pattern)).filter((s) => s.length >= min && s.length <= (js.maxLength ?? 10_000))
      if (js.format === 'date-time') return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().replace('Z', '+08:00'))
      if (js.format === 'date') return fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
      return text(min, max)
    }
    case 'integer':
    case 'number': {
      const min = js.minimum ?? (js.exclusiveMinimum !== undefined ? js.exclusiveMinimum + 1 : -1000)
      const max = js.maximum ?? (js.exclusiveMaximum !== undefined ? js.exclusiveMaximum - 1 : Math.max(min, 0) + 1000)
      return type[0] === 'integer' ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) }) : fc.double({ min, max: Math.max(min, max), noNaN: true })
    }
    case 'boolean': return fc.boolean()
    case 'null': return fc.constant(null)
    case 'array': {
      if (depth > 3) return fc.constant([])
      const item = js.items ? validArb(js.items, ids, depth + 1) : fc.string()
      return fc.array(item, { minLength: js.minItems ?? 0, maxLength: Math.min(js.maxItems ?? 4, Math.max(js.minItems ?? 0, 4)) })
    }
    case 'object': {
      if (depth > 3 || !js.properties) return fc.constant({})
      const props = Object.fromEntries(Object.entries(js.properties).map(([k, v]) => [k, validArb(v, ids, depth + 1)]))
      return fc.record(props, { requiredKeys: (js.required ?? []).filter((k) => k in props) }) as fc.Arbitrary<unknown>
    }
    default: return fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean())
  }
}

/** Strings that break naive code: NUL, lone surrogates, RTL/zero-width marks, emoji, combining marks, huge, injections. */
export const nastyStrings = [
  '', ' ', '\t\n', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u202eRTL\u202c', '\u200f\u200b\u2060', '\ufeffBOM', '👨‍👩‍👧‍👦🏳️‍🌈',
  'Z̷̢͎̓a̸͈͊l̵̡̈g̶̱̉o̴̙͐', '１３８００１３８０００', '13800138000', '110101199003074514', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>',
  "' OR '1'='1' --", '"; DROP TABLE "Resident"; --', '../../../etc/passwd', '%00', '%E0%A4%A', '${jndi:ldap://x}', '{{7*7}}', '\\', '"',
  '__proto__', 'constructor', 'null', 'undefined', 'NaN', 'Infinity', '-1', '1e309', '0x10', '2026-02-30', '2026-13-01', '9999-99-99',
  '00:00:00', '25:61', 'A'.repeat(65), 'x'.repeat(5000), '测'.repeat(3000), 'y'.repeat(120_000),
]

/** Any JSON value that is wrong for most fields. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom<unknown>(...nastyStrings) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324, [], [1, 2], [null], {}, { $gt: '' }, { __proto__: { admin: true } }, [[[[[[[]]]]]]]) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 5 }), { maxLength: 5 }) },
)

const nastyQueryValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nastyStrings.filter((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '')).length < 4000)) },
  { weight: 1, arbitrary: fc.constantFrom('0', '-1', '101', '1.5', 'NaN', '1e309', '9'.repeat(40), ' 5', 'true', 'yes') },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 5 }), { minLength: 2, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
)

/** Cursors that look plausible but are not ours: garbage, base64url JSON of the wrong shape, oversize. */
export const badCursors = [
  '!!', 'A'.repeat(600), 'eyJ0IjoiMjAyNiJ9', 'eyJ0IjoxLCJpZCI6MX0', 'eyJ0Ijoibm90LWEtZGF0ZSIsImlkIjoiYSJ9', 'bnVsbA', 'W10', 'e30',
  'eyJ0IjoiMjAyNi0xMS0yM1QwMDowMDowMFoiLCJpZCI6IiJ9', Buffer.from('{"t":"9999-99-99","id":"x"}').toString('base64url'), '___', '-', 'AAAA',
  Buffer.from('\u0000\u0001').toString('base64url'), Buffer.from(JSON.stringify({ t: 1e308, id: ['a'] })).toString('base64url'),
]

// Not '', '.' or '..': URL normalisation turns those into other routes (e.g. the list), which is not a fuzz finding.
export const badIds = [' ', 'a b', 'x'.repeat(65), 'x'.repeat(5000), '../etc', '%2F', 'a/b', 'é', '测试', '\u0000', '😀',
  '%E0%A4%A', '%ED%A0%80', '1; DROP TABLE x', '-1', '0', 'null', 'undefined', '__proto__', 'constructor', "'", '"', '<x>']

/** Percent-encodes a path segment; lone surrogates become invalid UTF-8 bytes (%ED%A0%80) instead of throwing. */
export function encodeSegment (s: string): string {
  if (/^%[0-9A-Fa-f]{2}/.test(s) || /^%E0%A4%A$/.test(s)) return s // deliberately raw percent sequences
  let out = ''
  for (const ch of s) {
    const cp = ch.codePointAt(0)!
    if (cp >= 0xd800 && cp <= 0xdfff) out += `%${(0xe0 | (cp >> 12)).toString(16)}%${(0x80 | ((cp >> 6) & 0x3f)).toString(16)}%${(0x80 | (cp & 0x3f)).toString(16)}`.toUpperCase()
    else out += encodeURIComponent(ch)
  }
  return out
}

function encodeQuery (q: Record<string, unknown>): string {
  const parts: string[] = []
  for (const [k, v] of Object.entries(q)) {
    if (v === undefined) continue
    for (const item of Array.isArray(v) ? v : [v]) parts.push(`${encodeSegment(k)}=${encodeSegment(typeof item === 'string' ? item : JSON.stringify(item) ?? '')}`)
  }
  return parts.length ? `?${parts.join('&')}` : ''
}

const safeDecode = (s: string): string | null => { try { return decodeURIComponent(s) } catch { return null } }

/** How the server will see it: params decoded by the router, query by Node's querystring, body by JSON.parse. */
function judge (route: RouteDef, params: Record<string, string>, qs: string, body: string | undefined, contentType: string | undefined): boolean {
  const decoded: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) {
    const d = safeDecode(v)
    if (d === null || d === '' || d.includes('/')) return true
    decoded[k] = d
  }
  if (route.params && !route.params.safeParse(decoded).success) return true
  if (route.query && !route.query.safeParse({ ...querystring.parse(qs.replace(/^\?/, '')) }).success) return true
  if (body !== undefined && contentType?.startsWith('application/json')) {
    try { JSON.parse(body) } catch { return true }
  }
  if (route.body) {
    if (!contentType?.startsWith('application/json') || body === undefined) return true
    let parsed: unknown
    try { parsed = body.trim() === '' ? undefined : JSON.parse(body) } catch { return true }
    if (!route.body.safeParse(parsed).success) return true
  }
  return false
}

/** Renders the path with the given (already encoded) params. */
const fillPath = (path: string, params: Record<string, string>) => path.replace(/:([A-Za-z_]\w*)/g, (_m, n: string) => params[n] ?? 'x')

function schemaOf (s: z.ZodType | undefined): Js | null {
  if (!s) return null
  try { return toJs(s) } catch { return null }
}

/** A generator of requests for one route: valid-looking ones and many kinds of broken ones. */
export function requestArb (route: RouteDef, ids: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const paramsJs = schemaOf(route.params)
  const queryJs = schemaOf(route.query)
  const bodyJs = schemaOf(route.body)
  const paramNames = [...route.path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]!)
  const validParams = paramsJs ? validArb(paramsJs, ids) as fc.Arbitrary<Record<string, unknown>> : fc.constant({})
  const validQuery = queryJs ? validArb(queryJs, ids) as fc.Arbitrary<Record<string, unknown>> : fc.constant({})
  const validBody = bodyJs ? validArb(bodyJs, ids) : fc.constant(undefined)
  const queryKeys = Object.keys(queryJs?.properties ?? {})
  const bodyKeys = Object.keys(bodyJs?.properties ?? {})
  const hasBody = route.method !== 'GET' && route.method !== 'DELETE'

  type Parts = { params: Record<string, string>; query: Record<string, unknown>; body: unknown; raw?: string; contentType?: string; headers?: Record<string, string>; kind: string }
  const base = fc.record({ params: validParams, query: validQuery, body: validBody }).map((p) => ({
    params: Object.fromEntries(paramNames.map((n) => [n, encodeSegment(String((p.params as Record<string, unknown>)[n] ?? 'x'))])),
    query: Object.fromEntries(Object.entries(p.query).map(([k, v]) => [k, typeof v === 'string' ? v : Array.isArray(v) ? v.map(String) : String(v)])),
    body: p.body,
  }))

  const mutations: fc.Arbitrary<Parts>[] = [base.map((p) => ({ ...p, kind: 'valid-looking' }))]
  if (paramNames.length) {
    mutations.push(fc.tuple(base, fc.constantFrom(...paramNames), fc.oneof(fc.constantFrom(...badIds), fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }).filter((v) => !/^\.{1,2}$/.test(v))))
      .map(([p, n, v]) => ({ ...p, params: { ...p.params, [n]: encodeSegment(v) }, kind: 'bad id' })))
  }
  if (queryKeys.length) {
    mutations.push(fc.tuple(base, fc.constantFrom(...queryKeys), nastyQueryValue).map(([p, k, v]) => ({ ...p, query: { ...p.query, [k]: v }, kind: `bad query ${k}` })))
  }
  if (queryKeys.includes('cursor')) mutations.push(fc.tuple(base, fc.constantFrom(...badCursors)).map(([p, c]) => ({ ...p, query: { ...p.query, cursor: c }, kind: 'bad cursor' })))
  if (queryKeys.includes('limit')) mutations.push(fc.tuple(base, fc.constantFrom('0', '-5', '101', '1e3', '2.5', 'NaN', 'Infinity', '', ' ', '0x10', '99999999999999999999')).map(([p, l]) => ({ ...p, query: { ...p.query, limit: l }, kind: 'bad limit' })))
  if (route.body && hasBody) {
    if (bodyKeys.length) {
      mutations.push(fc.tuple(base, fc.constantFrom(...bodyKeys, '__proto__', 'extra'), nastyValue).map(([p, k, v]) => ({ ...p, body: { ...(p.body as object), [k]: v }, kind: `bad field ${k}` })))
      const required = bodyJs?.required ?? []
      if (required.length) mutations.push(fc.tuple(base, fc.constantFrom(...required)).map(([p, k]) => { const b = { ...(p.body as Record<string, unknown>) }; delete b[k]; return { ...p, body: b, kind: `missing ${k}` } }))
      if (bodyKeys.length >= 2) mutations.push(fc.tuple(base, fc.subarray(bodyKeys, { minLength: 2 }), nastyValue).map(([p, ks, v]) => ({ ...p, body: { ...(p.body as object), ...Object.fromEntries(ks.map((k) => [k, v])) }, kind: 'many bad fields' })))
    }
    mutations.push(fc.tuple(base, nastyValue).map(([p, v]) => ({ ...p, body: v, kind: 'body not an object' })))
    mutations.push(base.map((p) => ({ ...p, body: [p.body], kind: 'array for object' })))
    mutations.push(fc.tuple(base, fc.constantFrom('{', '{"a":', '{"a":1,}', "{'a':1}", 'NaN', '{"limit":NaN}', '[1,2', 'nul', '\u0000', '"\\ud800"x', '{"a":"\\x41"}', `${'['.repeat(3000)}${']'.repeat(2999)}`))
      .map(([p, raw]) => ({ ...p, raw, kind: 'malformed JSON' })))
    mutations.push(fc.tuple(base, fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json-patch+json', 'image/png'))
      .map(([p, ct]) => ({ ...p, contentType: ct, kind: `content-type ${ct}` })))
    mutations.push(base.map((p) => ({ ...p, raw: JSON.stringify(p.body).slice(0, -1), kind: 'truncated JSON' })))
  }
  if (hasBody && !route.body) {
    mutations.push(fc.tuple(base, fc.constantFrom('{', '{"a":', 'nul', '\u0000', '[1,')).map(([p, raw]) => ({ ...p, raw, kind: 'malformed JSON' })))
  }
  // Bad credentials on every route: malformed header, garbage token, tampered signature, unknown algorithm.
  mutations.push(fc.tuple(base, fc.constantFrom('Bearer', 'Bearer ', 'Bearer a.b.c', 'Basic YTpi', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4IiwianRpIjoieCIsImlzcyI6ImJpYW5taW4ifQ.AAAA', `Bearer ${'x'.repeat(4000)}`, 'bearer  x y'))
    .map(([p, auth]) => ({ ...p, headers: { authorization: auth }, kind: 'bad credentials' })))
  if (route.headers) {
    const names = Object.keys(route.headers)
    mutations.push(fc.tuple(base, fc.constantFrom(...names), fc.constantFrom('', ' ', 'x'.repeat(2000), '\t', '"quoted"', 'a,b', '../')).map(([p, h, v]) => ({ ...p, headers: { [h.toLowerCase()]: v }, kind: `bad header ${h}` })))
  }

  return fc.oneof(...mutations).map((p): FuzzRequest => {
    const qs = encodeQuery(p.query)
    const contentType = p.contentType ?? (hasBody && (p.raw !== undefined || p.body !== undefined) ? 'application/json' : undefined)
    const body = hasBody ? (p.raw ?? (p.body === undefined ? undefined : JSON.stringify(p.body))) : undefined
    // A route that reads its own Authorization header (GET /metrics) is not judged by session tokens.
    const badAuth = p.kind === 'bad credentials' && !route.headers?.authorization
    const invalid = badAuth || (p.kind.startsWith('bad header') ? false : judge(route, p.params, qs, body, contentType))
    return {
      kind: p.kind,
      method: route.method,
      url: fillPath(route.path, p.params) + qs,
      headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(p.headers ?? {}) },
      ...(body !== undefined ? { body } : {}),
      invalid,
    }
  })
}

/** Multipart bodies for the upload route: broken framing, wrong fields, wrong content, plus a few valid images. */
export function multipartArb (validImage: Buffer): fc.Arbitrary<FuzzRequest> {
  const b = 'fuzzBoundary7MA4YWxk'
  const part = (name: string, filename: string | null, type: string, content: Buffer | string) => Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${name}"${filename === null ? '' : `; filename="${filename}"`}\r\nContent-Type: ${type}\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from('\r\n'),
  ])
  const end = Buffer.from(`--${b}--\r\n`)
  const mp = { 'content-type': `multipart/form-data; boundary=${b}` }
  const req = (kind: string, headers: Record<string, string>, body: Buffer | string | undefined, invalid: boolean): FuzzRequest =>
    ({ kind, method: 'POST', url: '/api/v1/uploads', headers, ...(body !== undefined ? { body } : {}), invalid })
  const filename = fc.oneof(fc.constantFrom('a.png', '../../etc/passwd', 'x'.repeat(1000), '测试.png', '\u202egnp.exe', 'a\r\nX-Evil: 1', ''), fc.string({ maxLength: 20 }))
  const junk = fc.oneof(fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a)), fc.constantFrom(Buffer.from('<html><script>alert(1)</script></html>'), Buffer.alloc(0), Buffer.from('MZ\x90\x00')))
  return fc.oneof(
    filename.map((f) => req('valid image', mp, Buffer.concat([part('file', f || 'a.png', 'image/png', validImage), end]), false)),
    fc.tuple(junk, filename).map(([j, f]) => req('not an allowed file', mp, Buffer.concat([part('file', f, 'image/png', j), end]), true)),
    fc.constantFrom('image', 'files', 'file[]', '', 'FILE').map((n) => req(`wrong field ${n}`, mp, Buffer.concat([part(n, 'a.png', 'image/png', validImage), end]), true)),
    fc.constant(req('only a text field', mp, Buffer.concat([part('file', null, 'text/plain', 'hello'), end]), true)),
    fc.constant(req('two files', mp, Buffer.concat([part('file', 'a.png', 'image/png', validImage), part('file', 'b.png', 'image/png', validImage), end]), true)),
    fc.constant(req('no closing boundary', mp, part('file', 'a.png', 'image/png', validImage), true)),
    fc.constant(req('empty multipart', mp, end, true)),
    fc.constant(req('empty body', mp, '', true)),
    fc.constantFrom('multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary=other', 'multipart/mixed; boundary=x').map((ct) =>
      req(`bad boundary ${ct}`, { 'content-type': ct }, Buffer.concat([part('file', 'a.png', 'image/png', validImage), end]), true)),
    fc.constantFrom('application/json', 'text/plain', 'image/png', 'application/octet-stream').map((ct) => req(`not multipart ${ct}`, { 'content-type': ct }, ct === 'image/png' ? validImage : '{"file":"x"}', true)),
    fc.constant(req('no content type', {}, validImage, true)),
    fc.uint8Array({ maxLength: 300 }).map((a) => req('random bytes', mp, Buffer.from(a), true)),
  )
}
