// 好差评 follow-up for staff (contract rectifications.ts): cases, their actions, appeals and the staff stats view.
import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import { ratingStats, statsFilter } from '../ratings/rating.stats'
import * as rect from './rectification.service'
import * as appeals from './appeal.service'

export function rectificationRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.listRectifications, async ({ query }, c) => rect.listRectifications(deps, c.actor, query))
  mountContract(router, deps, contract.getRectification, async ({ params }, c) => rect.getRectification(deps, c.actor, params.id))
  mountContract(router, deps, contract.revealRectificationContact, async ({ params }, c) =>
    rect.revealContact(deps, c.actor, params.id, { ip: c.ip, requestId: c.requestId }))
  const actions = [
    [contract.verifyRectification, 'verify'], [contract.rectifyRectification, 'rectify'], [contract.explainRectification, 'explain'],
    [contract.revisitRectification, 'revisit'], [contract.closeRectification, 'close'],
  ] as const
  for (const [route, action] of actions) {
    mountContract(router, deps, route, async ({ params, body }, c) =>
      rect.actOnRectification(deps, c.actor, params.id, action, body.note, { ip: c.ip, requestId: c.requestId }))
  }
  mountContract(router, deps, contract.appealRating, async ({ params, body }, c) =>
    appeals.appealRating(deps, c.actor, params.id, body, { ip: c.ip, requestId: c.requestId }))
  mountContract(router, deps, contract.listAppeals, async ({ query }, c) => appeals.listAppeals(deps, c.actor, query))
  mountContract(router, deps, contract.upholdAppeal, async ({ params, body }, c) =>
    appeals.decideAppeal(deps, c.actor, params.id, true, body.note, { ip: c.ip, requestId: c.requestId }))
  mountContract(router, deps, contract.dismissAppeal, async ({ params, body }, c) =>
    appeals.decideAppeal(deps, c.actor, params.id, false, body.note, { ip: c.ip, requestId: c.requestId }))
  mountContract(router, deps, contract.getStaffRatingStats, async ({ query }, c) => ratingStats(deps, await statsFilter(deps, query, c.actor)))
}
