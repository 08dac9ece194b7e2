// At the hall: check-in (queue number per hall per day), call, call next, complete, no-show (manual only, with the
// suspension policy). Every action is a conditional update on the current status, audited in the same transaction.
import { pageUrl } from '@bianmin/shared'
import type { Deps, StaffActor, Tx } from '../../platform/types'
import type { Prisma } from '../../generated/sqlite/client.js'
import { invalidState, notFound } from '../../platform/errors'
import { audit, type AuditMeta } from '../../platform/audit'
import { notify } from '../../platform/outbox'
import { toIso } from '../../platform/clock'
import { inSubtree } from '../../platform/scope'
import { appointmentInclude, staffAppointmentView, viewCtx, type AppointmentRow } from './appointment.mapper'
import { queueNumber } from './booking.rules'
import { TX_OPTIONS } from './booking.service'
import { announceAppointment, followAppointment, insertAppointmentTicket } from '../hall/ticket.service'
import { notifyCalled, notifyCheckedIn, notifyDone } from './appointment.notify'

type Status = AppointmentRow['status']
const statusName: Record<Status, string> = {
  BOOKED: '已预约', CANCELLED: '已取消', LATE_CANCELLED: '已逾时取消', CHECKED_IN: '已签到', CALLED: '已叫号', DONE: '已办结', NO_SHOW: '爽约',
}

export async function findInScope (deps: Deps, actor: StaffActor, where: Prisma.AppointmentWhereInput) {
  const a = await deps.db.appointment.findFirst({ where: { ...where, hall: { org: inSubtree(actor) } }, include: appointmentInclude })
  if (!a) throw notFound('预约')
  return a as AppointmentRow
}

async function view (deps: Deps, id: string) {
  const a = await deps.db.appointment.findUniqueOrThrow({ where: { id }, include: appointmentInclude })
  return staffAppointmentView(a as AppointmentRow, await viewCtx(deps))
}

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === 'P2002'

/** BOOKED → CHECKED_IN with the next queue number of the hall and day (unique index; retried on a race). */
export async function checkIn (deps: Deps, actor: StaffActor, a: AppointmentRow, meta: AuditMeta) {
  if (a.status === 'CHECKED_IN' || a.status === 'CALLED') return view(deps, a.id) // scanned twice: same number
  if (a.status !== 'BOOKED' && (a as { rescheduledToId?: string | null }).rescheduledToId) throw invalidState('该预约已改约，原签到码已作废，请出示改约后的新签到码')
  if (a.status !== 'BOOKED') throw invalidState(`该预约${statusName[a.status]}，不能签到`)
  if (a.date !== deps.clock.today()) throw invalidState(`只能为当天的预约签到（该预约为 ${a.date}）`)
  const grace = (await deps.settings.get()).hall.appointmentGraceMinutes
  for (let attempt = 0; ; attempt++) {
    try {
      const done = await deps.db.$transaction(async (tx) => {
        const max = await tx.appointment.aggregate({ where: { hallId: a.hallId, date: a.date }, _max: { queueSeq: true } })
        const seq = (max._max.queueSeq ?? 0) + 1
        const now = deps.clock.now()
        const number = queueNumber(a.hall.queuePrefix, seq)
        const r = await tx.appointment.updateMany({
          where: { id: a.id, status: 'BOOKED' },
          data: { status: 'CHECKED_IN', queueSeq: seq, queueNumber: number, checkedInAt: now, handledById: actor.id },
        })
        if (r.count === 0) return false
        // The hall's one queue: the checked-in appointment waits there with the same number (PRODUCT.md §7).
        await insertAppointmentTicket(tx, {
          id: a.id, hallId: a.hallId, date: a.date, serviceItemId: a.serviceItemId, residentId: a.residentId, windowId: a.windowId,
          queueSeq: seq, queueNumber: number, slotStartsAt: a.slot.startsAt, prefix: a.hall.queuePrefix,
        }, now, grace, actor.id)
        await notifyCheckedIn(tx, a, number, now)
        await audit(tx, actor, { action: 'appointment.check_in', targetType: 'Appointment', targetId: a.id, orgId: a.hall.orgId, detail: { queueSeq: seq } }, meta)
        return true
      }, TX_OPTIONS)
      if (!done) {
        const now = await deps.db.appointment.findUniqueOrThrow({ where: { id: a.id }, select: { status: true } })
        if (now.status !== 'CHECKED_IN' && now.status !== 'CALLED') throw invalidState(`该预约${statusName[now.status]}，不能签到`)
      } else await announceAppointment(deps, a.id, 'TICKET')
      return view(deps, a.id)
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= 50) throw err
      await new Promise((r) => setTimeout(r, Math.random() * 10 * Math.min(attempt + 1, 5)))
    }
  }
}

