// Taking tickets: at the desk (walk-in, by service item), in the app while the hall is open (one waiting ticket per
// resident per hall), and the ticket of a checked-in appointment. Numbers come from the per hall/day/line counter.
import type { HallEvent } from '@bianmin/shared'
import type { Deps, ResidentActor, StaffActor, Tx } from '../../platform/types'
import { AppError, invalidState, notFound, validation } from '../../platform/errors'
import { audit, type AuditMeta } from '../../platform/audit'
import { inSubtree } from '../../platform/scope'
import { shanghaiTime, toIso } from '../../platform/clock'
import { TX_OPTIONS } from '../appointments/booking.service'
import { hallConfig } from './hall.lines'
import { insertTicket } from './ticket.sql'
import { uniqueFields } from '../appointments/booking.sql'
import { hallOpen, loadTicket, ownTicket, publicHall, residentView, staffView } from './hall.query'
import type { TicketRow } from './hall.mapper'

const duplicate = () => new AppError('DUPLICATE', '您在该服务中心已有一个等候中的号，请办理或取消后再取号')
export const activeKeyOf = (residentId: string, hallId: string) => `${residentId}:${hallId}`
const hourOf = (d: Date) => Number(shanghaiTime(d).slice(0, 2))

/** Publishes a queue event after the change committed (never fails the request). */
export async function announce (deps: Deps, e: Omit<HallEvent, 'at' | 'waiting'> & { at?: Date; waiting?: number }) {
  try {
    const waiting = e.waiting ?? await deps.db.ticket.count({ where: { hallId: e.hallId, date: deps.clock.today(), status: 'WAITING' } })
    await deps.state.hall.publish({ ...e, at: toIso(e.at ?? deps.clock.now()), waiting })
  } catch (err) {
    deps.log.error({ err: (err as Error).message }, 'hall event not published')
  }
}

/** The hall's set-up for this item: the windows that may call it (400 when none: the hall does not handle it). */
async function itemSetup (deps: Deps, hall: { id: string; queuePrefix: string }, serviceItemId: string) {
  const cfg = await hallConfig(deps, hall)
  const windows = cfg.windowsByItem.get(serviceItemId)
  if (!windows?.length) throw validation('该服务中心不办理此事项，请选择其他事项', [{ path: 'serviceItemId', message: '该服务中心不办理此事项' }])
  const items = [...new Set(windows.flatMap((w) => cfg.itemsByWindow.get(w) ?? []))]
  return { windows, items, line: cfg.lineOf(serviceItemId), itemName: cfg.itemNames.get(serviceItemId) ?? '' }
}

interface NewTicket {
  hall: { id: string; name: string; queuePrefix: string; orgId: string }
  setup: Awaited<ReturnType<typeof itemSetup>>
  serviceItemId: string
  channel: 'DESK' | 'APP'
  residentId?: string
  contact?: { name?: string; phone?: string }
  actor?: StaffActor
  meta?: AuditMeta
}

/**
 * A walk-in ticket with the next number of its line: the counter upsert, the row and the waiting count in one
 * statement or transaction (ticket.sql; the database orders concurrent takers); a resident's second waiting ticket
 * fails on the unique activeKey (DUPLICATE) and takes no number. A desk ticket is issued with its audit entry.
 */
