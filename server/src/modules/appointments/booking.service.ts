// Booking, cancel and reschedule. Capacity is a conditional UPDATE (booked < capacity, not closed) inside the same
// transaction that inserts the appointment; one active booking per person/item/day is the unique activeKey; an
// Idempotency-Key row is claimed in that transaction too. Nothing relies on in-process locks.
import type { z } from 'zod'
import { pageUrl, type AppointmentDetail, type AppointmentView, type bookingInput } from '@bianmin/shared'
import type { Deps, StaffActor, Tx } from '../../platform/types'
import type { Prisma } from '../../generated/sqlite/client.js'
import { AppError, invalidState, notFound } from '../../platform/errors'
import { orgPathIn } from '../../platform/scope'
import { notify } from '../../platform/outbox'
import { audit, type AuditMeta } from '../../platform/audit'
import { atShanghai } from '../../platform/clock'
import { assertBookable, newCheckInCode, slotServesItem, suspendedError } from './booking.rules'
import { appointmentInclude, appointmentView, viewCtx, withQr, type AppointmentRow } from './appointment.mapper'
import { claim, IdempotencyHit, record, replay, type Idem } from './idempotency'
import { metrics } from '../../platform/metrics'
import { notifyRescheduled } from './appointment.notify'

export type Booker =
  | { kind: 'resident'; residentId: string; /** known from the request's actor (else read here) */ suspendedUntil?: Date | null }
  | { kind: 'staff'; actor: StaffActor; channel: 'PHONE' | 'PROXY'; meta: AuditMeta }

export const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 }
const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === 'P2002'

interface Prepared {
  slot: { id: string; hallId: string; windowId: string | null; date: string; start: string; end: string; startsAt: Date; closed: boolean }
  hall: { name: string; address: string; queuePrefix: string; orgId: string }
  window: { name: string } | null
  item: { id: string; name: string }
  activeKey: string
  phoneHash: string
}

/** Every check that needs no lock, in few queries; the seat itself is taken in the transaction. */
async function prepare (deps: Deps, input: { slotId: string; serviceItemId: string; contactPhone: string }, booker: Booker): Promise<Prepared> {
  const [slot, item] = await Promise.all([
    deps.db.slot.findUnique({
      where: { id: input.slotId },
      include: { hall: { select: { name: true, address: true, queuePrefix: true, orgId: true, active: true, org: { select: { path: true } } } }, window: { select: { name: true } } },
    }),
    deps.db.serviceItem.findFirst({
      where: { id: input.serviceItemId, active: true },
      select: { id: true, name: true, bookable: true, windows: { where: { window: { active: true, hall: { active: true } } }, select: { windowId: true, window: { select: { hallId: true } } } } },
    }),
  ])
  if (!slot || !slot.hall.active) throw notFound('预约时段')
  if (booker.kind === 'staff' && !orgPathIn(booker.actor, slot.hall.org.path)) throw notFound('预约时段')
  if (!item) throw notFound('事项')
  if (!item.bookable) throw invalidState('该事项无需预约，可直接前往办理或在线办理')
  const where = { windowIds: new Set(item.windows.map((w) => w.windowId)), hallIds: new Set(item.windows.map((w) => w.window.hallId)) }
  if (!slotServesItem(slot, item.id, where)) throw invalidState('该时段不办理此事项，请选择其他时段')
  await assertBookable(deps, slot)
  if (slot.closed) throw new AppError('SLOT_FULL', '该时段已停止预约，请选择其他时段')
  if (booker.kind === 'resident') {
    const until = booker.suspendedUntil !== undefined ? booker.suspendedUntil
      : (await deps.db.resident.findUnique({ where: { id: booker.residentId }, select: { suspendedUntil: true } }))?.suspendedUntil
    if (until && until > deps.clock.now()) throw suspendedError(until)
  }
  const phoneHash = deps.cipher.blindIndex(input.contactPhone)
  // A clerk books by phone: the same phone may not hold the item that day through any channel (the app included).
  if (booker.kind === 'staff') await assertPhoneFree(deps, phoneHash, item.id, slot.date)
  const who = booker.kind === 'resident' ? booker.residentId : `tel:${phoneHash}`
  return { slot, hall: slot.hall, window: slot.window, item: { id: item.id, name: item.name }, activeKey: `${who}:${item.id}:${slot.date}`, phoneHash }
}

