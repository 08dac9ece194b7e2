// HTTP middleware of the app, in the order app.ts uses them: request id → request log → (metrics) → errors (renders
// every failure as the API.md envelope) …
import crypto from 'node:crypto'
import type { Middleware } from 'koa'
import type { Logger } from 'pino'
import { AppError } from './errors'
import type { AppState } from './types'

export function requestId (): Middleware<AppState> {
  return async function requestId (ctx, next) {
    const incoming = ctx.get('X-Request-Id')
    ctx.state.requestId = /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID()
    ctx.set('X-Request-Id', ctx.state.requestId)
    await next()
  }
}

export function requestLog (log: Logger): Middleware<AppState> {
  return async function requestLog (ctx, next) {
    const start = performance.now()
    ctx.state.log = log.child({ reqId: ctx.state.requestId })
    try {
      await next()
    } finally {
      if (ctx.path !== '/healthz') ctx.state.log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(performance.now() - start) }, 'request')
    }
  }
}

interface PrismaLikeError { code?: string; meta?: Record<string, unknown>; name?: string }

function fromUnknown (err: unknown): AppError {
  if (err instanceof AppError) return err
  const e = err as PrismaLikeError & { status?: number; statusCode?: number; expose?: boolean; type?: string; message?: string }
  if (e?.code === 'P2002') return new AppError('CONFLICT', '该记录已存在，请勿重复提交')
  if (e?.code === 'P2025') return new AppError('NOT_FOUND')
  const status = e?.status ?? e?.statusCode
  if (status === 413 || e?.type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', '提交的内容过大')
  if (status === 415 || e?.type === 'unsupported.media.type') return new AppError('VALIDATION_FAILED', '请以 JSON 格式提交')
  if (status === 400 || e?.type === 'entity.parse.failed') return new AppError('VALIDATION_FAILED', '请求内容不是有效的 JSON')
  if (status === 404) return new AppError('NOT_FOUND', '接口不存在')
  if (status === 405) return new AppError('NOT_FOUND', '接口不存在')
  return new AppError('INTERNAL')
}

export function errorMiddleware (): Middleware<AppState> {
  return async function errors (ctx, next) {
    try {
      await next()
      if (ctx.status === 404 && ctx.body === undefined && ctx.path.startsWith('/api/')) throw new AppError('NOT_FOUND', '接口不存在')
    } catch (err) {
      const e = fromUnknown(err)
      const log = ctx.state.log
      if (e.status >= 500) log?.error({ err }, 'request failed')
      else log?.info({ code: e.code, status: e.status }, e.message)
      ctx.status = e.status
      if (e.code === 'RATE_LIMITED' && typeof e.details === 'object' && e.details && 'retryAfterSeconds' in e.details) {
        ctx.set('Retry-After', String((e.details as { retryAfterSeconds: number }).retryAfterSeconds))
      }
      ctx.body = { error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } }
    }
  }
}
