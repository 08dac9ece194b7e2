// Service hall routes (thin: parse → service → body).
import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import * as query from './hall.query'
import * as tickets from './ticket.service'
import * as windows from './window.service'
import { listHallTickets, windowConsole } from './window.console'
import { rateAtWindow, windowRatingTarget } from './window.rating'
import { hallStats } from './hall.stats'
import { openQueueStream } from './hall.stream'

export function hallRoutes (router: Router<AppState>, deps: Deps): void {
  const meta = (c: { ip: string; requestId: string }) => ({ ip: c.ip, requestId: c.requestId })

  mountContract(router, deps, contract.getHallTicketOptions, async ({ params }) => query.ticketOptions(deps, params.id))
  mountContract(router, deps, contract.createTicket, async ({ body }, c) => {
    await deps.limits.consume('booking', `resident:${c.actor.id}`)
    return tickets.takeTicket(deps, c.actor, body)
  })
  mountContract(router, deps, contract.listMyTickets, async (_r, c) => query.listMine(deps, c.actor))
  mountContract(router, deps, contract.getTicket, async ({ params }, c) => query.residentView(deps, await query.ownTicket(deps, c.actor, params.id)))
  mountContract(router, deps, contract.cancelTicket, async ({ params }, c) => tickets.cancelTicket(deps, c.actor, params.id))
  mountContract(router, deps, contract.getHallQueue, async ({ params }) => query.hallQueue(deps, params.id))
  mountContract(router, deps, contract.getHallQueueEvents, async ({ params }, c) => openQueueStream(deps, params.id, c.koa))

  mountContract(router, deps, contract.issueDeskTicket, async ({ params, body }, c) => tickets.issueDeskTicket(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.listHallTickets, async ({ params, query: q }, c) => listHallTickets(deps, c.actor, params.id, q))
  mountContract(router, deps, contract.getWindowConsole, async ({ params }, c) => windowConsole(deps, c.actor, params.id))
  mountContract(router, deps, contract.callNextTicket, async ({ params }, c) => windows.callNext(deps, c.actor, params.id, meta(c)))
  mountContract(router, deps, contract.pauseWindow, async ({ params }, c) => windows.setPaused(deps, c.actor, params.id, true, meta(c)))
  mountContract(router, deps, contract.resumeWindow, async ({ params }, c) => windows.setPaused(deps, c.actor, params.id, false, meta(c)))
  mountContract(router, deps, contract.recallTicket, async ({ params }, c) => windows.recall(deps, c.actor, params.id, meta(c)))
  mountContract(router, deps, contract.skipTicket, async ({ params }, c) => windows.skip(deps, c.actor, params.id, meta(c)))
  mountContract(router, deps, contract.doneTicket, async ({ params }, c) => windows.done(deps, c.actor, params.id, meta(c)))
  mountContract(router, deps, contract.transferTicket, async ({ params, body }, c) => windows.transfer(deps, c.actor, params.id, body.windowId, meta(c)))
  mountContract(router, deps, contract.getWindowRatingTarget, async ({ params }, c) => windowRatingTarget(deps, c.actor, params.id))
  mountContract(router, deps, contract.rateAtWindow, async ({ params, body }, c) => rateAtWindow(deps, c.actor, params.id, body, meta(c)))
  mountContract(router, deps, contract.getHallStats, async ({ query: q }, c) => hallStats(deps, c.actor, q))
}