const ACTIVE = ['BOOKED', 'CHECKED_IN', 'CALLED'] as const

async function assertPhoneFree (deps: Deps, phoneHash: string, serviceItemId: string, date: string): Promise<void> {
  const held = await deps.db.appointment.findFirst({
    where: { contactPhoneHash: phoneHash, serviceItemId, date, status: { in: [...ACTIVE] } }, select: { id: true },
  })
  if (held) { metrics.bookingConflicts.inc(); throw new AppError('DUPLICATE', '该手机号当天已预约此事项，不能重复预约') }
}

const duplicate = () => { metrics.bookingConflicts.inc(); return new AppError('DUPLICATE', '同一事项每天只能预约一次，您已有当天的有效预约') }

/** Inside a transaction: take a seat and insert the appointment (throws SLOT_FULL when none is left). */
async function takeSeat (deps: Deps, tx: Tx, p: Prepared, input: z.output<typeof bookingInput>, booker: Booker, opts: { rescheduled?: boolean } = {}): Promise<AppointmentRow> {
  const seat = await tx.slot.updateMany({
    where: { id: p.slot.id, closed: false, booked: { lt: deps.db.slot.fields.capacity } },
    data: { booked: { increment: 1 } },
  })
  if (seat.count === 0) { metrics.bookingConflicts.inc(); throw new AppError('SLOT_FULL', '该时段已约满，请选择其他时段') }
  const now = deps.clock.now()
  const row = await tx.appointment.create({
    data: {
      residentId: booker.kind === 'resident' ? booker.residentId : null,
      slotId: p.slot.id, serviceItemId: p.item.id, hallId: p.slot.hallId, windowId: p.slot.windowId, date: p.slot.date,
      code: newCheckInCode(), activeKey: p.activeKey, contactName: input.contactName, contactPhoneEnc: deps.cipher.encrypt(input.contactPhone), contactPhoneHash: p.phoneHash,
      note: input.note ?? null, channel: booker.kind === 'resident' ? 'APP' : booker.channel,
      bookedById: booker.kind === 'staff' ? booker.actor.id : null, createdAt: now,
    },
  })
  const a: AppointmentRow = {
    ...row, slot: { start: p.slot.start, end: p.slot.end, startsAt: p.slot.startsAt }, serviceItem: { name: p.item.name }, hall: p.hall, window: p.window,
  }
  if (a.residentId && !opts.rescheduled) { // a reschedule says so in its own message
    await notify(tx, {
      residentId: a.residentId, kind: 'BOOKING_CONFIRMED', title: '预约成功',
      body: `您已预约 ${a.date} ${a.slot.start}-${a.slot.end} 在${a.hall.name}办理“${a.serviceItem.name}”，签到码 ${a.code}。请按时前往。`,
      data: { page: pageUrl('appointmentDetail', { id: a.id }), appointmentId: a.id }, dedupeKey: `booked:${a.id}`,
    }, now)
  }
  if (booker.kind === 'staff') {
    await audit(tx, booker.actor, {
      action: 'appointment.book_on_behalf', targetType: 'Appointment', targetId: a.id, orgId: a.hall.orgId,
      detail: { channel: booker.channel, slotId: a.slotId, serviceItemId: a.serviceItemId },
    }, booker.meta)
  }
  return a
}

/** Runs a booking transaction; on a unique violation tells a duplicate from a code collision (then retries). */
async function withRetry<T> (deps: Deps, activeKey: string, fn: () => Promise<T>, exceptId?: string): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn()
    } catch (err) {
      if (!isUniqueViolation(err)) throw err
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
    // The stored result omits the QR image (derived from the code): nothing slow runs while the seat row is locked.
    const view = await withRetry(deps, p.activeKey, () => deps.db.$transaction(async (tx) => {
      if (idem) await claim(tx, idem, deps.clock.now())
      const v = appointmentView(await takeSeat(deps, tx, p, input, booker), ctx)
      if (idem) await record(tx, idem, 201, v)
      return v
    }, TX_OPTIONS))
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
    const next = await takeSeat(deps, tx, p, input, booker, { rescheduled: true })
    await notifyRescheduled(tx, old, deps.clock.now(), next)
    return appointmentView(next, ctx)
  }, TX_OPTIONS), old.id)
  return withQr(view)
}
