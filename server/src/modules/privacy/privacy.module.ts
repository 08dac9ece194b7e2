// Residents' consent, data export and erasure.
import { defineModule } from '../../platform/module'
import { privacyRoutes } from './privacy.routes'

export const privacyModule = defineModule({
  name: 'privacy',
  routes: privacyRoutes,
})
