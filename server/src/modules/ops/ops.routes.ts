// Operations: GET /metrics (the daily retention job is listed in ops.module.ts).
import type Router from '@koa/router'
import type { AppState, Deps } from '../../platform/types'
import { metricsRoutes } from './metrics.routes'

export function opsRoutes (router: Router<AppState>, deps: Deps): void {
  metricsRoutes(router, deps)
}
