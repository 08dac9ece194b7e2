// 好差评: ratings, appeals, rectifications and stats.
import { defineModule } from '../../platform/module'
import { ratingRoutes } from './rating.routes'
import { seedRatings } from './rating.seed'

export const ratingsModule = defineModule({
  name: 'ratings',
  routes: ratingRoutes,
  seeds: [seedRatings],
})
