import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import * as service from './home-visit.service'
import * as desk from './home-visit.staff'

export function homeVisitRoutes (router: Router<AppState>, deps: Deps): void {
  const meta = (c: { ip: string; requestId: string }) => ({ ip: c.ip, requestId: c.requestId })
  mountContract(router, deps, contract.createHomeVisit, async ({ body }, c) => {
    await deps.limits.consume('submission', `resident:${c.actor.id}`)
    return service.request(deps, c.actor.id, body)
  })
  mountContract(router, deps, contract.listHomeVisits, async ({ query }, c) => service.listMine(deps, c.actor.id, query))
  mountContract(router, deps, contract.getHomeVisit, async ({ params }, c) => service.getMine(deps, c.actor.id, params.id))
  mountContract(router, deps, contract.cancelHomeVisit, async ({ params }, c) => service.cancelMine(deps, c.actor.id, params.id))
  mountContract(router, deps, contract.listStaffHomeVisits, async ({ query }, c) => desk.listForStaff(deps, c.actor, query))
  mountContract(router, deps, contract.listHomeVisitAssignees, async (_req, c) => desk.listAssignees(deps, c.actor))
  mountContract(router, deps, contract.scheduleHomeVisit, async ({ params, body }, c) => desk.staffAct(deps, c.actor, params.id, 'schedule', body, meta(c)))
  mountContract(router, deps, contract.declineHomeVisit, async ({ params, body }, c) => desk.staffAct(deps, c.actor, params.id, 'decline', body, meta(c)))
  mountContract(router, deps, contract.completeHomeVisit, async ({ params }, c) => desk.staffAct(deps, c.actor, params.id, 'complete', {}, meta(c)))
}
