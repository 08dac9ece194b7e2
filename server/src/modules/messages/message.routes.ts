import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import * as messages from './message.service'

export function messageRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.listMessages, async ({ query }, c) => messages.listMessages(deps, c.actor, query))
  mountContract(router, deps, contract.readMessage, async ({ params }, c) => messages.readMessage(deps, c.actor, params.id))
  mountContract(router, deps, contract.readAllMessages, async (_req, c) => messages.readAllMessages(deps, c.actor))
}
