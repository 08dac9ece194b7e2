// Operations: GET /metrics, and the daily retention job (registered on import).
import type Router from '@koa/router'
import type { Deps } from '../../deps'
import type { AppState } from '../../platform/http'
import { metricsRoutes } from './metrics.routes'
import './retention.job'

export function opsRoutes (router: Router<AppState>, deps: Deps): void {
  metricsRoutes(router, deps)
}
