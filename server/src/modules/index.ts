// What the server is: every module, listed once. Boot, the admin CLI and the tests read routes, jobs, demo seeds,
// event listeners and per-app state from this list (platform/module.ts). Routes mount in this order; seeds run in it.
import type { ModuleDef } from '../platform/module'
import { metaModule } from './meta/meta.module'
import { opsModule } from './ops/ops.module'
import { authModule } from './auth/auth.module'
import { orgsModule } from './orgs/org.module'
import { auditModule } from './audit/audit.module'
import { adminModule } from './admin/admin.module'
import { workbenchModule } from './workbench/workbench.module'
import { messagesModule } from './messages/message.module'
import { serviceItemsModule } from './service-items/service-item.module'
import { appointmentsModule } from './appointments/appointment.module'
import { hallModule } from './hall/hall.module'
import { homeVisitsModule } from './home-visits/home-visit.module'
import { consultationsModule } from './consultations/consultation.module'
import { ratingsModule } from './ratings/rating.module'
import { rectificationsModule } from './rectifications/rectification.module'
import { noticesModule } from './notices/notice.module'
import { disclosuresModule } from './disclosures/disclosure.module'
import { uploadsModule } from './uploads/upload.module'
import { privacyModule } from './privacy/privacy.module'
import { privacyNoticeModule } from './privacy-notice/privacy-notice.module'
import { reportsModule } from './reports/report.module'

export const modules: readonly ModuleDef[] = [
  metaModule,
  opsModule,
  authModule,
  orgsModule,
  auditModule,
  adminModule,
  workbenchModule,
  messagesModule,
  serviceItemsModule,
  appointmentsModule,
  hallModule,
  homeVisitsModule,
  consultationsModule,
  ratingsModule,
  rectificationsModule,
  noticesModule,
  disclosuresModule,
  uploadsModule,
  privacyModule,
  privacyNoticeModule,
  reportsModule,
]
