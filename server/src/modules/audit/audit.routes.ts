import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import { auditFacets, listAudit } from './audit.query'

export function auditRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.listAuditFacets, async (_req, c) => auditFacets(deps, c.actor))
  mountContract(router, deps, contract.listAudit, async ({ query }, c) => listAudit(deps, c.actor, query))
}
