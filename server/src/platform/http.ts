// mountContract: registers one contract route on the Koa router; validates params, query and body (and, outside
// production, the response), checks access and roles, and hands the parsed request to a thin handler.
import crypto from 'node:crypto'
import type Router from '@koa/router'
import type { Middleware } from 'koa'
import type { Logger } from 'pino'
import { CONSENT_REQUIRED, consentRequiredMessage, PASSWORD_CHANGE_REQUIRED, passwordChangeRequiredMessage, successStatus, type ParsedRequest, type ResponseOf, type RouteDef } from '@bianmin/shared'
import { z } from 'zod'
import { AppError, zodIssues } from './errors'
import type { Actor, AppContext, AppState, Deps, ResidentActor, StaffActor } from './types'

type ActorFor<R extends RouteDef> = R['access'] extends 'resident' ? ResidentActor
  : R['access'] extends 'staff' ? StaffActor
    : R['access'] extends 'user' ? Actor : Actor | undefined

export interface HandlerContext<R extends RouteDef> {
  deps: Deps
  actor: ActorFor<R>
  requestId: string
  ip: string
  log: Logger
  /** Request headers (lower-case names). */
  headers: Record<string, string | string[] | undefined>
  /** Set a response header (e.g. Content-Disposition). */
  setHeader: (name: string, value: string) => void
  /** Escape hatch for transports the contract cannot describe (multipart, files). */
  koa: AppContext
}

/** A handler may answer a non-JSON body (CSV, files) by returning Raw. */
export class Raw { constructor (readonly body: string | Buffer | NodeJS.ReadableStream, readonly contentType: string) {} }

export type Handler<R extends RouteDef> = (req: ParsedRequest<R>, c: HandlerContext<R>) => Promise<ResponseOf<R> | Raw>

/** NUL (PostgreSQL text cannot hold it) and unpaired UTF-16 surrogates (not Unicode; Prisma's engine refuses them). */
const badChars = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** Path of the first string (or key) inside `value` with characters no column can store, or null. */
function badTextAt (value: unknown, path: string[] = [], depth = 0): string[] | null {
  if (typeof value === 'string') return badChars.test(value) ? path : null
  if (depth > 32 || value === null || typeof value !== 'object') return null
  for (const [k, v] of Object.entries(value)) {
    if (badChars.test(k)) return [...path, k]
    const at = badTextAt(v, [...path, k], depth + 1)
    if (at) return at
  }
  return null
}

function parsePart (schema: z.ZodType | undefined, value: unknown, part: string): unknown {
  if (!schema) return part === 'body' ? undefined : {}
  const bad = badTextAt(value)
  if (bad) {
    const path = [part === 'body' ? undefined : part, ...bad].filter(Boolean).join('.')
    throw new AppError('VALIDATION_FAILED', '提交的信息有误：包含无法识别的字符', [{ path, message: '包含无法识别的字符（如空字符或残缺的表情符号）' }])
  }
  const r = schema.safeParse(value)
  if (!r.success) {
    const issues = zodIssues(r.error, part === 'body' ? undefined : part)
    throw new AppError('VALIDATION_FAILED', issues[0]?.message ? `提交的信息有误：${issues[0].message}` : undefined, issues)
  }
  return r.data
}

/** No body at all: no Transfer-Encoding, no (or a zero) Content-Length and no Content-Type. */
function isEmptyRequest (ctx: { req: { headers: Record<string, string | string[] | undefined> } }): boolean {
  const h = ctx.req.headers
  return h['transfer-encoding'] === undefined && (h['content-length'] === undefined || h['content-length'] === '0') && !h['content-type']
}

