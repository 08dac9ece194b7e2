// The Koa app, built from its dependencies (tests build it on a throwaway database and any port).
import crypto from 'node:crypto'
import Koa from 'koa'
import Router from '@koa/router'
import { bodyParser } from '@koa/bodyparser'
import helmet from 'koa-helmet'
import type { Deps } from './deps'
import type { AppState } from './platform/http'
import { errorMiddleware } from './platform/errors'
import { authMiddleware } from './platform/auth'
import { mountDocs } from './platform/openapi'
import { h5Static } from './platform/static'
import { registerModules } from './modules/index'
import { httpMetrics } from './platform/metrics'

export function createApp (deps: Deps): Koa<AppState> {
  const app = new Koa<AppState>({ proxy: deps.config.trustProxy, maxIpsCount: 1 }) // behind one proxy: the address it saw
  const router = new Router<AppState>()
  mountDocs(router)
  registerModules(router, deps)

  // Order: request id → logger → metrics → errors → security headers → body → auth → routes → H5 static.
  app.use(async function requestId (ctx, next) {
    const incoming = ctx.get('X-Request-Id')
    ctx.state.requestId = /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID()
    ctx.set('X-Request-Id', ctx.state.requestId)
    await next()
  })
  app.use(async function requestLog (ctx, next) {
    const start = performance.now()
    ctx.state.log = deps.log.child({ reqId: ctx.state.requestId })
    try {
      await next()
    } finally {
      if (ctx.path !== '/healthz') ctx.state.log.info({ method: ctx.method, path: ctx.path, status: ctx.status, ms: Math.round(performance.now() - start) }, 'request')
    }
  })
  app.use(httpMetrics())
  app.use(errorMiddleware())
  app.use(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], imgSrc: ["'self'", 'data:', 'blob:'], styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        // blob: lets Taro's H5 uploadFile read the picked image (an object URL) before sending it.
        connectSrc: ["'self'", 'blob:'], objectSrc: ["'none'"], frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  }))
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '256kb', encoding: 'utf-8' }))
  app.use(authMiddleware(deps))
  app.use(router.routes())
  app.use(router.allowedMethods())
  app.use(h5Static(deps.config.h5Dir))
  return app
}
