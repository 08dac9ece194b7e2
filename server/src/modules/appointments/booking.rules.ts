// Booking rules shared by the slot list and the booking itself: the bookable window (N working days from today,
// today counted when it is one; not past, working days only) and which slots serve which service item.
import crypto from 'node:crypto'
import type { Deps } from '../../platform/types'
import { AppError } from '../../platform/errors'
import { toIso } from '../../platform/clock'

export interface BookingWindow { today: string; last: string }

export async function bookingWindow (deps: Deps): Promise<BookingWindow> {
  const { maxWorkdaysAhead } = (await deps.settings.get()).booking
  const today = deps.clock.today()
  // 今天起 N 个工作日: today (when a working day) is the first of the N.
  return { today, last: deps.calendar.nextWorkdays(today, maxWorkdaysAhead).at(-1) ?? today }
}

/** Throws OUT_OF_WINDOW unless the slot can be booked now. */
export async function assertBookable (deps: Deps, slot: { date: string; startsAt: Date }): Promise<void> {
  const w = await bookingWindow(deps)
  const { maxWorkdaysAhead } = (await deps.settings.get()).booking
  if (slot.startsAt.getTime() <= deps.clock.now().getTime()) {
    throw new AppError('OUT_OF_WINDOW', '该时段已开始或已过去，请选择其他时段', { reason: 'PAST', date: slot.date })
  }
  if (slot.date > w.last) {
    throw new AppError('OUT_OF_WINDOW', `只能预约 ${maxWorkdaysAhead} 个工作日内（${w.last} 前）的时段`, { reason: 'TOO_FAR', lastBookableDate: w.last })
  }
  if (!deps.calendar.isWorkday(slot.date)) {
    throw new AppError('OUT_OF_WINDOW', `${slot.date} 不是工作日，不办理预约`, { reason: 'NOT_WORKDAY', date: slot.date })
  }
}

/** Windows (and their halls) where an item is handled. */
export async function itemWindows (deps: Deps, serviceItemId: string): Promise<{ windowIds: Set<string>; hallIds: Set<string> }> {
  const rows = await deps.db.windowServiceItem.findMany({
    where: { serviceItemId, window: { active: true, hall: { active: true } } },
    select: { windowId: true, window: { select: { hallId: true } } },
  })
  return { windowIds: new Set(rows.map((r) => r.windowId)), hallIds: new Set(rows.map((r) => r.window.hallId)) }
}

type SlotLike = { hallId: string; windowId: string | null; serviceItemIds: unknown }

/** A whole-hall slot serves the hall's items; a window slot its window's items; a template may narrow the list. */
export function slotServesItem (slot: SlotLike, serviceItemId: string, where: { windowIds: Set<string>; hallIds: Set<string> }): boolean {
  if (Array.isArray(slot.serviceItemIds) && !slot.serviceItemIds.includes(serviceItemId)) return false
  return slot.windowId ? where.windowIds.has(slot.windowId) : where.hallIds.has(slot.hallId)
}

/** Six-digit check-in code; uniqueness per hall and day is enforced by the database (retry on collision). */
export const newCheckInCode = (): string => String(crypto.randomInt(0, 1_000_000)).padStart(6, '0')

export const queueNumber = (prefix: string, seq: number): string => `${prefix}${String(seq).padStart(3, '0')}`

/** Free cancel until cutoff hours before the slot starts; later is a late cancel. */
export async function cancelDeadline (deps: Deps, startsAt: Date): Promise<Date> {
  const { cancelCutoffHours } = (await deps.settings.get()).booking
  return new Date(startsAt.getTime() - cancelCutoffHours * 3600_000)
}

export const suspendedError = (until: Date) => {
  const end = toIso(until)
  return new AppError('SUSPENDED', `因多次预约未到，您的预约资格已暂停至 ${end.slice(0, 10)} ${end.slice(11, 16)}，期间不能在线预约`, { suspendedUntil: end })
}