export function checkAccess (route: RouteDef, actor: Actor | undefined): void {
  if (route.access === 'public') return
  if (!actor) throw new AppError('UNAUTHENTICATED', '请先登录')
  if (route.access === 'resident' && actor.kind !== 'resident') throw new AppError('FORBIDDEN', '仅居民可以使用此功能')
  if (route.access === 'staff') {
    if (actor.kind !== 'staff') throw new AppError('FORBIDDEN', '仅工作人员可以使用此功能')
    if (route.roles?.length && !route.roles.some((r) => actor.roles.includes(r))) throw new AppError('FORBIDDEN', '您的岗位没有此项权限')
  }
  // A one-time password (new account, admin reset) must be changed before anything else.
  if (actor.kind === 'staff' && actor.mustChangePassword && !route.beforePasswordChange) {
    throw new AppError('FORBIDDEN', passwordChangeRequiredMessage, { reason: PASSWORD_CHANGE_REQUIRED })
  }
}

/** Routes that receive personal data: a resident must have accepted the current privacy notice version. */
export async function checkConsent (route: RouteDef, actor: Actor | undefined, deps: Deps): Promise<void> {
  if (!route.requiresConsent || actor?.kind !== 'resident') return
  const currentVersion = (await deps.settings.get()).privacy.version
  if (actor.consentVersion !== currentVersion) {
    throw new AppError('FORBIDDEN', consentRequiredMessage, { reason: CONSENT_REQUIRED, currentVersion, acceptedVersion: actor.consentVersion })
  }
}

export function mountContract<R extends RouteDef> (router: Router<AppState>, deps: Deps, route: R, handler: Handler<R>): void {
  const status = successStatus(route)
  const responseSchema = Object.values(route.responses)[0] as z.ZodType | undefined
  const validateResponse = !deps.config.production
  const mw: Middleware<AppState> = async function contractRoute (ctx) {
    checkAccess(route, ctx.state.actor)
    await checkConsent(route, ctx.state.actor, deps)
    const params = parsePart(route.params, ctx.params, 'params')
    const query = parsePart(route.query, ctx.query, 'query')
    let body: unknown
    if (route.body) {
      // API.md: an empty POST (no body, no Content-Type) is an empty object — fine for actions whose fields are all
      // optional; any other route then names its missing fields.
      if (isEmptyRequest(ctx)) body = parsePart(route.body, {}, 'body')
      else if (!ctx.is('application/json')) throw new AppError('VALIDATION_FAILED', '请以 JSON 格式提交（Content-Type: application/json）')
      else body = parsePart(route.body, (ctx.request as unknown as { body?: unknown }).body, 'body')
    }
    const result = await handler({ params, query, body } as ParsedRequest<R>, {
      deps,
      actor: ctx.state.actor as ActorFor<R>,
      requestId: ctx.state.requestId,
      ip: ctx.ip,
      log: ctx.state.log,
      headers: ctx.headers,
      setHeader: (n, v) => ctx.set(n, v),
      koa: ctx as AppContext,
    })
    ctx.status = status
    if (result instanceof Raw) { ctx.type = result.contentType; ctx.body = result.body; return }
    if (status === 204) return
    if (validateResponse && responseSchema) {
      const check = responseSchema.safeParse(result)
      if (!check.success) {
        ctx.state.log.error({ route: `${route.method} ${route.path}`, issues: check.error.issues.slice(0, 5) }, 'response does not match the contract')
        throw new AppError('INTERNAL')
      }
    }
    const json = JSON.stringify(result)
    if (ctx.method === 'GET') {
      // Weak validator over the exact body: clients revalidate cheaply (304) without re-downloading.
      const etag = `W/"${crypto.createHash('sha1').update(json).digest('base64url')}"`
      ctx.set('ETag', etag)
      if (!ctx.response.get('Cache-Control')) ctx.set('Cache-Control', route.access === 'public' ? 'public, no-cache' : 'private, no-cache')
      if (ctx.get('If-None-Match') === etag) { ctx.status = 304; return }
    }
    ctx.type = 'application/json; charset=utf-8'
    ctx.body = json
  }
  const method = route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'
  router[method](route.path, mw)
}
