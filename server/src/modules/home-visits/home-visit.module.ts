// Home visits (上门服务).
import { defineModule } from '../../platform/module'
import { homeVisitRoutes } from './home-visit.routes'

export const homeVisitsModule = defineModule({
  name: 'home-visits',
  routes: homeVisitRoutes,
})
