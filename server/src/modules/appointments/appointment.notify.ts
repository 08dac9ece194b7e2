// Messages for the state changes of a booking a resident cares about (PRODUCT.md reminders): rescheduled, checked
// in, called (which window), done with an invitation to rate. Written in the transaction of the change (a reschedule
// also links the old booking to the new one).
import { pageUrl } from '@bianmin/shared'
import type { Tx } from '../../platform/types'
import { notify } from '../../platform/outbox'

interface Booking {
  id: string; residentId: string | null; date: string; code: string
  slot: { start: string; end: string }; serviceItem: { name: string }; hall: { name: string }
}
const detail = (id: string) => ({ page: pageUrl('appointmentDetail', { id }), appointmentId: id })
const when = (a: Booking) => `${a.date} ${a.slot.start}-${a.slot.end}`

/** The new booking's message; the old booking's 预约成功 message says its code is void. */
export async function notifyRescheduled (tx: Tx, old: Booking, now: Date, next: Booking): Promise<void> {
  // The old booking points at the new one, so it reads 已改约 (not a plain 已取消).
  await tx.appointment.update({ where: { id: old.id }, data: { rescheduledToId: next.id } })
  if (!next.residentId) return
  const void_ = `（已改约到 ${when(next)}，此签到码 ${old.code} 已作废）`
  for (const m of await tx.notification.findMany({ where: { residentId: next.residentId, dedupeKey: { in: [`booked:${old.id}`, `rescheduled:${old.id}`] } }, select: { id: true, title: true, body: true } })) {
    if (!m.body.endsWith(void_)) await tx.notification.update({ where: { id: m.id }, data: { title: `${m.title}（已改约）`, body: `${m.body}${void_}` } })
  }
  await notify(tx, {
    residentId: next.residentId, kind: 'BOOKING_RESCHEDULED', title: '预约已改约',
    body: `您在${next.hall.name}办理“${next.serviceItem.name}”的预约已由 ${when(old)} 改到 ${when(next)}，新签到码 ${next.code}；原签到码 ${old.code} 已作废。`,
    data: { ...detail(next.id), previousAppointmentId: old.id }, dedupeKey: `rescheduled:${next.id}`,
  }, now)
}

export async function notifyCheckedIn (tx: Tx, a: Booking, queueNumber: string, now: Date): Promise<void> {
  if (!a.residentId) return
  await notify(tx, {
    residentId: a.residentId, kind: 'BOOKING_CHECKED_IN', title: '已签到取号',
    body: `您已在${a.hall.name}签到，排队号 ${queueNumber}。叫到您的号码时我们会再通知您。`,
    data: { ...detail(a.id), queueNumber }, dedupeKey: `checked-in:${a.id}`,
  }, now)
}

export async function notifyCalled (tx: Tx, a: Booking & { queueNumber: string | null }, window: { name: string; number: string } | null, now: Date, seq: number): Promise<void> {
  if (!a.residentId) return
  const at = window ? `${window.number} 号窗口（${window.name}）` : '窗口'
  await notify(tx, {
    residentId: a.residentId, kind: 'BOOKING_CALLED', title: '请到窗口办理',
    body: `请 ${a.queueNumber ?? ''} 号到${at}办理“${a.serviceItem.name}”。`,
    data: { ...detail(a.id), window: window ? `${window.number} 号窗口` : null }, dedupeKey: `called:${a.id}:${seq}`,
  }, now)
}

export async function notifyDone (tx: Tx, a: Booking, now: Date): Promise<void> {
  if (!a.residentId) return
  await notify(tx, {
    residentId: a.residentId, kind: 'BOOKING_DONE', title: '已办结，欢迎评价',
    body: `您在${a.hall.name}办理的“${a.serviceItem.name}”已办结，欢迎对本次服务作出评价（好差评）。`,
    data: { page: pageUrl('ratingRate', { subjectType: 'APPOINTMENT', subjectId: a.id }), appointmentId: a.id }, dedupeKey: `done:${a.id}`,
  }, now)
}