async function insertWalkIn (deps: Deps, n: NewTicket): Promise<{ row: TicketRow; waiting: number }> {
  const date = deps.clock.today()
  const line = n.setup.line
  const now = deps.clock.now()
  const t = {
    hallId: n.hall.id, date, line: line.prefix, lineName: line.name, serviceItemId: n.serviceItemId, channel: n.channel,
    residentId: n.residentId ?? null, activeKey: n.residentId ? activeKeyOf(n.residentId, n.hall.id) : null,
    contactName: n.contact?.name ?? null, contactPhoneEnc: n.contact?.phone ? deps.cipher.encrypt(n.contact.phone) : null, issuedById: n.actor?.id ?? null,
    now, hour: hourOf(now),
  }
  const write = async (tx: Tx | Deps['db']) => {
    const made = await insertTicket(deps, tx, t)
    if (n.actor) await audit(tx as Tx, n.actor, { action: 'ticket.issue', targetType: 'Ticket', targetId: made.id, orgId: n.hall.orgId, detail: { number: made.number, serviceItemId: n.serviceItemId } }, n.meta)
    const row: TicketRow = {
      ...t, id: made.id, seq: made.seq, number: made.number, status: 'WAITING', appointmentId: null, rankAt: now, windowId: null, transferredTo: null,
      firstCalledAt: null, calledAt: null, doneAt: null, skippedAt: null, cancelledAt: null, recallCount: 0, skipRecalled: false, createdAt: now,
      hall: { name: n.hall.name, orgId: n.hall.orgId }, serviceItem: { name: n.setup.itemName }, window: null,
    }
    return { row, waiting: made.waiting }
  }
  try {
    return n.actor ? await deps.db.$transaction(write, TX_OPTIONS) : await write(deps.db)
  } catch (err) {
    if (uniqueFields(err) !== null && t.activeKey) throw duplicate()
    throw err
  }
}

export async function takeTicket (deps: Deps, actor: ResidentActor, body: { hallId: string; serviceItemId: string }) {
  const hall = await publicHall(deps.db, body.hallId)
  const { reason } = await hallOpen(deps, hall)
  if (reason) throw new AppError('OUT_OF_WINDOW', reason)
  const setup = await itemSetup(deps, hall, body.serviceItemId)
  const { row: t, waiting } = await insertWalkIn(deps, { hall, setup, serviceItemId: body.serviceItemId, channel: 'APP', residentId: actor.id })
  await announce(deps, { type: 'TICKET', hallId: hall.id, ticketId: t.id, number: t.number, line: t.line, at: t.createdAt, waiting })
  return residentView(deps, t, setup)
}

export async function issueDeskTicket (deps: Deps, actor: StaffActor, hallId: string, body: { serviceItemId: string; contactName?: string; contactPhone?: string }, meta: AuditMeta) {
  const hall = await deps.db.hall.findFirst({ where: { id: hallId, org: inSubtree(actor) }, select: { id: true, name: true, queuePrefix: true, orgId: true, active: true } })
  if (!hall) throw notFound('服务中心')
  if (!hall.active) throw invalidState('该服务中心已停用，不能取号')
  const setup = await itemSetup(deps, hall, body.serviceItemId)
  const { row: t, waiting } = await insertWalkIn(deps, { hall, setup, serviceItemId: body.serviceItemId, channel: 'DESK', contact: { name: body.contactName, phone: body.contactPhone }, actor, meta })
  await announce(deps, { type: 'TICKET', hallId: hall.id, ticketId: t.id, number: t.number, line: t.line, at: t.createdAt, waiting })
  return staffView(deps, t, setup)
}

export async function cancelTicket (deps: Deps, actor: ResidentActor, id: string) {
  const t = await ownTicket(deps, actor, id)
  if (t.channel === 'APPOINTMENT') throw invalidState('预约签到的号请到窗口办理或取消预约')
  if (t.status !== 'WAITING') throw invalidState('只有等候中的号可以取消')
  const now = deps.clock.now()
  const ok = await deps.db.$transaction(async (tx) => {
    const r = await tx.ticket.updateMany({ where: { id, status: 'WAITING' }, data: { status: 'CANCELLED', cancelledAt: now, activeKey: null } })
    if (r.count === 0) return false
    await tx.ticketEvent.create({ data: { ticketId: id, hallId: t.hallId, type: 'CANCEL', at: now } })
    return true
  }, TX_OPTIONS)
  if (!ok) throw invalidState('该号状态已变化，请刷新后重试')
  await announce(deps, { type: 'CANCEL', hallId: t.hallId, ticketId: id, number: t.number, line: t.line })
  return residentView(deps, await loadTicket(deps.db, id))
}

