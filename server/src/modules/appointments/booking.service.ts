// Booking, cancel and reschedule. Capacity is a conditional UPDATE (booked < capacity, not closed) in the same
// statement/transaction that inserts the appointment (booking.sql); one active booking per person/item/day is the
// unique activeKey; the Idempotency-Key row is written there too. Nothing relies on in-process locks.
import type { z } from 'zod'
import { pageUrl, type AppointmentDetail, type AppointmentView, type bookingInput } from '@bianmin/shared'
import type { Deps, StaffActor, Tx } from '../../platform/types'
import type { Prisma } from '../../generated/sqlite/client.js'
import { AppError, invalidState, notFound } from '../../platform/errors'
import { orgPathIn } from '../../platform/scope'
import { notify } from '../../platform/outbox'
import { audit, type AuditMeta } from '../../platform/audit'
import { atShanghai } from '../../platform/clock'
import { assertBookable, newCheckInCode, suspendedError } from './booking.rules'
import { appointmentInclude, appointmentView, viewCtx, withQr, type AppointmentRow, type ViewCtx } from './appointment.mapper'
import { IdempotencyHit, replay, type Idem } from './idempotency'
import { loadTarget, newId, uniqueFields, writeBooking } from './booking.sql'
import { metrics } from '../../platform/metrics'
import { notifyRescheduled } from './appointment.notify'

export type Booker =
  | { kind: 'resident'; residentId: string; /** known from the request's actor (else read here) */ suspendedUntil?: Date | null }
  | { kind: 'staff'; actor: StaffActor; channel: 'PHONE' | 'PROXY'; meta: AuditMeta }

export const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 }

interface Prepared {
  slot: { id: string; hallId: string; windowId: string | null; date: string; start: string; end: string; startsAt: Date; closed: boolean }
  hall: { name: string; address: string; queuePrefix: string; orgId: string }
  window: { name: string } | null
  item: { id: string; name: string }
  activeKey: string
  phoneHash: string
}

/** Every check that needs no lock, from one query (booking.sql); the seat itself is taken in the write. */
async function prepare (deps: Deps, input: { slotId: string; serviceItemId: string; contactPhone: string }, booker: Booker): Promise<Prepared> {
  const t = await loadTarget(deps.db, input.slotId, input.serviceItemId)
  if (!t || !t.hallActive) throw notFound('预约时段')
  if (booker.kind === 'staff' && !orgPathIn(booker.actor, t.orgPath)) throw notFound('预约时段')
  if (!t.itemId || !t.itemName) throw notFound('事项')
  if (!t.bookable) throw invalidState('该事项无需预约，可直接前往办理或在线办理')
  if (!t.serves || (Array.isArray(t.serviceItemIds) && !t.serviceItemIds.includes(t.itemId))) throw invalidState('该时段不办理此事项，请选择其他时段')
  await assertBookable(deps, t)
  if (t.closed) throw new AppError('SLOT_FULL', '该时段已停止预约，请选择其他时段')
  // Already full when read: refused without queueing on the slot row (the write re-checks for the others).
  if (t.booked >= t.capacity) { metrics.bookingConflicts.inc(); throw new AppError('SLOT_FULL', '该时段已约满，请选择其他时段') }
  if (booker.kind === 'resident') {
    const until = booker.suspendedUntil !== undefined ? booker.suspendedUntil
      : (await deps.db.resident.findUnique({ where: { id: booker.residentId }, select: { suspendedUntil: true } }))?.suspendedUntil
    if (until && until > deps.clock.now()) throw suspendedError(until)
  }
  const phoneHash = deps.cipher.blindIndex(input.contactPhone)
  // A clerk books by phone: the same phone may not hold the item that day through any channel (the app included).
  if (booker.kind === 'staff') await assertPhoneFree(deps, phoneHash, t.itemId, t.date)
  const who = booker.kind === 'resident' ? booker.residentId : `tel:${phoneHash}`
  return {
    slot: { id: t.id, hallId: t.hallId, windowId: t.windowId, date: t.date, start: t.start, end: t.end, startsAt: t.startsAt, closed: t.closed },
    hall: { name: t.hallName, address: t.hallAddress, queuePrefix: t.queuePrefix, orgId: t.orgId },
    window: t.windowName === null ? null : { name: t.windowName },
    item: { id: t.itemId, name: t.itemName }, activeKey: `${who}:${t.itemId}:${t.date}`, phoneHash,
  }
}

const ACTIVE = ['BOOKED', 'CHECKED_IN', 'CALLED'] as const

async function assertPhoneFree (deps: Deps, phoneHash: string, serviceItemId: string, date: string): Promise<void> {
  const held = await deps.db.appointment.findFirst({
    where: { contactPhoneHash: phoneHash, serviceItemId, date, status: { in: [...ACTIVE] } }, select: { id: true },
  })
  if (held) { metrics.bookingConflicts.inc(); throw new AppError('DUPLICATE', '该手机号当天已预约此事项，不能重复预约') }
}

