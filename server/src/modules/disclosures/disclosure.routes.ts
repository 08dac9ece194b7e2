import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import { assertOrgInScope, inSubtree, subtreeOrgIds } from '../../platform/scope'
import * as resident from './disclosure.service'
import * as handling from './disclosure.handling'
import { listQueue, recordApplication } from './disclosure.queue'
import { disclosureAnnualTable } from './disclosure.annual'

export function disclosureRoutes (router: Router<AppState>, deps: Deps): void {
  const meta = (c: { ip: string; requestId: string }) => ({ ip: c.ip, requestId: c.requestId })

  mountContract(router, deps, contract.createDisclosure, async ({ body }, c) => {
    await deps.limits.consume('submission', `resident:${c.actor.id}`)
    return resident.applyOnline(deps, body, c.actor, meta(c))
  })
  mountContract(router, deps, contract.listMyDisclosures, async ({ query }, c) => resident.listMine(deps, c.actor, query))
  mountContract(router, deps, contract.getDisclosure, async ({ params }, c) =>
    resident.loadView(deps, { id: params.id, residentId: c.actor.id }, 'resident'))
  mountContract(router, deps, contract.answerDisclosureCorrection, async ({ params, body }, c) =>
    resident.answerCorrection(deps, c.actor, params.id, body.content, meta(c)))

  // Registered before /:id so "annual" is not taken for an id.
  mountContract(router, deps, contract.disclosureAnnualTable, async ({ query }, c) => {
    let orgIds: string[]
    if (query.orgId) {
      await assertOrgInScope(deps.db, c.actor, query.orgId)
      const org = await deps.db.org.findUniqueOrThrow({ where: { id: query.orgId }, select: { path: true } })
      orgIds = (await deps.db.org.findMany({ where: { path: { startsWith: org.path } }, select: { id: true } })).map((o) => o.id)
    } else {
      orgIds = await subtreeOrgIds(deps.db, c.actor)
    }
    return disclosureAnnualTable(deps, orgIds, query.year)
  })
  mountContract(router, deps, contract.listStaffDisclosures, async ({ query }, c) => listQueue(deps, c.actor, query))
  mountContract(router, deps, contract.recordDisclosure, async ({ body }, c) => recordApplication(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.getStaffDisclosure, async ({ params }, c) =>
    resident.loadView(deps, { id: params.id, org: inSubtree(c.actor) }, 'staff'))
  mountContract(router, deps, contract.requestDisclosureCorrection, async ({ params, body }, c) =>
    handling.requestCorrection(deps, c.actor, params.id, body.content, meta(c)))
  mountContract(router, deps, contract.extendDisclosure, async ({ params, body }, c) =>
    handling.extend(deps, c.actor, params.id, body.days, body.reason, meta(c)))
  mountContract(router, deps, contract.pauseDisclosure, async ({ params, body }, c) =>
    handling.pause(deps, c.actor, params.id, body.reason, meta(c)))
  mountContract(router, deps, contract.resumeDisclosure, async ({ params }, c) => handling.resume(deps, c.actor, params.id, meta(c)))
  mountContract(router, deps, contract.replyDisclosure, async ({ params, body }, c) => handling.reply(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.closeDisclosure, async ({ params }, c) => handling.close(deps, c.actor, params.id, meta(c)))
}
