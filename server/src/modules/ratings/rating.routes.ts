// 好差评 routes (resident, public and staff): thin handlers over the services.
import type Router from '@koa/router'
import { contract, ratingDimensionKeys, ratingDimensionLabels, ratingLevelLabels, ratingTags, BAD_REASON_MIN, isBadLevel } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import * as ratings from './rating.service'
import * as rect from './rectification.service'
import * as appeals from './appeal.service'
import { ratingBreakdown, ratingStats, statsFilter } from './rating.stats'

export function ratingRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.getRatingTags, async () => {
    const { windowDays, rectificationWorkdays } = (await deps.settings.get()).rating
    return {
      levels: [5, 4, 3, 2, 1].map((level) => ({ level, label: ratingLevelLabels[level]!, bad: isBadLevel(level) })),
      dimensions: ratingDimensionKeys.map((key) => ({ key, label: ratingDimensionLabels[key] })),
      good: [...ratingTags.good], bad: [...ratingTags.bad], badReasonMin: BAD_REASON_MIN, windowDays, rectificationWorkdays,
    }
  })
  mountContract(router, deps, contract.createRating, async ({ body }, c) => ratings.createRating(deps, c.actor, body))
  mountContract(router, deps, contract.listMyRatings, async ({ query }, c) => ratings.listMyRatings(deps, c.actor, query))
  mountContract(router, deps, contract.listPendingRatings, async (_req, c) => ratings.pendingRatings(deps, c.actor))
  mountContract(router, deps, contract.getRatingSubject, async ({ params }, c) => ratings.ratingSubjectStatus(deps, c.actor, params.subjectType, params.subjectId))
  mountContract(router, deps, contract.getRatingStats, async ({ query }) => ratingStats(deps, await statsFilter(deps, query)))
  mountContract(router, deps, contract.getRatingBreakdown, async ({ query }) => ratingBreakdown(deps, await statsFilter(deps, query), query.by))
  mountContract(router, deps, contract.getRating, async ({ params }, c) => ratings.getMyRating(deps, c.actor, params.id))
  mountContract(router, deps, contract.giveRectificationFeedback, async ({ params, body }, c) => ratings.giveFeedback(deps, c.actor, params.id, body))

  // Staff
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
