// Service items (办事指南) and their admin.
import { defineModule } from '../../platform/module'
import { serviceItemRoutes } from './service-item.routes'

export const serviceItemsModule = defineModule({
  name: 'service-items',
  routes: serviceItemRoutes,
})
