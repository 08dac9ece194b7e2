// OpenAPI 3.1 from the contract with zod's own toJSONSchema; /docs serves swagger-ui-dist locally.
// Recursive schemas (zod puts them in a nested `$defs`) are hoisted to components/schemas; each operation declares
// its security (public: none) and its 4xx answers by status with the error envelope.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import type Router from '@koa/router'
import { z } from 'zod'
import { contract, errorCatalogue, errorEnvelope, successStatus, type RouteDef } from '@bianmin/shared'
import type { AppState } from './types'

type Json = Record<string, unknown>
const toSchema = (s: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline' }) as Json

/** Moves every nested `$defs` into `components` (deduplicated by content) and points its `$ref`s there. */
function hoister (components: Record<string, Json>) {
  const byContent = new Map<string, string>()
  return function hoist (schema: Json, owner: string): Json {
    const { $schema: _s, $defs = {}, ...rest } = schema as Json & { $defs?: Record<string, Json> }
    const names: Record<string, string> = {}
    for (const key of Object.keys($defs)) {
      const base = key.startsWith('__schema') ? `${owner[0]!.toUpperCase()}${owner.slice(1)}Node` : key
      let name = base
      for (let i = 2; components[name] && byContent.get(JSON.stringify($defs[key])) !== name; i++) name = `${base}${i}`
      names[key] = name
    }
    const rewrite = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(rewrite)
      if (!v || typeof v !== 'object') return v
      const o = v as Json
      // A record keyed by an enum: name its required keys as properties (linters expect required ⊆ properties).
      if (Array.isArray(o.required) && !o.properties && o.additionalProperties && typeof o.additionalProperties === 'object') {
        return rewrite({ ...o, properties: Object.fromEntries((o.required as string[]).map((k) => [k, o.additionalProperties])) })
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === '$ref' && typeof x === 'string' && x.startsWith('#/$defs/')
        ? `#/components/schemas/${names[x.slice(8)]}` : rewrite(x)]))
    }
    for (const [key, def] of Object.entries($defs)) {
      const content = JSON.stringify(def)
      components[names[key]!] = rewrite(def) as Json
      byContent.set(content, names[key]!)
    }
    return rewrite(rest) as Json
  }
}

/** The 4xx answers a route can give, from what it declares (401/403 from access, 404 from :params …). */
function errorStatuses (r: RouteDef): number[] {
  const s = new Set<number>([400]) // bad input, and malformed requests Node's parser refuses
  if (r.access !== 'public') s.add(401)
  if (r.access === 'resident' || r.access === 'staff' || r.requiresConsent) s.add(403)
  if (r.params) s.add(404)
  if (r.method !== 'GET') { s.add(409); s.add(422); s.add(429) }
  if (r.body || r.consumes) s.add(413)
  s.add(431)
  return [...s].sort()
}

const errorResponses: Record<number, [string, string]> = {
  400: ['BadRequest', '输入有误（VALIDATION_FAILED），details 列出各字段的问题'],
  401: ['Unauthenticated', '未登录或登录已失效（UNAUTHENTICATED）'],
  403: ['Forbidden', '无权限（FORBIDDEN）、须先同意隐私政策（details.reason = PRIVACY_CONSENT_REQUIRED）或预约资格暂停（SUSPENDED）'],
  404: ['NotFound', '不存在，或不属于调用者（NOT_FOUND）'],
  409: ['Conflict', '冲突（CONFLICT、SLOT_FULL、DUPLICATE）'],
  413: ['PayloadTooLarge', '提交的内容过大（PAYLOAD_TOO_LARGE）'],
  422: ['Unprocessable', '当前状态或时间不允许（INVALID_STATE、OUT_OF_WINDOW）'],
  429: ['RateLimited', '操作太频繁（RATE_LIMITED），Retry-After 给出等待秒数'],
  431: ['HeadersTooLarge', '请求地址或请求头过长（PAYLOAD_TOO_LARGE）'],
}

