// The privacy notice (public).
import { defineModule } from '../../platform/module'
import { privacyNoticeRoutes } from './privacy-notice.routes'

export const privacyNoticeModule = defineModule({
  name: 'privacy-notice',
  routes: privacyNoticeRoutes,
})
