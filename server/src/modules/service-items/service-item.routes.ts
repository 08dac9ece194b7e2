import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import * as items from './service-item.service'
import * as itemAdmin from './service-item.admin'
import * as hallAdmin from './hall.admin'

export function serviceItemRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.listServiceItems, async ({ query }) => items.listItems(deps, query))
  mountContract(router, deps, contract.getServiceItem, async ({ params }, c) => items.getItem(deps, params.id, `${c.koa.protocol}://${c.koa.host}`))
  mountContract(router, deps, contract.listServiceItemSlots, async ({ params, query }) => items.listItemSlots(deps, params.id, query))

  const meta = (c: { ip: string; requestId: string }) => ({ ip: c.ip, requestId: c.requestId })
  mountContract(router, deps, contract.listStaffServiceItems, async ({ query }, c) => itemAdmin.listStaffItems(deps, c.actor, query))
  mountContract(router, deps, contract.createServiceItem, async ({ body }, c) => itemAdmin.createItem(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.updateServiceItem, async ({ params, body }, c) => itemAdmin.updateItem(deps, c.actor, params.id, body, meta(c)))

  mountContract(router, deps, contract.listStaffHalls, async (_req, c) => hallAdmin.listHalls(deps, c.actor))
  mountContract(router, deps, contract.createHall, async ({ body }, c) => hallAdmin.createHall(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.updateHall, async ({ params, body }, c) => hallAdmin.updateHall(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.createWindow, async ({ body }, c) => hallAdmin.createWindow(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.updateWindow, async ({ params, body }, c) => hallAdmin.updateWindow(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.listSlotTemplates, async ({ query }, c) => hallAdmin.listTemplates(deps, c.actor, query.hallId))
  mountContract(router, deps, contract.createSlotTemplate, async ({ body }, c) => hallAdmin.createTemplate(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.updateSlotTemplate, async ({ params, body }, c) => hallAdmin.updateTemplate(deps, c.actor, params.id, body, meta(c)))
}
