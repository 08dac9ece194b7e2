// Scheduled work of the appointments domain. Each job is idempotent (a second instance or a restart repeats nothing
// harmful): slot generation skips existing slots, reminders are deduplicated per appointment.
import { pageUrl } from '@bianmin/shared'
import type { Deps } from '../../platform/types'
import { defineJob } from '../../platform/jobs'
import { addDays, shanghaiTime } from '../../platform/clock'
import { notify } from '../../platform/outbox'
import { generateAllSlots } from './slot.generator'

/** Slots up to the booking horizon, once a day (and on start); calendar overrides are re-read first. */
export async function dailySlots (deps: Deps): Promise<void> {
  await deps.calendar.load()
  const n = await generateAllSlots(deps)
  if (n) deps.log.info({ slots: n }, '已生成预约时段')
}

/** The day before: a reminder for every booking of tomorrow (one per appointment: dedupeKey reminder:<id>). */
export async function sendReminders (deps: Deps): Promise<number> {
  const tomorrow = addDays(deps.clock.today(), 1)
  const rows = await deps.db.appointment.findMany({
    where: { date: tomorrow, status: 'BOOKED', residentId: { not: null } },
    include: { slot: { select: { start: true, end: true } }, hall: { select: { name: true, address: true } }, serviceItem: { select: { name: true } } },
  })
  const now = deps.clock.now()
  for (const a of rows) {
    await notify(deps.db, {
      residentId: a.residentId!, kind: 'BOOKING_REMINDER', title: '明日预约提醒',
      body: `您预约了明天（${a.date}）${a.slot.start}-${a.slot.end} 在${a.hall.name}（${a.hall.address}）办理“${a.serviceItem.name}”，签到码 ${a.code}。请带齐材料按时前往；如不能前往请提前取消。`,
      data: { page: pageUrl('appointmentDetail', { id: a.id }), appointmentId: a.id }, dedupeKey: `reminder:${a.id}`,
    }, now)
  }
  return rows.length
}

/** Idempotency keys are kept for a day. */
export async function pruneIdempotencyKeys (deps: Deps): Promise<void> {
  await deps.db.idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(deps.clock.now().getTime() - 86400_000) } } })
}

export const slotsJob = defineJob({ name: 'appointments.slots', everyMs: 3600_000, key: (d) => d.clock.today(), run: dailySlots })
// Every 10 minutes from 09:00, so bookings made later in the day for tomorrow are reminded too (deduplicated).
export const remindersJob = defineJob({ name: 'appointments.reminders', everyMs: 600_000, run: async (d) => { if (shanghaiTime(d.clock.now()) >= '09:00') await sendReminders(d) } })
export const idempotencyPruneJob = defineJob({ name: 'appointments.idempotency-prune', everyMs: 3600_000, key: (d) => d.clock.today(), run: pruneIdempotencyKeys })
