// Appointment rows → response shapes. Contact phones are decrypted only to be masked.
import type { AppointmentDetail, AppointmentView, StaffAppointment } from '@bianmin/shared'
import type { Deps } from '../../platform/types'
import { atShanghai, toIso, toIsoOrNull } from '../../platform/clock'
import { maskPhone } from '../../platform/crypto'
import QRCode from 'qrcode'

export const appointmentInclude = {
  slot: { select: { start: true, end: true, startsAt: true } },
  serviceItem: { select: { name: true } },
  hall: { select: { name: true, address: true, queuePrefix: true, orgId: true } },
  window: { select: { name: true } },
} as const

export interface AppointmentRow {
  id: string; status: AppointmentView['status']; slotId: string; serviceItemId: string; hallId: string; windowId: string | null; date: string
  code: string; queueNumber: string | null; contactName: string; contactPhoneEnc: string; note: string | null; channel: string
  residentId: string | null; bookedById: string | null; cancelReason: string | null
  createdAt: Date; cancelledAt: Date | null; checkedInAt: Date | null; calledAt: Date | null; doneAt: Date | null; noShowAt: Date | null
  slot: { start: string; end: string; startsAt: Date }
  serviceItem: { name: string }
  hall: { name: string; address: string; queuePrefix: string; orgId: string }
  window: { name: string } | null
}

export interface ViewCtx { deps: Deps; now: Date; cutoffHours: number }

export async function viewCtx (deps: Deps): Promise<ViewCtx> {
  return { deps, now: deps.clock.now(), cutoffHours: (await deps.settings.get()).booking.cancelCutoffHours }
}

function maskedPhone (deps: Deps, enc: string): string {
  try { return maskPhone(deps.cipher.decrypt(enc)) } catch { return '****' }
}

export function appointmentView (a: AppointmentRow, c: ViewCtx): AppointmentView {
  const ends = atShanghai(a.date, a.slot.end)
  return {
    id: a.id, status: a.status, slotId: a.slotId, serviceItemId: a.serviceItemId, serviceItemName: a.serviceItem.name,
    hallId: a.hallId, hallName: a.hall.name, hallAddress: a.hall.address, windowId: a.windowId, windowName: a.window?.name ?? null,
    date: a.date, start: a.slot.start, end: a.slot.end, startsAt: toIso(a.slot.startsAt),
    code: a.code, queueNumber: a.queueNumber, contactName: a.contactName, contactPhone: maskedPhone(c.deps, a.contactPhoneEnc), note: a.note,
    channel: a.channel as AppointmentView['channel'],
    cancelDeadline: toIso(new Date(a.slot.startsAt.getTime() - c.cutoffHours * 3600_000)),
    canCancel: a.status === 'BOOKED' && c.now < ends,
    createdAt: toIso(a.createdAt), cancelledAt: toIsoOrNull(a.cancelledAt), checkedInAt: toIsoOrNull(a.checkedInAt),
    calledAt: toIsoOrNull(a.calledAt), doneAt: toIsoOrNull(a.doneAt),
  }
}

export const qrPayload = (a: { hallId: string; code: string }) => `bianmin://check-in?hall=${a.hallId}&code=${a.code}`

/**
 * The view plus the check-in QR code (derived from hall and code, so a stored view can be completed later). A fixed
 * mask pattern skips scoring all eight (most of the cost of a symbol; any mask scans the same).
 */
export async function withQr (v: AppointmentView): Promise<AppointmentDetail> {
  const payload = qrPayload(v)
  const svg = await QRCode.toString(payload, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', maskPattern: 0 })
  return { ...v, qrPayload: payload, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` }
}

export const appointmentDetail = (a: AppointmentRow, c: ViewCtx): Promise<AppointmentDetail> => withQr(appointmentView(a, c))

export const staffAppointmentView = (a: AppointmentRow, c: ViewCtx): StaffAppointment => ({
  ...appointmentView(a, c), residentId: a.residentId, bookedById: a.bookedById, noShowAt: toIsoOrNull(a.noShowAt), cancelReason: a.cancelReason,
})
