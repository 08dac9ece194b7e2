// The staff workbench: counters, stats and the annual report.
import { defineModule } from '../../platform/module'
import { workbenchRoutes } from './workbench.routes'

export const workbenchModule = defineModule({
  name: 'workbench',
  routes: workbenchRoutes,
})
