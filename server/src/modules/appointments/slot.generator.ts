// Slots from weekly templates, for working days only (holidays closed, 调休 make-up weekend days open: they follow
// Monday's templates). Idempotent: existing (hall, window, date, start) slots are kept, so it runs on start and daily.
// planSlots says what a run would do (the admin's preview); generateSlots does it.
import type { Deps } from '../../platform/types'
import { addDays, atShanghai, weekday } from '../../platform/clock'
import type { Prisma } from '../../generated/sqlite/client.js'

export type PlanAction = 'CREATE' | 'CLOSE' | 'KEEP'
export interface PlanRow {
  action: PlanAction; reason: string; slotId: string | null; date: string; start: string; end: string
  windowId: string | null; capacity: number; booked: number
}
export interface SlotPlan { create: Prisma.SlotCreateManyInput[]; close: string[]; rows: PlanRow[] }

export async function planSlots (deps: Deps, hallId: string, from: string, to: string): Promise<SlotPlan> {
  const templates = await deps.db.slotTemplate.findMany({ where: { hallId, active: true }, orderBy: [{ start: 'asc' }] })
  const existing = await deps.db.slot.findMany({ where: { hallId, date: { gte: from, lte: to } }, orderBy: [{ date: 'asc' }, { start: 'asc' }] })
  const have = new Set(existing.map((s) => `${s.windowKey}|${s.date}|${s.start}`))
  const plan: SlotPlan = { create: [], close: [], rows: [] }
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (!deps.calendar.isWorkday(date)) continue
    const wd = weekday(date)
    for (const t of templates.filter((x) => x.weekday === (wd >= 6 ? 1 : wd))) {
      const windowKey = t.windowId ?? ''
      if (have.has(`${windowKey}|${date}|${t.start}`)) continue
      have.add(`${windowKey}|${date}|${t.start}`)
      plan.create.push({
        hallId, windowId: t.windowId, windowKey, templateId: t.id, date, start: t.start, end: t.end,
        startsAt: atShanghai(date, t.start), capacity: t.capacity, serviceItemIds: t.serviceItemIds ?? undefined,
      })
      plan.rows.push({ action: 'CREATE', reason: wd >= 6 ? '调休上班，按周一模板新增' : '按模板新增', slotId: null, date, start: t.start, end: t.end, windowId: t.windowId, capacity: t.capacity, booked: 0 })
    }
  }
  for (const s of existing) {
    const base = { slotId: s.id, date: s.date, start: s.start, end: s.end, windowId: s.windowId, capacity: s.capacity, booked: s.booked }
    // A day turned into a holiday after its slots were made: its unbooked slots close; booked ones wait for a day close.
    if (!s.closed && !deps.calendar.isWorkday(s.date) && s.booked === 0) { plan.close.push(s.id); plan.rows.push({ ...base, action: 'CLOSE', reason: '节假日不办理' }) }
    else plan.rows.push({ ...base, action: 'KEEP', reason: s.closed ? '已关闭' : deps.calendar.isWorkday(s.date) ? '已生成' : '节假日，但已有预约（请整天关闭）' })
  }
  plan.rows.sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || (a.windowId ?? '').localeCompare(b.windowId ?? ''))
  return plan
}

/** Applies a fresh plan; returns the number of slots created and closed. */
export async function applySlots (deps: Deps, hallId: string, from: string, to: string): Promise<{ created: number; closed: number }> {
  const plan = await planSlots(deps, hallId, from, to)
  let closed = 0
  if (plan.close.length) closed = (await deps.db.slot.updateMany({ where: { id: { in: plan.close }, closed: false, booked: 0 }, data: { closed: true, closedReason: '节假日不办理' } })).count
  if (!plan.create.length) return { created: 0, closed }
  try {
    await deps.db.slot.createMany({ data: plan.create })
  } catch (err) {
    if ((err as { code?: string }).code !== 'P2002') throw err
    // Another instance generated some of them at the same time: insert one by one, skipping those.
    for (const row of plan.create) await deps.db.slot.create({ data: row }).catch((e: { code?: string }) => { if (e.code !== 'P2002') throw e })
  }
  return { created: plan.create.length, closed }
}

export async function generateSlots (deps: Deps, hallId: string, from: string, to: string): Promise<number> {
  return (await applySlots(deps, hallId, from, to)).created
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
