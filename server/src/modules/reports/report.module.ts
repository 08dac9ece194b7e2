// 政府信息公开工作年度报告 (draft → review → 年度报告 notice, .docx/CSV) and the 好差评 public report.
import { defineModule } from '../../platform/module'
import { reportRoutes } from './report.routes'

export const reportsModule = defineModule({
  name: 'reports',
  routes: reportRoutes,
})