const duplicate = () => { metrics.bookingConflicts.inc(); return new AppError('DUPLICATE', '同一事项每天只能预约一次，您已有当天的有效预约') }

/**
 * Takes a seat and writes the appointment, its 预约成功 message and (with a key) the Idempotency-Key row holding the
 * result, in one statement or transaction (booking.sql); throws SLOT_FULL when none is left. Staff bookings are
 * audited in the caller's transaction.
 */
async function takeSeat (deps: Deps, tx: Tx | Deps['db'], p: Prepared, input: z.output<typeof bookingInput>, booker: Booker, ctx: ViewCtx,
  opts: { rescheduled?: boolean; idem?: Idem | null } = {}): Promise<{ row: AppointmentRow; view: AppointmentView }> {
  const now = deps.clock.now()
  const seat = {
    id: newId(), residentId: booker.kind === 'resident' ? booker.residentId : null,
    slotId: p.slot.id, serviceItemId: p.item.id, hallId: p.slot.hallId, windowId: p.slot.windowId, date: p.slot.date,
    code: newCheckInCode(), activeKey: p.activeKey, contactName: input.contactName, contactPhoneEnc: deps.cipher.encrypt(input.contactPhone), contactPhoneHash: p.phoneHash,
    note: input.note ?? null, channel: booker.kind === 'resident' ? 'APP' : booker.channel, bookedById: booker.kind === 'staff' ? booker.actor.id : null, createdAt: now,
  }
  const row: AppointmentRow = {
    ...seat, status: 'BOOKED', queueNumber: null, cancelReason: null, cancelledAt: null, checkedInAt: null, calledAt: null, doneAt: null, noShowAt: null,
    slot: { start: p.slot.start, end: p.slot.end, startsAt: p.slot.startsAt }, serviceItem: { name: p.item.name }, hall: p.hall, window: p.window,
  }
  const view = appointmentView(row, ctx)
  // A reschedule says so in its own message.
  const msg = row.residentId && !opts.rescheduled
    ? {
        id: newId(), residentId: row.residentId, title: '预约成功', dedupeKey: `booked:${row.id}`,
        body: `您已预约 ${row.date} ${row.slot.start}-${row.slot.end} 在${row.hall.name}办理“${row.serviceItem.name}”，签到码 ${row.code}。请按时前往。`,
        data: { page: pageUrl('appointmentDetail', { id: row.id }), appointmentId: row.id },
      }
    : null
  const idem = opts.idem ? { ...opts.idem, body: view } : null
  if (!await writeBooking(deps, tx, seat, msg, idem)) { metrics.bookingConflicts.inc(); throw new AppError('SLOT_FULL', '该时段已约满，请选择其他时段') }
  if (booker.kind === 'staff') {
    await audit(tx as Tx, booker.actor, {
      action: 'appointment.book_on_behalf', targetType: 'Appointment', targetId: row.id, orgId: row.hall.orgId,
      detail: { channel: booker.channel, slotId: row.slotId, serviceItemId: row.serviceItemId },
    }, booker.meta)
  }
  return { row, view }
}

/** Runs a booking write; on a unique violation tells a used key or a duplicate from a code collision (then retries). */
async function withRetry<T> (deps: Deps, activeKey: string, fn: () => Promise<T>, exceptId?: string, idem?: Idem | null): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn()
    } catch (err) {
      const fields = uniqueFields(err)
      if (fields === null) throw err
      // The same key committed meanwhile (its booking may have hit the activeKey index first): replay it.
      if (fields.includes('scope') && fields.includes('key')) throw new IdempotencyHit()
      if (idem && await deps.db.idempotencyKey.findUnique({ where: { scope_key: { scope: idem.scope, key: idem.key } }, select: { id: true } })) throw new IdempotencyHit()
      const holder = await deps.db.appointment.findUnique({ where: { activeKey }, select: { id: true } })
      if (holder && holder.id !== exceptId) throw duplicate()
      if (attempt >= 4) throw new AppError('CONFLICT', '预约繁忙，请稍后重试')
    }
  }
}

export async function book (deps: Deps, input: z.output<typeof bookingInput>, booker: Booker, idem: Idem | null): Promise<AppointmentDetail> {
  if (idem) {
    const prior = await replay<AppointmentView>(deps, idem)
    if (prior) return withQr(prior)
  }
  const p = await prepare(deps, input, booker)
  const ctx = await viewCtx(deps)
  try {
    // A resident's booking is one write on its own; a clerk's is a transaction with its audit entry. The stored
    // result omits the QR image (derived from the code).
    const view = await withRetry(deps, p.activeKey, async () => booker.kind === 'staff'
      ? deps.db.$transaction(async (tx) => (await takeSeat(deps, tx, p, input, booker, ctx, { idem })).view, TX_OPTIONS)
      : (await takeSeat(deps, deps.db, p, input, booker, ctx, { idem })).view, undefined, idem)
    return withQr(view)
  } catch (err) {
    if (err instanceof IdempotencyHit && idem) {
      const prior = await replay<AppointmentView>(deps, idem)
      if (prior) return withQr(prior)
    }
    throw err
  }
}