export function buildOpenApi (): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  const schemas: Record<string, Json> = {}
  const hoist = hoister(schemas)
  schemas.Error = hoist(toSchema(errorEnvelope, 'output'), 'error')
  const responses = Object.fromEntries(Object.values(errorResponses).map(([name, description]) =>
    [name, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }]))
  const tags = new Set<string>()
  for (const [name, r] of Object.entries(contract) as [string, RouteDef][]) {
    const oaPath = r.path.replace(/:([A-Za-z_]\w*)/g, '{$1}')
    const parameters: unknown[] = []
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue
      const js = hoist(toSchema(schema, 'input'), name) as { properties?: Record<string, unknown>; required?: string[] }
      for (const [pname, pschema] of Object.entries(js.properties ?? {})) {
        parameters.push({ name: pname, in: where, required: where === 'path' || (js.required ?? []).includes(pname), schema: pschema })
      }
    }
    for (const [h, desc] of Object.entries(r.headers ?? {})) parameters.push({ name: h, in: 'header', required: false, description: desc, schema: { type: 'string' } })
    const responseSchema = Object.values(r.responses)[0] as z.ZodType | undefined
    const json = { 'application/json': { schema: responseSchema ? hoist(toSchema(responseSchema, 'output'), name) : {} } }
    const status = successStatus(r)
    for (const t of r.tags ?? []) tags.add(t)
    const op: Record<string, unknown> = {
      operationId: name,
      summary: r.summary,
      tags: r.tags ?? [],
      parameters,
      security: r.access === 'public' ? [] : [{ bearer: [] }],
      responses: {
        [String(status)]: status === 204 ? { description: '成功' } : { description: '成功', content: r.produces ? { [r.produces]: { schema: { type: 'string' } }, ...json } : json },
        ...Object.fromEntries(errorStatuses(r).map((s) => [String(s), { $ref: `#/components/responses/${errorResponses[s]![0]}` }])),
        default: { description: '其他错误（统一错误格式）', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
      'x-access': r.access,
      ...(r.roles ? { 'x-roles': r.roles } : {}),
      ...(r.requiresConsent ? { 'x-requires-consent': true } : {}),
    }
    // API.md: an action whose fields are all optional accepts an empty POST.
    if (r.body) op.requestBody = { required: !r.body.safeParse({}).success, content: { 'application/json': { schema: hoist(toSchema(r.body, 'input'), name) } } }
    if (r.consumes) op.requestBody = { required: true, content: { [r.consumes]: { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } }
    ;(paths[oaPath] ??= {})[r.method.toLowerCase()] = op
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '便民 BFF 接口',
      version: '1.0.0',
      description: `街道政务公开、预约办理、好差评、在线咨询与依申请公开小程序的后端接口。错误统一为 { error: { code, message, details } }，code 取值：${Object.keys(errorCatalogue).join('、')}。`,
      contact: { name: '街道便民服务中心信息化组（接口文档：/docs）' },
      license: { name: '专有软件，仅供本街道办事处及所属便民服务中心使用', identifier: 'LicenseRef-Bianmin-Proprietary' },
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    tags: [...tags].map((name) => ({ name, description: `${name}相关接口` })),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: '登录接口返回的 token' } }, schemas, responses },
    paths,
  }
}
const swaggerDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
const docsHtml = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>便民 BFF 接口文档</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head><body><div id="ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script><script src="/docs/assets/init.js"></script></body></html>`
const initJs = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#ui', deepLinking: true });`
const assetTypes: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.png': 'image/png' }

export function mountDocs (router: Router<AppState>): void {
  let doc: string | null = null
  router.get('/api/openapi.json', (ctx) => { ctx.type = 'application/json; charset=utf-8'; ctx.body = (doc ??= JSON.stringify(buildOpenApi())) })
  router.get('/docs', (ctx) => {
    // swagger-ui needs inline-free scripts only; allow its own stylesheet and images.
    ctx.type = 'text/html; charset=utf-8'; ctx.body = docsHtml
  })
  router.get('/docs/assets/:file', (ctx) => {
    const file = String(ctx.params.file)
    if (file === 'init.js') { ctx.type = assetTypes['.js']!; ctx.body = initJs; return }
    if (!/^[\w.-]+$/.test(file) || !['swagger-ui.css', 'swagger-ui-bundle.js', 'favicon-32x32.png'].includes(file)) { ctx.status = 404; return }
    ctx.type = assetTypes[path.extname(file)] ?? 'application/octet-stream'
    ctx.set('Cache-Control', 'public, max-age=86400')
    ctx.body = fs.createReadStream(path.join(swaggerDir, file))
  })
}
