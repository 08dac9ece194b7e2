// The whole API: every domain's routes in one table, keyed by verb names.
import { metaRoutes } from './meta'
import { authRoutes } from './auth'
import { orgRoutes } from './orgs'
import { messageRoutes } from './messages'
import { uploadRoutes } from './uploads'

export const contract = {
  ...metaRoutes,
  ...authRoutes,
  ...orgRoutes,
  ...messageRoutes,
  ...uploadRoutes,
}
export type Contract = typeof contract
export type RouteName = keyof Contract

export * from './route'
export * from './common'
export * from './meta'
export * from './auth'
export * from './orgs'
export * from './settings'
export * from './messages'
export * from './uploads'
