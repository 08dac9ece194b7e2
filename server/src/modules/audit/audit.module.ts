// 审计日志 viewer (the entries are written by every module through platform/audit.ts).
import { defineModule } from '../../platform/module'
import { auditRoutes } from './audit.routes'

export const auditModule = defineModule({
  name: 'audit',
  routes: auditRoutes,
})
