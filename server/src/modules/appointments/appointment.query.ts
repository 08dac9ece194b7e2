// Reading appointments: the resident's own (others' are 404), and staff lists scoped to halls of their org subtree.
import type { AppointmentStatus } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import type { Prisma } from '../../generated/sqlite/client.js'
import { notFound } from '../../platform/errors'
import { paginate } from '../../platform/paginate'
import { decodeCursor, encodeCursor } from '../../platform/cursor'
import { atShanghai } from '../../platform/clock'
import { inSubtree } from '../../platform/scope'
import { appointmentDetail, appointmentInclude, appointmentView, staffAppointmentView, viewCtx, type AppointmentRow } from './appointment.mapper'

/**
 * 我的预约 by appointment time: today's and coming bookings first (soonest on top), then the past ones from the most
 * recent. One cursor runs through both parts (`past: true` once the coming ones are listed).
 */
/** 改约: where a booking of the resident's was moved to. */
const moved = (a: { rescheduledToId?: string | null }) => ({ rescheduledToId: a.rescheduledToId ?? null })

export async function listMine (deps: Deps, residentId: string, q: { status?: AppointmentStatus; limit: number; cursor?: string }) {
  const dayStart = atShanghai(deps.clock.today())
  const cur = decodeCursor(q.cursor)
  const find = (when: Prisma.AppointmentWhereInput) => (p: { where: object; orderBy: unknown[]; take: number }) => deps.db.appointment.findMany({
    where: { residentId, ...(q.status ? { status: q.status } : {}), AND: [when, p.where] },
    include: appointmentInclude, orderBy: p.orderBy as Prisma.AppointmentOrderByWithRelationInput[], take: p.take,
  })
  const past = (limit: number, cursor?: string) => paginate({ limit, cursor }, { by: 'slot.startsAt', dir: 'desc' }, find({ slot: { startsAt: { lt: dayStart } } }))
  const markPast = (c: string | null) => (c ? encodeCursor({ ...decodeCursor(c)!, past: true }) : null)
  let items: { id: string; rescheduledToId?: string | null }[]
  let nextCursor: string | null
  if (cur?.past) {
    const page = await past(q.limit, q.cursor)
    items = page.items; nextCursor = markPast(page.nextCursor)
  } else {
    const coming = await paginate(q, { by: 'slot.startsAt', dir: 'asc' }, find({ slot: { startsAt: { gte: dayStart } } }))
    items = coming.items; nextCursor = coming.nextCursor
    if (!nextCursor) {
      const room = q.limit - items.length
      const rest = room > 0 ? await past(room) : null
      if (rest) { items = [...items, ...rest.items]; nextCursor = markPast(rest.nextCursor) }
      // A full page of coming bookings: the past ones start on the next page.
      else if (await deps.db.appointment.count({ where: { residentId, ...(q.status ? { status: q.status } : {}), slot: { startsAt: { lt: dayStart } } } })) {
        nextCursor = encodeCursor({ t: dayStart.toISOString(), id: '', past: true })
      }
    }
  }
  const ctx = await viewCtx(deps)
  return { items: items.map((a) => ({ ...appointmentView(a as AppointmentRow, ctx), ...moved(a) })), nextCursor }
}

export async function getMine (deps: Deps, residentId: string, id: string) {
  const a = await deps.db.appointment.findFirst({ where: { id, residentId }, include: appointmentInclude })
  if (!a) throw notFound('预约')
  return { ...await appointmentDetail(a as AppointmentRow, await viewCtx(deps)), ...moved(a) }
}

/** The name and phone of the resident's last booking in the app, to prefill the next one (their own data, in full). */
export async function lastContact (deps: Deps, residentId: string) {
  const a = await deps.db.appointment.findFirst({
    where: { residentId, channel: 'APP' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { contactName: true, contactPhoneEnc: true },
  })
  if (!a) return { contact: null }
  try {
    return { contact: { contactName: a.contactName, contactPhone: deps.cipher.decrypt(a.contactPhoneEnc) } }
  } catch {
    return { contact: null } // erased or unreadable: nothing to prefill
  }
}

/** Halls filter for staff: one hall (404 outside the subtree) or every hall in it. */
async function hallWhere (deps: Deps, actor: StaffActor, hallId?: string): Promise<Prisma.AppointmentWhereInput> {
  if (!hallId) return { hall: { org: inSubtree(actor) } }
  const hall = await deps.db.hall.findFirst({ where: { id: hallId, org: inSubtree(actor) }, select: { id: true } })
  if (!hall) throw notFound('服务中心')
  return { hallId }
}

export async function listForStaff (deps: Deps, actor: StaffActor, q: { date?: string; hallId?: string; status?: AppointmentStatus; limit: number; cursor?: string }) {
  const date = q.date ?? deps.clock.today()
  const base: Prisma.AppointmentWhereInput = { ...(await hallWhere(deps, actor, q.hallId)), date }
  // Day view: by slot time, then queue number; the cursor carries the slot start instant.
  const page = await paginate(q, { by: 'slot.startsAt', dir: 'asc' }, (p) => deps.db.appointment.findMany({
    where: { ...base, ...(q.status ? { status: q.status } : {}), ...p.where },
    include: appointmentInclude, orderBy: p.orderBy, take: p.take,
  }))
  const grouped = await deps.db.appointment.groupBy({ by: ['status'], where: base, _count: { _all: true } })
  const ctx = await viewCtx(deps)
  return {
    items: page.items.map((a) => staffAppointmentView(a as AppointmentRow, ctx)),
    nextCursor: page.nextCursor,
    counts: Object.fromEntries(grouped.map((g) => [g.status, g._count._all])),
  }
}

/** End of day: bookings nobody resolved (never marked done or no-show automatically). */
export async function listUnresolved (deps: Deps, actor: StaffActor, q: { date?: string; hallId?: string }) {
  const rows = await deps.db.appointment.findMany({
    where: { ...(await hallWhere(deps, actor, q.hallId)), date: q.date ?? deps.clock.today(), status: { in: ['BOOKED', 'CHECKED_IN', 'CALLED'] } },
    include: appointmentInclude, orderBy: [{ slot: { startsAt: 'asc' } }, { id: 'asc' }], take: 500,
  })
  const ctx = await viewCtx(deps)
  return { items: rows.map((a) => staffAppointmentView(a as AppointmentRow, ctx)) }
}
