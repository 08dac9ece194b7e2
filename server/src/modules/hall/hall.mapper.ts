// Ticket rows → the contract's ticket shapes (resident and staff).
import type { StaffTicket, TicketChannel, TicketView } from '@bianmin/shared'
import type { FieldCipher } from '../../platform/crypto'
import { maskName, maskPhone } from '../../platform/crypto'
import { toIso } from '../../platform/clock'

export const ticketInclude = {
  hall: { select: { name: true, orgId: true } },
  serviceItem: { select: { name: true } },
  window: { select: { name: true, number: true } },
} as const

export interface TicketRow {
  id: string; hallId: string; date: string; line: string; lineName: string; seq: number; number: string; serviceItemId: string
  channel: string; status: 'WAITING' | 'CALLED' | 'DONE' | 'SKIPPED' | 'CANCELLED'; residentId: string | null; appointmentId: string | null
  contactName: string | null; contactPhoneEnc: string | null; rankAt: Date; windowId: string | null; transferredTo: string | null
  firstCalledAt: Date | null; calledAt: Date | null; doneAt: Date | null; skippedAt: Date | null; cancelledAt: Date | null
  recallCount: number; skipRecalled: boolean; createdAt: Date
  hall: { name: string; orgId: string }; serviceItem: { name: string }; window: { name: string; number: string } | null
}

export interface TicketExtras { ahead: number; estimatedWaitMinutes?: number; ratingId?: string | null; today: string }

const opt = (d: Date | null) => (d ? toIso(d) : undefined)

export function ticketView (t: TicketRow, x: TicketExtras): TicketView {
  return {
    id: t.id, hallId: t.hallId, hallName: t.hall.name, serviceItemId: t.serviceItemId, serviceItemName: t.serviceItem.name,
    number: t.number, line: t.line, lineName: t.lineName, date: t.date, status: t.status, channel: t.channel as TicketChannel,
    ...(t.windowId && t.window ? { windowId: t.windowId, windowName: t.window.name, windowNumber: t.window.number } : {}),
    ahead: t.status === 'WAITING' ? x.ahead : 0,
    ...(t.status === 'WAITING' && x.estimatedWaitMinutes !== undefined ? { estimatedWaitMinutes: x.estimatedWaitMinutes } : {}),
    createdAt: toIso(t.createdAt),
    calledAt: opt(t.calledAt), doneAt: opt(t.doneAt), skippedAt: opt(t.skippedAt), cancelledAt: opt(t.cancelledAt),
    recallCount: t.recallCount,
    canRecallSkipped: t.status === 'SKIPPED' && !t.skipRecalled && t.date === x.today,
    canCancel: t.status === 'WAITING' && t.channel !== 'APPOINTMENT',
    ...(t.status === 'DONE'
      ? { rating: { subjectType: t.appointmentId ? 'APPOINTMENT' as const : 'TICKET' as const, subjectId: t.appointmentId ?? t.id, ratingId: x.ratingId ?? null } }
      : {}),
  }
}

export function staffTicketView (t: TicketRow, x: TicketExtras, cipher: FieldCipher): StaffTicket {
  return {
    ...ticketView(t, x),
    ...(t.appointmentId ? { appointmentId: t.appointmentId } : {}),
    ...(t.residentId ? { residentId: t.residentId } : {}),
    ...(t.contactName ? { contactName: maskName(t.contactName) } : {}),
    ...(t.contactPhoneEnc ? { contactPhone: maskPhone(cipher.decrypt(t.contactPhoneEnc)) } : {}),
  }
}

/** Median of a list of numbers (null when empty). */
export function median (xs: number[]): number | null {
  if (!xs.length) return null
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
