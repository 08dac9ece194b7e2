// OpenAPI 3.1 from the contract with zod's own toJSONSchema; /docs serves swagger-ui-dist locally.
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import type Router from '@koa/router'
import { z } from 'zod'
import { contract, errorEnvelope, successStatus, type RouteDef } from '@bianmin/shared'
import type { AppState } from './types'

const toSchema = (s: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline' })

export function buildOpenApi (): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {}
  const errorSchema = toSchema(errorEnvelope, 'output')
  for (const [name, r] of Object.entries(contract) as [string, RouteDef][]) {
    const oaPath = r.path.replace(/:([A-Za-z_]\w*)/g, '{$1}')
    const parameters: unknown[] = []
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue
      const js = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] }
      for (const [pname, pschema] of Object.entries(js.properties ?? {})) {
        parameters.push({ name: pname, in: where, required: where === 'path' || (js.required ?? []).includes(pname), schema: pschema })
      }
    }
    for (const [h, desc] of Object.entries(r.headers ?? {})) parameters.push({ name: h, in: 'header', required: false, description: desc, schema: { type: 'string' } })
    const status = String(successStatus(r))
    const responseSchema = Object.values(r.responses)[0] as z.ZodType | undefined
    const op: Record<string, unknown> = {
      operationId: name,
      summary: r.summary,
      tags: r.tags ?? [],
      parameters,
      responses: {
        [status]: {
          description: '成功',
          content: r.produces
            ? { [r.produces]: { schema: { type: 'string' } }, 'application/json': { schema: responseSchema ? toSchema(responseSchema, 'output') : {} } }
            : { 'application/json': { schema: responseSchema ? toSchema(responseSchema, 'output') : {} } },
        },
        default: { description: '错误（统一错误格式）', content: { 'application/json': { schema: errorSchema } } },
      },
      'x-access': r.access,
      ...(r.roles ? { 'x-roles': r.roles } : {}),
      ...(r.requiresConsent ? { 'x-requires-consent': true } : {}),
    }
    if (r.access !== 'public') op.security = [{ bearer: [] }]
    if (r.body) op.requestBody = { required: true, content: { 'application/json': { schema: toSchema(r.body, 'input') } } }
    if (r.consumes) op.requestBody = { required: true, content: { [r.consumes]: { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } } } }
    ;(paths[oaPath] ??= {})[r.method.toLowerCase()] = op
  }
  return {
    openapi: '3.1.0',
    info: { title: '便民 BFF 接口', version: '1.0.0', description: '街道政务公开、预约办理、好差评、在线咨询与依申请公开小程序的后端接口。错误统一为 { error: { code, message, details } }。' },
    servers: [{ url: '/' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
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
