import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import * as resident from './consultation.service'
import * as staff from './consultation.staff'

export function consultationRoutes (router: Router<AppState>, deps: Deps): void {
  // Fixed paths before /:id.
  mountContract(router, deps, contract.listPublicConsultations, async ({ query }) => resident.listPublic(deps, query))
  mountContract(router, deps, contract.getPublicConsultation, async ({ params }) => resident.getPublic(deps, params.id))
  mountContract(router, deps, contract.createConsultation, async ({ body }, c) => resident.createConsultation(deps, c.actor, body))
  mountContract(router, deps, contract.listMyConsultations, async ({ query }, c) => resident.listMine(deps, c.actor, query))
  mountContract(router, deps, contract.getConsultation, async ({ params }, c) => resident.getMine(deps, c.actor, params.id))
  mountContract(router, deps, contract.addConsultationMessage, async ({ params, body }, c) => resident.addFollowUp(deps, c.actor, params.id, body.content))
  mountContract(router, deps, contract.closeConsultation, async ({ params }, c) => resident.closeMine(deps, c.actor, params.id))

  const meta = (c: { ip: string; requestId: string }) => ({ ip: c.ip, requestId: c.requestId })
  mountContract(router, deps, contract.staffConsultationSummary, async (_req, c) => staff.inboxSummary(deps, c.actor))
  mountContract(router, deps, contract.listStaffConsultations, async ({ query }, c) => staff.inbox(deps, c.actor, query))
  mountContract(router, deps, contract.getStaffConsultation, async ({ params }, c) => staff.getForStaff(deps, c.actor, params.id))
  mountContract(router, deps, contract.listConsultationHandlers, async ({ params }, c) => staff.handlerCandidates(deps, c.actor, params.id))
  mountContract(router, deps, contract.assignConsultation, async ({ params, body }, c) => staff.assign(deps, c.actor, params.id, body.handlerId, meta(c)))
  mountContract(router, deps, contract.replyConsultation, async ({ params, body }, c) => staff.reply(deps, c.actor, params.id, body.content, meta(c)))
  mountContract(router, deps, contract.publishConsultation, async ({ params, body }, c) => staff.publish(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.unpublishConsultation, async ({ params }, c) => staff.unpublish(deps, c.actor, params.id, meta(c)))
}