/**
 * Inside the check-in transaction: the appointment's ticket with its queue number, ranked at the slot start when
 * checked in within the grace minutes (PRODUCT.md §7: ahead of walk-ins who came after its slot began).
 */
export async function insertAppointmentTicket (tx: Tx, a: {
  id: string; hallId: string; date: string; serviceItemId: string; residentId: string | null; windowId: string | null
  queueSeq: number; queueNumber: string; slotStartsAt: Date; prefix: string
}, now: Date, graceMinutes: number, staffId: string): Promise<void> {
  // Ranked at its slot start (also when early: walk-ins who came before the slot began stay ahead of it).
  const priority = graceMinutes > 0 && now.getTime() <= a.slotStartsAt.getTime() + graceMinutes * 60_000
  const rankAt = priority ? a.slotStartsAt : now
  const t = await tx.ticket.create({
    data: {
      hallId: a.hallId, date: a.date, line: a.prefix, lineName: '预约', seq: a.queueSeq, number: a.queueNumber, serviceItemId: a.serviceItemId,
      channel: 'APPOINTMENT', residentId: a.residentId, appointmentId: a.id, rankAt, hour: hourOf(now), createdAt: now,
      transferredTo: a.windowId, issuedById: staffId,
    },
    select: { id: true },
  })
  await tx.ticketEvent.create({ data: { ticketId: t.id, hallId: a.hallId, type: 'TICKET', staffId, at: now } })
}

/** The appointment moved on the appointment side (call, complete, no-show): its ticket follows, in the same transaction. */
export async function followAppointment (tx: Tx, appointmentId: string, to: 'CALLED' | 'DONE' | 'NO_SHOW', now: Date, windowId?: string): Promise<void> {
  const t = await tx.ticket.findUnique({ where: { appointmentId }, select: { id: true, hallId: true, status: true, createdAt: true, calledAt: true, firstCalledAt: true } })
  if (!t) return
  const secs = (a: Date) => Math.max(0, Math.round((now.getTime() - a.getTime()) / 1000))
  const data = to === 'CALLED'
    ? { status: 'CALLED' as const, calledAt: now, ...(windowId ? { windowId } : {}), ...(t.firstCalledAt ? {} : { firstCalledAt: now, waitSeconds: secs(t.createdAt) }) }
    : to === 'DONE'
      ? { status: 'DONE' as const, doneAt: now, activeKey: null, serviceSeconds: t.calledAt ? secs(t.calledAt) : 0, ...(t.firstCalledAt ? {} : { firstCalledAt: now, waitSeconds: secs(t.createdAt) }) }
      : { status: 'CANCELLED' as const, cancelledAt: now, activeKey: null }
  const from = to === 'CALLED' ? ['WAITING', 'CALLED'] as const : ['WAITING', 'CALLED', 'SKIPPED'] as const
  const r = await tx.ticket.updateMany({ where: { id: t.id, status: { in: [...from] } }, data })
  if (r.count) await tx.ticketEvent.create({ data: { ticketId: t.id, hallId: t.hallId, type: to === 'CALLED' ? 'CALL' : to === 'DONE' ? 'DONE' : 'CANCEL', windowId: windowId ?? null, at: now } })
}

/** After an appointment-side step (check-in, call, done, no-show) committed: the hall's screens hear it too. */
export async function announceAppointment (deps: Deps, appointmentId: string, type: 'TICKET' | 'CALL' | 'DONE' | 'CANCEL'): Promise<void> {
  const t = await deps.db.ticket.findUnique({ where: { appointmentId }, select: { id: true, hallId: true, number: true, line: true, window: { select: { id: true, name: true, number: true } } } })
  if (!t) return
  await announce(deps, {
    type, hallId: t.hallId, ticketId: t.id, number: t.number, line: t.line,
    ...(t.window ? { windowId: t.window.id, windowName: t.window.name, windowNumber: t.window.number } : {}),
  })
}
