// The Koa app, built from its dependencies (tests build it on a throwaway database and any port).
import Koa from 'koa'
import Router from '@koa/router'
import { bodyParser } from '@koa/bodyparser'
import helmet from 'koa-helmet'
import type { AppState, Deps } from './platform/types'
import { errorMiddleware, requestId, requestLog } from './platform/middleware'
import { authMiddleware } from './platform/auth'
import { mountDocs } from './platform/openapi'
import { h5Static } from './platform/static'
import { modules as allModules } from './modules/index'
import { collect, type ModuleDef } from './platform/module'
import { httpMetrics } from './platform/metrics'

export function createApp (deps: Deps, modules: readonly ModuleDef[] = allModules): Koa<AppState> {
  const app = new Koa<AppState>({ proxy: deps.config.trustProxy, maxIpsCount: 1 }) // behind one proxy: the address it saw
  const router = new Router<AppState>()
  mountDocs(router)
  collect(modules).mount(router, deps)

  // Order: request id → logger → metrics → errors → security headers → body → auth → routes → H5 static.
  app.use(requestId())
  app.use(requestLog(deps.log))
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
