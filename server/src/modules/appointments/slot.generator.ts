// Slots from weekly templates, for working days only (holidays closed, 调休 make-up weekend days open: they follow
// Monday's templates). Idempotent: existing (hall, window, date, start) slots are kept, so it runs on start and daily.
import type { Deps } from '../../platform/types'
import { addDays, atShanghai, weekday } from '../../platform/clock'
import type { Prisma } from '../../generated/sqlite/client.js'

export async function generateSlots (deps: Deps, hallId: string, from: string, to: string): Promise<number> {
  const templates = await deps.db.slotTemplate.findMany({ where: { hallId, active: true } })
  if (!templates.length) return 0
  const existing = await deps.db.slot.findMany({ where: { hallId, date: { gte: from, lte: to } }, select: { windowKey: true, date: true, start: true } })
  const have = new Set(existing.map((s) => `${s.windowKey}|${s.date}|${s.start}`))
  const rows: Prisma.SlotCreateManyInput[] = []
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (!deps.calendar.isWorkday(date)) continue
    const wd = weekday(date)
    const dayTemplates = templates.filter((t) => t.weekday === (wd >= 6 ? 1 : wd))
    for (const t of dayTemplates) {
      const windowKey = t.windowId ?? ''
      if (have.has(`${windowKey}|${date}|${t.start}`)) continue
      have.add(`${windowKey}|${date}|${t.start}`)
      rows.push({
        hallId, windowId: t.windowId, windowKey, templateId: t.id, date, start: t.start, end: t.end,
        startsAt: atShanghai(date, t.start), capacity: t.capacity, serviceItemIds: t.serviceItemIds ?? undefined,
      })
    }
  }
  await closeNonWorkdays(deps, hallId, from, to)
  if (!rows.length) return 0
  try {
    await deps.db.slot.createMany({ data: rows })
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err
    // Another instance generated some of them at the same time: insert one by one, skipping those.
    for (const row of rows) await deps.db.slot.create({ data: row }).catch((e: { code?: string }) => { if (e.code !== 'P2002') throw e })
  }
  return rows.length
}

/** A day turned into a holiday after its slots were made (admin override): close its slots that nobody booked. */
async function closeNonWorkdays (deps: Deps, hallId: string, from: string, to: string): Promise<void> {
  const open = await deps.db.slot.findMany({ where: { hallId, date: { gte: from, lte: to }, closed: false, booked: 0 }, select: { date: true }, distinct: ['date'] })
  const off = open.map((s) => s.date).filter((d) => !deps.calendar.isWorkday(d))
  if (off.length) await deps.db.slot.updateMany({ where: { hallId, date: { in: off }, closed: false, booked: 0 }, data: { closed: true, closedReason: '节假日不办理' } })
}

/** Slots for every active hall from today to the booking horizon (plus a margin). */
export async function generateAllSlots (deps: Deps): Promise<number> {
  const s = (await deps.settings.get()).booking
  const today = deps.clock.today()
  const to = deps.calendar.addWorkdays(today, s.maxWorkdaysAhead + 2)
  const halls = await deps.db.hall.findMany({ where: { active: true }, select: { id: true } })
  let n = 0
  for (const h of halls) n += await generateSlots(deps, h.id, today, to)
  return n
}
