// Taking tickets: at the desk (walk-in, by service item), in the app while the hall is open (one waiting ticket per
// resident per hall), and the ticket of a checked-in appointment. Numbers come from the per hall/day/line counter.
import type { HallEvent } from '@bianmin/shared'
import type { Deps, ResidentActor, StaffActor, Tx } from '../../platform/types'
import { AppError, invalidState, notFound, validation } from '../../platform/errors'
import { audit, type AuditMeta } from '../../platform/audit'
import { inSubtree } from '../../platform/scope'
import { shanghaiTime, toIso } from '../../platform/clock'
import { TX_OPTIONS } from '../appointments/booking.service'
import { formatNumber, lineFor, nextSeq } from './hall.lines'
import { hallOpen, loadTicket, ownTicket, publicHall, residentView, staffView } from './hall.query'

const duplicate = () => new AppError('DUPLICATE', '您在该服务中心已有一个等候中的号，请办理或取消后再取号')
const isUnique = (e: unknown) => (e as { code?: string })?.code === 'P2002'
export const activeKeyOf = (residentId: string, hallId: string) => `${residentId}:${hallId}`
const hourOf = (d: Date) => Number(shanghaiTime(d).slice(0, 2))

/** Publishes a queue event after the change committed (never fails the request). */
export async function announce (deps: Deps, e: Omit<HallEvent, 'at' | 'waiting'> & { at?: Date }) {
  try {
    const waiting = await deps.db.ticket.count({ where: { hallId: e.hallId, date: deps.clock.today(), status: 'WAITING' } })
    await deps.state.hall.publish({ ...e, at: toIso(e.at ?? deps.clock.now()), waiting })
  } catch (err) {
    deps.log.error({ err: (err as Error).message }, 'hall event not published')
  }
}

async function itemAtHall (deps: Deps, hallId: string, serviceItemId: string) {
  const handled = await deps.db.windowServiceItem.findFirst({ where: { serviceItemId, window: { hallId, active: true }, serviceItem: { active: true } }, select: { serviceItem: { select: { name: true } } } })
  if (!handled) throw validation('该服务中心不办理此事项，请选择其他事项', [{ path: 'serviceItemId', message: '该服务中心不办理此事项' }])
}

interface NewTicket {
  hall: { id: string; queuePrefix: string; orgId: string }
  serviceItemId: string
  channel: 'DESK' | 'APP'
  residentId?: string
  contact?: { name?: string; phone?: string }
  actor?: StaffActor
  meta?: AuditMeta
}

/** Inserts a walk-in ticket with the next number of its line (retried if two takers race on a new counter row). */
async function insertWalkIn (deps: Deps, n: NewTicket): Promise<string> {
  const date = deps.clock.today()
  const line = await lineFor(deps.db, n.hall, n.serviceItemId)
  const activeKey = n.residentId ? activeKeyOf(n.residentId, n.hall.id) : null
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.$transaction(async (tx) => {
        if (activeKey && await tx.ticket.findUnique({ where: { activeKey }, select: { id: true } })) throw duplicate()
        const now = deps.clock.now()
        const seq = await nextSeq(tx, n.hall.id, date, line.prefix)
        const t = await tx.ticket.create({
          data: {
            hallId: n.hall.id, date, line: line.prefix, lineName: line.name, seq, number: formatNumber(line.prefix, seq), serviceItemId: n.serviceItemId,
            channel: n.channel, residentId: n.residentId ?? null, activeKey, rankAt: now, hour: hourOf(now), createdAt: now,
            contactName: n.contact?.name ?? null, contactPhoneEnc: n.contact?.phone ? deps.cipher.encrypt(n.contact.phone) : null, issuedById: n.actor?.id ?? null,
          },
          select: { id: true, number: true },
        })
        await tx.ticketEvent.create({ data: { ticketId: t.id, hallId: n.hall.id, type: 'TICKET', staffId: n.actor?.id ?? null, at: now } })
        if (n.actor) await audit(tx, n.actor, { action: 'ticket.issue', targetType: 'Ticket', targetId: t.id, orgId: n.hall.orgId, detail: { number: t.number, serviceItemId: n.serviceItemId } }, n.meta)
        return t.id
      }, TX_OPTIONS)
    } catch (err) {
      if (!isUnique(err)) throw err
      if (activeKey && await deps.db.ticket.findUnique({ where: { activeKey }, select: { id: true } })) throw duplicate()
      if (attempt >= 20) throw err
      await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)))
    }
  }
}

export async function takeTicket (deps: Deps, actor: ResidentActor, body: { hallId: string; serviceItemId: string }) {
  const hall = await publicHall(deps.db, body.hallId)
  const { reason } = await hallOpen(deps, hall)
  if (reason) throw new AppError('OUT_OF_WINDOW', reason)
  await itemAtHall(deps, hall.id, body.serviceItemId)
  const id = await insertWalkIn(deps, { hall, serviceItemId: body.serviceItemId, channel: 'APP', residentId: actor.id })
  const t = await loadTicket(deps.db, id)
  await announce(deps, { type: 'TICKET', hallId: hall.id, ticketId: id, number: t.number, line: t.line })
  return residentView(deps, t)
}

export async function issueDeskTicket (deps: Deps, actor: StaffActor, hallId: string, body: { serviceItemId: string; contactName?: string; contactPhone?: string }, meta: AuditMeta) {
  const hall = await deps.db.hall.findFirst({ where: { id: hallId, org: inSubtree(actor) }, select: { id: true, queuePrefix: true, orgId: true, active: true } })
  if (!hall) throw notFound('服务中心')
  if (!hall.active) throw invalidState('该服务中心已停用，不能取号')
  await itemAtHall(deps, hall.id, body.serviceItemId)
  const id = await insertWalkIn(deps, { hall, serviceItemId: body.serviceItemId, channel: 'DESK', contact: { name: body.contactName, phone: body.contactPhone }, actor, meta })
  const t = await loadTicket(deps.db, id)
  await announce(deps, { type: 'TICKET', hallId: hall.id, ticketId: id, number: t.number, line: t.line })
  return staffView(deps, t)
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
