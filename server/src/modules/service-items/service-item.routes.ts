import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import * as items from './service-item.service'
import * as itemAdmin from './service-item.admin'
import * as hallAdmin from './hall.admin'
import * as lineAdmin from './hall-line.admin'
import * as removal from './service-item.delete'
import * as slotAdmin from './slot.admin'

export function serviceItemRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.listServiceItems, async ({ query }) => items.listItems(deps, query))
  mountContract(router, deps, contract.getServiceItem, async ({ params }, c) => items.getItem(deps, params.id, `${c.koa.protocol}://${c.koa.host}`))
  mountContract(router, deps, contract.listServiceItemSlots, async ({ params, query }) => items.listItemSlots(deps, params.id, query))

  const meta = (c: { ip: string; requestId: string }) => ({ ip: c.ip, requestId: c.requestId })
  mountContract(router, deps, contract.listStaffServiceItems, async ({ query }, c) => itemAdmin.listStaffItems(deps, c.actor, query))
  mountContract(router, deps, contract.createServiceItem, async ({ body }, c) => itemAdmin.createItem(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.getStaffServiceItem, async ({ params }, c) => itemAdmin.getStaffItem(deps, c.actor, params.id))
  mountContract(router, deps, contract.deleteServiceItem, async ({ params }, c) => removal.deleteServiceItem(deps, c.actor, params.id, meta(c)))
  mountContract(router, deps, contract.updateServiceItem, async ({ params, body }, c) => itemAdmin.updateItem(deps, c.actor, params.id, body, meta(c)))

  mountContract(router, deps, contract.listStaffHalls, async (_req, c) => hallAdmin.listHalls(deps, c.actor))
  mountContract(router, deps, contract.createHall, async ({ body }, c) => hallAdmin.createHall(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.updateHall, async ({ params, body }, c) => hallAdmin.updateHall(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.deleteHall, async ({ params }, c) => removal.deleteHall(deps, c.actor, params.id, meta(c)))
  mountContract(router, deps, contract.createHallLine, async ({ params, body }, c) => lineAdmin.createLine(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.updateHallLine, async ({ params, body }, c) => lineAdmin.updateLine(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.deleteHallLine, async ({ params }, c) => lineAdmin.deleteLine(deps, c.actor, params.id, meta(c)))
  mountContract(router, deps, contract.createWindow, async ({ body }, c) => hallAdmin.createWindow(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.updateWindow, async ({ params, body }, c) => hallAdmin.updateWindow(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.deleteWindow, async ({ params }, c) => removal.deleteWindow(deps, c.actor, params.id, meta(c)))
  mountContract(router, deps, contract.listSlotTemplates, async ({ query }, c) => hallAdmin.listTemplates(deps, c.actor, query.hallId))
  mountContract(router, deps, contract.createSlotTemplate, async ({ body }, c) => hallAdmin.createTemplate(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.updateSlotTemplate, async ({ params, body }, c) => hallAdmin.updateTemplate(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.deleteSlotTemplate, async ({ params }, c) => removal.deleteTemplate(deps, c.actor, params.id, meta(c)))

  mountContract(router, deps, contract.previewSlotGeneration, async ({ body }, c) => slotAdmin.previewGeneration(deps, c.actor, body))
  mountContract(router, deps, contract.listSlotDays, async ({ query }, c) => slotAdmin.listDays(deps, c.actor, query))
  mountContract(router, deps, contract.closeSlotDay, async ({ body }, c) => slotAdmin.closeDay(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.reopenSlotDay, async ({ body }, c) => slotAdmin.reopenDay(deps, c.actor, body, meta(c)))
}
