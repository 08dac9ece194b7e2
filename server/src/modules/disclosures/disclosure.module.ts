// 依申请公开 disclosure applications.
import { defineModule } from '../../platform/module'
import { disclosureRoutes } from './disclosure.routes'
import { correctionExpiryJob, recomputeOpenDeadlines } from './disclosure.jobs'
import { seedDisclosures } from './disclosure.seed'

export const disclosuresModule = defineModule({
  name: 'disclosures',
  routes: disclosureRoutes,
  jobs: [correctionExpiryJob],
  seeds: [seedDisclosures],
  listeners: {
    // A changed working day moves the answer deadlines of open applications.
    'calendar.changed': async (deps) => { await recomputeOpenDeadlines(deps) },
  },
})
