// Operations: GET /metrics and the daily retention job.
import { defineModule } from '../../platform/module'
import { opsRoutes } from './ops.routes'
import { retentionJob } from './retention.job'

export const opsModule = defineModule({
  name: 'ops',
  routes: opsRoutes,
  jobs: [retentionJob],
})
