// Importing the yearly 节假日安排: the notice's text (calendar.notice.ts) or ranges entered by hand → the named days of
// that year, a preview of every day whose status changes, then saved as overrides carrying the notice's name. A year
// has one notice: a new import replaces the earlier one. New days off close their slots (bookings cancelled, residents
// notified: the same path as closing a day); new working days get slots from the templates.
import type { z } from 'zod'
import type { calendarImportInput } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import { AppError } from '../../platform/errors'
import { audit, type AuditMeta } from '../../platform/audit'
import { addDays } from '../../platform/clock'
import { WorkCalendar } from '../../platform/calendar'
import { closeSlots } from '../appointments/slot.close'
import { TX_OPTIONS } from '../appointments/booking.service'
import { generateAllSlots } from '../appointments/slot.generator'
import { parseNotice } from './calendar.notice'

type Input = z.output<typeof calendarImportInput>
interface Named { isWorkday: boolean; note: string }

const bad = (message: string, path = 'text'): AppError => new AppError('VALIDATION_FAILED', message, [{ path, message }])

/** The year, name and named days of an import (400 with a Chinese message when the text or ranges do not add up). */
export function readImport (input: Input) {
  const holidays: { name: string; from: string; to: string; days: number }[] = []
  const workdays: { name: string; date: string }[] = []
  const named = new Map<string, Named>()
  let year = input.year ?? null
  let title: string | null = null
  const put = (date: string, v: Named, path: string) => {
    const had = named.get(date)
    if (had && had.isWorkday !== v.isWorkday) throw bad(`${date} 既是放假日又是上班日，请检查`, path)
    named.set(date, v)
  }
  if (input.text) {
    const p = parseNotice(input.text, input.year)
    if (p.problems.length) throw new AppError('VALIDATION_FAILED', p.problems[0]!, p.problems.map((message) => ({ path: 'text', message })))
    year = p.year
    title = p.title
    for (const h of p.holidays) {
      holidays.push({ name: h.name, from: h.from, to: h.to, days: h.dates.length })
      for (const d of h.dates) put(d, { isWorkday: false, note: `${h.name}放假` }, 'text')
    }
    for (const w of p.workdays) { workdays.push(w); put(w.date, { isWorkday: true, note: `${w.name}调休上班` }, 'text') }
  }
  for (const [i, r] of (input.ranges ?? []).entries()) {
    year ??= Number(r.to.slice(0, 4))
    const span: string[] = []
    for (let d = r.from; d <= r.to; d = addDays(d, 1)) {
      span.push(d)
      if (span.length > 31) throw bad('一段最多 31 天', `ranges.${i}.to`)
    }
    if (r.isWorkday) for (const d of span) { workdays.push({ name: r.name, date: d }); put(d, { isWorkday: true, note: `${r.name}调休上班` }, `ranges.${i}`) }
    else { holidays.push({ name: r.name, from: r.from, to: r.to, days: span.length }); for (const d of span) put(d, { isWorkday: false, note: `${r.name}放假` }, `ranges.${i}`) }
  }
  if (!year) throw bad('请填写年份', 'year')
  const first = `${year - 1}-12-01`
  const last = `${year}-12-31`
  for (const d of named.keys()) if (d < first || d > last) throw bad(`${d} 不在 ${year} 年的节假日安排范围内`, input.ranges?.length ? 'ranges' : 'text')
  const name = input.name?.trim() || title || (input.text ? `${year}年部分节假日安排` : '')
  if (!name) throw bad('请填写通知名称（如“国务院办公厅关于2027年部分节假日安排的通知”）', 'name')
  return { year, name, holidays, workdays, named, first, last }
}

