// Settings, staff accounts and the working-day calendar (emits calendar.changed).
import { defineModule } from '../../platform/module'
import { adminRoutes } from './admin.routes'
import { calendarReloadJob } from './admin.routes'

export const adminModule = defineModule({
  name: 'admin',
  routes: adminRoutes,
  jobs: [calendarReloadJob],
})
