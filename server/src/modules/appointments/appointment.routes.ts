import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import { appointmentView, staffAppointmentView, viewCtx, type AppointmentRow } from './appointment.mapper'
import { idempotencyFrom } from './idempotency'
import * as booking from './booking.service'
import * as queries from './appointment.query'
import * as queue from './queue.service'
import * as slots from './slot.service'

export function appointmentRoutes (router: Router<AppState>, deps: Deps): void {
  const meta = (c: { ip: string; requestId: string }) => ({ ip: c.ip, requestId: c.requestId })

  mountContract(router, deps, contract.createAppointment, async ({ body }, c) => {
    await deps.limits.consume('booking', `resident:${c.actor.id}`)
    const idem = idempotencyFrom(c.headers, `resident:${c.actor.id}:createAppointment`, body)
    return booking.book(deps, body, { kind: 'resident', residentId: c.actor.id, suspendedUntil: c.actor.suspendedUntil }, idem)
  })
  mountContract(router, deps, contract.listAppointments, async ({ query }, c) => queries.listMine(deps, c.actor.id, query))
  mountContract(router, deps, contract.getBookingContact, async (_req, c) => queries.lastContact(deps, c.actor.id))
  mountContract(router, deps, contract.getAppointment, async ({ params }, c) => queries.getMine(deps, c.actor.id, params.id))
  mountContract(router, deps, contract.cancelAppointment, async ({ params }, c) => {
    const a = await booking.cancel(deps, { id: params.id, residentId: c.actor.id })
    return appointmentView(a as AppointmentRow, await viewCtx(deps))
  })
  mountContract(router, deps, contract.rescheduleAppointment, async ({ params, body }, c) => {
    await deps.limits.consume('booking', `resident:${c.actor.id}`)
    return booking.reschedule(deps, c.actor.id, params.id, body.slotId)
  })

  mountContract(router, deps, contract.listStaffAppointments, async ({ query }, c) => queries.listForStaff(deps, c.actor, query))
  mountContract(router, deps, contract.listUnresolvedAppointments, async ({ query }, c) => queries.listUnresolved(deps, c.actor, query))
  mountContract(router, deps, contract.createStaffAppointment, async ({ body }, c) => {
    const { channel, ...input } = body
    const idem = idempotencyFrom(c.headers, `staff:${c.actor.id}:createStaffAppointment`, body)
    return booking.book(deps, input, { kind: 'staff', actor: c.actor, channel, meta: meta(c) }, idem)
  })
  mountContract(router, deps, contract.checkInByCode, async ({ body }, c) =>
    queue.checkIn(deps, c.actor, await queue.findInScope(deps, c.actor, { hallId: body.hallId, date: deps.clock.today(), code: body.code }), meta(c)))
  mountContract(router, deps, contract.checkInAppointment, async ({ params }, c) =>
    queue.checkIn(deps, c.actor, await queue.findInScope(deps, c.actor, { id: params.id }), meta(c)))
  mountContract(router, deps, contract.callAppointment, async ({ params, body }, c) =>
    queue.call(deps, c.actor, await queue.findInScope(deps, c.actor, { id: params.id }), body.windowId, meta(c)))
  mountContract(router, deps, contract.completeAppointment, async ({ params }, c) =>
    queue.complete(deps, c.actor, await queue.findInScope(deps, c.actor, { id: params.id }), meta(c)))
  mountContract(router, deps, contract.noShowAppointment, async ({ params }, c) =>
    queue.noShow(deps, c.actor, await queue.findInScope(deps, c.actor, { id: params.id }), meta(c)))
  mountContract(router, deps, contract.cancelStaffAppointment, async ({ params, body }, c) => {
    await queue.findInScope(deps, c.actor, { id: params.id })
    const a = await booking.cancel(deps, { id: params.id }, { actor: c.actor, meta: meta(c), reason: body.reason })
    return staffAppointmentView(a as AppointmentRow, await viewCtx(deps))
  })
  mountContract(router, deps, contract.callNext, async ({ params, body }, c) => queue.callNext(deps, c.actor, params.id, body.windowId, meta(c)))

  mountContract(router, deps, contract.listStaffSlots, async ({ query }, c) => slots.listSlots(deps, c.actor, query.hallId, query.date))
  mountContract(router, deps, contract.generateSlots, async ({ body }, c) => slots.generate(deps, c.actor, body, meta(c)))
  mountContract(router, deps, contract.updateSlot, async ({ params, body }, c) => slots.updateSlot(deps, c.actor, params.id, body, meta(c)))
}
