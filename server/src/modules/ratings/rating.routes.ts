// 好差评 routes (resident and public): thin handlers over the services. Staff follow-up: modules/rectifications.
import type Router from '@koa/router'
import { contract, ratingDimensionKeys, ratingDimensionLabels, ratingLevelLabels, ratingTags, BAD_REASON_MIN, isBadLevel } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import * as ratings from './rating.service'
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
}