/** 请 A007 号到 3 号窗口办理: the window the call came from; a recall is a new message. */
async function announceCall (tx: Tx, a: AppointmentRow, windowId: string | null | undefined, now: Date) {
  const win = windowId ? await tx.window.findUnique({ where: { id: windowId }, select: { name: true, number: true } }) : null
  const calls = await tx.auditLog.count({ where: { action: 'appointment.call', targetId: a.id } })
  await notifyCalled(tx, a, win, now, calls)
}

async function transition (deps: Deps, actor: StaffActor, a: AppointmentRow, from: Status[], data: Prisma.AppointmentUncheckedUpdateManyInput, action: string, meta: AuditMeta, verb: string) {
  if (!from.includes(a.status)) throw invalidState(`该预约${statusName[a.status]}，不能${verb}`)
  const ok = await deps.db.$transaction(async (tx) => {
    const r = await tx.appointment.updateMany({ where: { id: a.id, status: { in: from } }, data: { ...data, handledById: actor.id } })
    if (r.count === 0) return false
    await followAppointment(tx, a.id, data.status as 'CALLED' | 'DONE', deps.clock.now(), (data.windowId as string | undefined) ?? undefined)
    if (data.status === 'DONE') await notifyDone(tx, a, deps.clock.now())
    if (data.status === 'CALLED') await announceCall(tx, a, (data.windowId as string | undefined) ?? a.windowId, deps.clock.now())
    await audit(tx, actor, { action, targetType: 'Appointment', targetId: a.id, orgId: a.hall.orgId, detail: { from: a.status, ...(data.windowId ? { windowId: data.windowId as string } : {}) } }, meta)
    return true
  }, TX_OPTIONS)
  if (!ok) throw invalidState('该预约状态已变化，请刷新后重试')
  if (data.status === 'CALLED' || data.status === 'DONE') await announceAppointment(deps, a.id, data.status === 'CALLED' ? 'CALL' : 'DONE')
  return view(deps, a.id)
}

async function windowOfHall (deps: Deps, hallId: string, windowId?: string): Promise<string | undefined> {
  if (!windowId) return undefined
  const w = await deps.db.window.findFirst({ where: { id: windowId, hallId }, select: { id: true } })
  if (!w) throw notFound('窗口')
  return w.id
}

export async function call (deps: Deps, actor: StaffActor, a: AppointmentRow, windowId: string | undefined, meta: AuditMeta) {
  const win = await windowOfHall(deps, a.hallId, windowId)
  return transition(deps, actor, a, ['CHECKED_IN', 'CALLED'], { status: 'CALLED', calledAt: deps.clock.now(), ...(win ? { windowId: win } : {}) }, 'appointment.call', meta, '叫号')
}

export const complete = (deps: Deps, actor: StaffActor, a: AppointmentRow, meta: AuditMeta) =>
  transition(deps, actor, a, ['CHECKED_IN', 'CALLED'], { status: 'DONE', doneAt: deps.clock.now() }, 'appointment.complete', meta, '办结')