type CancelOutcome = 'CANCELLED' | 'LATE_CANCELLED'

/** Inside a transaction: cancel a BOOKED appointment and free its seat. */
async function releaseSeat (deps: Deps, tx: Tx, a: { id: string; slotId: string }, status: CancelOutcome, reason?: string): Promise<void> {
  const r = await tx.appointment.updateMany({
    where: { id: a.id, status: 'BOOKED' },
    data: { status, cancelledAt: deps.clock.now(), activeKey: null, ...(reason ? { cancelReason: reason } : {}) },
  })
  if (r.count === 0) throw invalidState('该预约已签到、已取消或已办结，不能取消')
  await tx.slot.updateMany({ where: { id: a.slotId, booked: { gt: 0 } }, data: { booked: { decrement: 1 } } })
}

async function cancelOutcome (deps: Deps, a: { status: string; date: string; slot: { startsAt: Date; end: string } }): Promise<CancelOutcome> {
  if (a.status !== 'BOOKED') throw invalidState('该预约已签到、已取消或已办结，不能取消')
  const now = deps.clock.now()
  if (now >= atShanghai(a.date, a.slot.end)) throw invalidState('预约时段已结束，不能取消')
  const { cancelCutoffHours } = (await deps.settings.get()).booking
  return now.getTime() > a.slot.startsAt.getTime() - cancelCutoffHours * 3600_000 ? 'LATE_CANCELLED' : 'CANCELLED'
}

export async function cancel (deps: Deps, where: Prisma.AppointmentWhereInput, by: { actor?: StaffActor; meta?: AuditMeta; reason?: string } = {}) {
  const a = await deps.db.appointment.findFirst({ where, include: appointmentInclude })
  if (!a) throw notFound('预约')
  const status = await cancelOutcome(deps, a)
  await deps.db.$transaction(async (tx) => {
    await releaseSeat(deps, tx, a, status, by.reason)
    if (by.actor) {
      await audit(tx, by.actor, { action: 'appointment.cancel_on_behalf', targetType: 'Appointment', targetId: a.id, orgId: a.hall.orgId, detail: { status, reason: by.reason ?? null } }, by.meta)
      if (a.residentId) {
        await notify(tx, {
          residentId: a.residentId, kind: 'BOOKING_CANCELLED', title: '预约已由工作人员取消',
          body: `您 ${a.date} ${a.slot.start}-${a.slot.end} 在${a.hall.name}办理“${a.serviceItem.name}”的预约已由工作人员取消${by.reason ? `，原因：${by.reason}` : ''}。如需办理请重新预约。`,
          data: { page: pageUrl('appointmentDetail', { id: a.id }), appointmentId: a.id }, dedupeKey: `staff-cancel:${a.id}`,
        }, deps.clock.now())
      }
    }
  }, TX_OPTIONS)
  return deps.db.appointment.findUniqueOrThrow({ where: { id: a.id }, include: appointmentInclude })
}

/** Cancel + book in one transaction: if the new slot cannot be booked the old booking stays. */
export async function reschedule (deps: Deps, residentId: string, id: string, slotId: string): Promise<AppointmentDetail> {
  const old = await deps.db.appointment.findFirst({ where: { id, residentId }, include: appointmentInclude })
  if (!old) throw notFound('预约')
  if (old.slotId === slotId) throw invalidState('新时段与原预约相同')
  const status = await cancelOutcome(deps, old)
  const input = { slotId, serviceItemId: old.serviceItemId, contactName: old.contactName, contactPhone: deps.cipher.decrypt(old.contactPhoneEnc), note: old.note ?? undefined }
  const booker: Booker = { kind: 'resident', residentId }
  const p = await prepare(deps, input, booker)
  const clash = await deps.db.appointment.findUnique({ where: { activeKey: p.activeKey }, select: { id: true } })
  if (clash && clash.id !== old.id) throw duplicate()
  const ctx = await viewCtx(deps)
  const view = await withRetry(deps, p.activeKey, () => deps.db.$transaction(async (tx) => {
    await releaseSeat(deps, tx, old, status)
    const next = await takeSeat(deps, tx, p, input, booker, ctx, { rescheduled: true })
    await notifyRescheduled(tx, old, deps.clock.now(), next.row)
    return next.view
  }, TX_OPTIONS), old.id)
  return withQr(view)
}
