// Every domain module registers its contract routes here.
import type Router from '@koa/router'
import type { Deps } from '../deps'
import type { AppState } from '../platform/http'
import { metaRoutes } from './meta/meta.routes'
import { opsRoutes } from './ops/ops.routes'
import { authRoutes } from './auth/auth.routes'
import { orgRoutes } from './orgs/org.routes'
import { adminRoutes } from './admin/admin.routes'
import { workbenchRoutes } from './workbench/workbench.routes'
import { messageRoutes } from './messages/message.routes'
import { serviceItemRoutes } from './service-items/service-item.routes'
import { appointmentRoutes } from './appointments/appointment.routes'
import { homeVisitRoutes } from './home-visits/home-visit.routes'
import '../platform/outbox.worker'
import { noticeRoutes } from './notices/notice.routes'
import { disclosureRoutes } from './disclosures/disclosure.routes'
import { ratingRoutes } from './ratings/rating.routes'
import { uploadRoutes } from './uploads/upload.routes'
import { consultationRoutes } from './consultations/consultation.routes'
import { privacyRoutes } from './privacy/privacy.routes'
import { privacyNoticeRoutes } from './privacy-notice/privacy-notice.routes'

export function registerModules (router: Router<AppState>, deps: Deps): void {
  metaRoutes(router, deps)
  opsRoutes(router, deps)
  authRoutes(router, deps)
  orgRoutes(router, deps)
  adminRoutes(router, deps)
  workbenchRoutes(router, deps)
  messageRoutes(router, deps)
  serviceItemRoutes(router, deps)
  appointmentRoutes(router, deps)
  homeVisitRoutes(router, deps)
  noticeRoutes(router, deps)
  disclosureRoutes(router, deps)
  ratingRoutes(router, deps)
  uploadRoutes(router, deps)
  consultationRoutes(router, deps)
  privacyRoutes(router, deps)
  privacyNoticeRoutes(router, deps)
}