export async function previewImport (deps: Deps, input: Input) {
  const r = readImport(input)
  const rows = await deps.db.calendarOverride.findMany()
  const earlier = rows.filter((o) => o.noticeYear === r.year)
  // The calendar as it will be: every other override kept, the year's earlier notice replaced by this one.
  const after = new WorkCalendar()
  for (const o of rows) {
    if (o.noticeYear === r.year) continue
    after.setOverride(o.date, o.isWorkday)
    if (o.noticeYear !== null) after.setNoticeYear(o.noticeYear, true)
  }
  for (const [d, v] of r.named) after.setOverride(d, v.isWorkday)
  after.setNoticeYear(r.year, true)
  const days = []
  for (let d = r.first; d <= r.last; d = addDays(d, 1)) {
    const was = deps.calendar.isWorkday(d)
    const now = after.isWorkday(d)
    const v = r.named.get(d)
    if (!v && was === now && !earlier.some((o) => o.date === d)) continue
    days.push({ date: d, isWorkday: now, wasWorkday: was, note: v?.note ?? null, change: was !== now ? (now ? 'ON' as const : 'OFF' as const) : v ? 'SAME' as const : 'DROPPED' as const })
  }
  const offDates = days.filter((d) => d.change === 'OFF' && d.date >= deps.clock.today()).map((d) => d.date)
  const slots = await deps.db.slot.findMany({ where: { date: { in: offDates }, closed: false, startsAt: { gt: deps.clock.now() } }, select: { id: true, booked: true } })
  return {
    year: r.year, name: r.name, holidays: r.holidays, workdays: r.workdays, days,
    replaces: earlier.find((o) => o.notice)?.notice ?? null,
    affected: { slots: slots.length, bookings: slots.reduce((n, s) => n + s.booked, 0) },
    named: r.named, slotIds: slots.map((s) => s.id),
  }
}

export async function applyImport (deps: Deps, actor: StaffActor, input: Input, meta: AuditMeta) {
  const { named, slotIds, ...preview } = await previewImport(deps, input)
  const now = deps.clock.now()
  const result = await deps.db.$transaction(async (tx) => {
    await tx.calendarOverride.deleteMany({ where: { noticeYear: preview.year } })
    for (const [date, v] of named) {
      const data = { isWorkday: v.isWorkday, note: v.note, notice: preview.name, noticeYear: preview.year, createdById: actor.id }
      await tx.calendarOverride.upsert({ where: { date }, create: { date, ...data, createdAt: now }, update: data })
    }
    const closed = await closeSlots(tx, slotIds, '节假日放假', now)
    await audit(tx, actor, {
      action: 'calendar.import', targetType: 'CalendarOverride', targetId: String(preview.year),
      detail: { name: preview.name, replaces: preview.replaces, days: named.size, changed: preview.days.filter((d) => d.change === 'ON' || d.change === 'OFF').map((d) => `${d.date}:${d.change}`), closedSlots: closed.closed, cancelledBookings: closed.cancelled },
    }, meta)
    return closed
  }, TX_OPTIONS)
  await deps.calendar.load()
  deps.events.emit('calendar.changed', preview.days[0]?.date ?? `${preview.year}-01-01`)
  await deps.events.idle()
  await generateAllSlots(deps) // new 调休 working days within the booking horizon get their slots
  return { ...preview, saved: named.size, closedSlots: result.closed, cancelledBookings: result.cancelled }
}

const WARN_FROM_MONTH = 11

export async function calendarStatus (deps: Deps) {
  const today = deps.clock.today()
  const nextYear = Number(today.slice(0, 4)) + 1
  const official = deps.calendar.isOfficial(nextYear)
  const groups = await deps.db.calendarOverride.groupBy({ by: ['noticeYear', 'notice'], where: { noticeYear: { not: null } }, _count: { _all: true }, orderBy: { noticeYear: 'asc' } })
  return {
    today, nextYear, nextYearOfficial: official,
    warning: !official && Number(today.slice(5, 7)) >= WARN_FROM_MONTH
      ? `${nextYear}年的节假日安排尚未导入：目前按周末和法定节日推算，调休不准确。国务院办公厅发布通知后，请在「工作日历」中导入。`
      : null,
    notices: groups.map((g) => ({ year: g.noticeYear!, name: g.notice ?? `${g.noticeYear}年节假日安排`, days: g._count._all })),
  }
}
