// The whole API: every domain's routes in one table, keyed by verb names (combine() refuses a name or a method + path
// declared twice, at compile time and at start-up).
import { combine } from './combine'
import { metaRoutes } from './meta'
import { opsRoutes } from './ops'
import { authRoutes } from './auth'
import { orgRoutes } from './orgs'
import { auditRoutes } from './audit'
import { adminRoutes } from './admin'
import { workbenchRoutes } from './workbench'
import { messageRoutes } from './messages'
import { uploadRoutes } from './uploads'
import { consultationRoutes } from './consultations'
import { noticeRoutes } from './notices'
import { serviceItemRoutes } from './service-items'
import { appointmentRoutes } from './appointments'
import { hallRoutes } from './hall'
import { homeVisitRoutes } from './home-visits'
import { disclosureRoutes } from './disclosures'
import { ratingRoutes } from './ratings'
import { rectificationRoutes } from './rectifications'
import { privacyRoutes } from './privacy'
import { privacyNoticeRoutes } from './privacy-notice'
import { reportRoutes } from './reports'

export const contract = combine(
  metaRoutes,
  opsRoutes,
  authRoutes,
  orgRoutes,
  auditRoutes,
  adminRoutes,
  workbenchRoutes,
  messageRoutes,
  uploadRoutes,
  consultationRoutes,
  noticeRoutes,
  serviceItemRoutes,
  appointmentRoutes,
  hallRoutes,
  homeVisitRoutes,
  disclosureRoutes,
  ratingRoutes,
  rectificationRoutes,
  privacyRoutes,
  privacyNoticeRoutes,
  reportRoutes,
)
export type Contract = typeof contract
export type RouteName = keyof Contract

export * from './route'
export * from './combine'
export * from './common'
export * from './meta'
export * from './ops'
export * from './auth'
export * from './orgs'
export * from './audit'
export * from './admin'
export * from './workbench'
export * from './settings'
export * from './messages'
export * from './uploads'
export * from './consultations'
export * from './notices'
export * from './service-items'
export * from './appointments'
export * from './hall'
export * from './home-visits'
export * from './disclosures'
export * from './ratings'
export * from './rectifications'
export * from './privacy'
export * from './privacy-notice'
export * from './reports'
