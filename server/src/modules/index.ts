// Every domain module registers its contract routes here.
import type Router from '@koa/router'
import type { Deps } from '../deps'
import type { AppState } from '../platform/http'
import { metaRoutes } from './meta/meta.routes'
import { authRoutes } from './auth/auth.routes'
import { orgRoutes } from './orgs/org.routes'
import { messageRoutes } from './messages/message.routes'
import { uploadRoutes } from './uploads/upload.routes'

export function registerModules (router: Router<AppState>, deps: Deps): void {
  metaRoutes(router, deps)
  authRoutes(router, deps)
  orgRoutes(router, deps)
  messageRoutes(router, deps)
  uploadRoutes(router, deps)
}
