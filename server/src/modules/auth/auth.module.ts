// Sign-in for residents (WeChat) and staff, sessions.
import { defineModule } from '../../platform/module'
import { authRoutes } from './auth.routes'

export const authModule = defineModule({
  name: 'auth',
  routes: authRoutes,
})
