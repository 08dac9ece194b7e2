// 差评 rectification cases and rating appeals (staff).
import { defineModule } from '../../platform/module'
import { rectificationRoutes } from './rectification.routes'

export const rectificationsModule = defineModule({
  name: 'rectifications',
  routes: rectificationRoutes,
})
