// Closing slots: the one path for a slot, a whole day of a hall and new holidays from the calendar. Inside the caller's
// transaction: the slots stop taking bookings first, then their bookings are cancelled and the residents notified.
import { pageUrl } from '@bianmin/shared'
import type { Tx } from '../../platform/types'
import { notify } from '../../platform/outbox'

export const DEFAULT_CLOSE_REASON = '服务中心临时调整'

/** Closes the open slots among `slotIds`; returns how many slots were closed and bookings cancelled. */
export async function closeSlots (tx: Tx, slotIds: string[], reason: string, now: Date): Promise<{ closed: number; cancelled: number }> {
  if (!slotIds.length) return { closed: 0, cancelled: 0 }
  const slots = await tx.slot.findMany({ where: { id: { in: slotIds }, closed: false }, include: { hall: { select: { name: true } } } })
  if (!slots.length) return { closed: 0, cancelled: 0 }
  const ids = slots.map((s) => s.id)
  await tx.slot.updateMany({ where: { id: { in: ids } }, data: { closed: true, closedReason: reason } })
  // The slots no longer take bookings (closed above), so this list is complete.
  const victims = await tx.appointment.findMany({ where: { slotId: { in: ids }, status: 'BOOKED' }, select: { id: true, residentId: true, slotId: true } })
  if (victims.length) {
    await tx.appointment.updateMany({ where: { id: { in: victims.map((v) => v.id) }, status: 'BOOKED' }, data: { status: 'CANCELLED', cancelledAt: now, activeKey: null } })
    const perSlot = new Map<string, number>()
    for (const v of victims) perSlot.set(v.slotId, (perSlot.get(v.slotId) ?? 0) + 1)
    for (const [id, n] of perSlot) await tx.slot.update({ where: { id }, data: { booked: { decrement: n } } })
  }
  const byId = new Map(slots.map((s) => [s.id, s]))
  for (const v of victims) {
    const slot = byId.get(v.slotId)!
    if (!v.residentId) continue
    await notify(tx, {
      residentId: v.residentId, kind: 'SLOT_CLOSED', title: '预约时段已取消',
      body: `很抱歉，${slot.hall.name} ${slot.date} ${slot.start}-${slot.end} 的时段因“${reason}”停止办理，您的预约已取消，请重新预约其他时段。`,
      data: { page: pageUrl('appointmentDetail', { id: v.id }), appointmentId: v.id }, dedupeKey: `slot-closed:${v.id}`,
    }, now)
  }
  return { closed: slots.length, cancelled: victims.length }
}
