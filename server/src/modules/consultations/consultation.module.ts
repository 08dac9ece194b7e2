// Online consultations (在线咨询).
import { defineModule } from '../../platform/module'
import { consultationRoutes } from './consultation.routes'
import { autoCloseJob } from './consultation.jobs'
import { seedConsultations } from './consultation.seed'

export const consultationsModule = defineModule({
  name: 'consultations',
  routes: consultationRoutes,
  jobs: [autoCloseJob],
  seeds: [seedConsultations],
})