/** Manual no-show after the slot has started; enough no-shows in the window suspend online booking. */
export async function noShow (deps: Deps, actor: StaffActor, a: AppointmentRow, meta: AuditMeta) {
  const from: Status[] = ['BOOKED', 'CHECKED_IN', 'CALLED']
  if (!from.includes(a.status)) throw invalidState(`该预约${statusName[a.status]}，不能标记爽约`)
  const now = deps.clock.now()
  if (now < a.slot.startsAt) throw invalidState('预约时段尚未开始，不能标记爽约')
  const s = (await deps.settings.get()).booking
  const ok = await deps.db.$transaction(async (tx) => {
    const r = await tx.appointment.updateMany({ where: { id: a.id, status: { in: from } }, data: { status: 'NO_SHOW', noShowAt: now, handledById: actor.id } })
    if (r.count === 0) return false
    await followAppointment(tx, a.id, 'NO_SHOW', now)
    let suspendedUntil: Date | null = null
    if (a.residentId) {
      const since = new Date(now.getTime() - s.noShowWindowDays * 86400_000)
      const count = await tx.appointment.count({ where: { residentId: a.residentId, status: 'NO_SHOW', noShowAt: { gte: since } } })
      if (count >= s.noShowLimit) {
        suspendedUntil = new Date(now.getTime() + s.suspensionDays * 86400_000)
        const upd = await tx.resident.updateMany({ where: { id: a.residentId, OR: [{ suspendedUntil: null }, { suspendedUntil: { lt: now } }] }, data: { suspendedUntil } })
        if (upd.count === 1) {
          const end = toIso(suspendedUntil)
          await notify(tx, {
            residentId: a.residentId, kind: 'NO_SHOW_SUSPENDED', title: '预约资格暂停通知',
            body: `您在 ${s.noShowWindowDays} 天内有 ${count} 次预约未到，在线预约资格暂停至 ${end.slice(0, 10)}。如有疑问请联系服务中心。`,
            data: { page: pageUrl('appointments'), suspendedUntil: end }, dedupeKey: `suspended:${a.residentId}:${a.id}`,
          }, now)
        } else suspendedUntil = null
      }
    }
    await audit(tx, actor, { action: 'appointment.no_show', targetType: 'Appointment', targetId: a.id, orgId: a.hall.orgId, detail: { from: a.status, ...(suspendedUntil ? { suspendedUntil: toIso(suspendedUntil) } : {}) } }, meta)
    return true
  }, TX_OPTIONS)
  if (!ok) throw invalidState('该预约状态已变化，请刷新后重试')
  await announceAppointment(deps, a.id, 'CANCEL')
  return view(deps, a.id)
}

/** The lowest waiting queue number of the hall today (optionally only what a window handles) → CALLED. */
export async function callNext (deps: Deps, actor: StaffActor, hallId: string, windowId: string | undefined, meta: AuditMeta) {
  const hall = await deps.db.hall.findFirst({ where: { id: hallId, org: inSubtree(actor) }, select: { id: true, orgId: true } })
  if (!hall) throw notFound('服务中心')
  const win = await windowOfHall(deps, hall.id, windowId)
  const today = deps.clock.today()
  const waitingWhere: Prisma.AppointmentWhereInput = {
    hallId: hall.id, date: today, status: 'CHECKED_IN',
    ...(win ? { OR: [{ windowId: win }, { windowId: null, serviceItem: { windows: { some: { windowId: win } } } }] } : {}),
  }
  for (let attempt = 0; attempt < 20; attempt++) {
    const next = await deps.db.appointment.findFirst({ where: waitingWhere, orderBy: { queueSeq: 'asc' }, include: appointmentInclude })
    if (!next) return { item: null, waiting: 0 }
    const called = await deps.db.$transaction(async (tx) => {
      const r = await tx.appointment.updateMany({ where: { id: next.id, status: 'CHECKED_IN' }, data: { status: 'CALLED', calledAt: deps.clock.now(), handledById: actor.id, ...(win ? { windowId: win } : {}) } })
      if (r.count === 0) return false // another window called it first
      await followAppointment(tx, next.id, 'CALLED', deps.clock.now(), win)
      await announceCall(tx, next as AppointmentRow, win ?? next.windowId, deps.clock.now())
      await audit(tx, actor, { action: 'appointment.call', targetType: 'Appointment', targetId: next.id, orgId: hall.orgId, detail: { next: true, queueNumber: next.queueNumber, ...(win ? { windowId: win } : {}) } }, meta)
      return true
    }, TX_OPTIONS)
    if (called) {
      await announceAppointment(deps, next.id, 'CALL')
      return { item: await view(deps, next.id), waiting: await deps.db.appointment.count({ where: waitingWhere }) }
    }
  }
  throw invalidState('叫号繁忙，请重试')
}
