// In-app messages of residents and their delivery to WeChat (outbox worker).
import { defineModule } from '../../platform/module'
import { messageRoutes } from './message.routes'
import { outboxJob } from '../../platform/outbox.worker'

export const messagesModule = defineModule({
  name: 'messages',
  routes: messageRoutes,
  jobs: [outboxJob],
})
