// The org tree, halls and the audit log.
import { defineModule } from '../../platform/module'
import { orgRoutes } from './org.routes'

export const orgsModule = defineModule({
  name: 'orgs',
  routes: orgRoutes,
})
