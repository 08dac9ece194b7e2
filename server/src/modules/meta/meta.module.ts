// Health, readiness and the app's public meta data.
import { defineModule } from '../../platform/module'
import { metaRoutes } from './meta.routes'

export const metaModule = defineModule({
  name: 'meta',
  routes: metaRoutes,
})
