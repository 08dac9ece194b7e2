// 时段管理 by day: what a generation run would do (preview), days of a hall at a glance, closing a whole day (its
// bookings cancelled, residents notified: the slot-closing path) and reopening it. Hall in the actor's subtree; audited.
import type { Deps, StaffActor } from '../../platform/types'
import { invalidState, validation } from '../../platform/errors'
import { audit, type AuditMeta } from '../../platform/audit'
import { addDays } from '../../platform/clock'
import { planSlots } from '../appointments/slot.generator'
import { closeSlots } from '../appointments/slot.close'
import { TX_OPTIONS } from '../appointments/booking.service'
import { hallInScope } from './hall.admin'

function clampRange (deps: Deps, from: string, to: string, maxDays: number) {
  if (to > addDays(from, maxDays - 1)) throw validation(`一次最多 ${maxDays} 天`, [{ path: 'to', message: `一次最多 ${maxDays} 天` }])
  const today = deps.clock.today()
  return { from: from < today ? today : from, to }
}

export async function previewGeneration (deps: Deps, actor: StaffActor, body: { hallId: string; from: string; to: string }) {
  const hall = await hallInScope(deps, actor, body.hallId)
  const { from, to } = clampRange(deps, body.from, body.to, 93)
  const plan = from > to ? { rows: [] } : await planSlots(deps, hall.id, from, to)
  const windows = new Map((await deps.db.window.findMany({ where: { hallId: hall.id }, select: { id: true, name: true } })).map((w) => [w.id, w.name]))
  const rows = plan.rows.map((r) => ({ ...r, windowName: r.windowId ? windows.get(r.windowId) ?? null : null }))
  const count = (a: string) => rows.filter((r) => r.action === a).length
  return { hallId: hall.id, from, to, create: count('CREATE'), close: count('CLOSE'), keep: count('KEEP'), rows }
}

export async function listDays (deps: Deps, actor: StaffActor, q: { hallId: string; from: string; to: string }) {
  await hallInScope(deps, actor, q.hallId)
  if (q.to > addDays(q.from, 61)) throw validation('一次最多查看 62 天', [{ path: 'to', message: '一次最多查看 62 天' }])
  const slots = await deps.db.slot.findMany({ where: { hallId: q.hallId, date: { gte: q.from, lte: q.to } }, select: { date: true, closed: true, capacity: true, booked: true } })
  const items = []
  for (let date = q.from; date <= q.to; date = addDays(date, 1)) {
    const day = slots.filter((s) => s.date === date)
    items.push({
      date, isWorkday: deps.calendar.isWorkday(date), slots: day.length, open: day.filter((s) => !s.closed).length, closed: day.filter((s) => s.closed).length,
      capacity: day.filter((s) => !s.closed).reduce((n, s) => n + s.capacity, 0), booked: day.reduce((n, s) => n + s.booked, 0),
    })
  }
  return { items }
}

export async function closeDay (deps: Deps, actor: StaffActor, body: { hallId: string; date: string; reason: string }, meta: AuditMeta) {
  const hall = await hallInScope(deps, actor, body.hallId)
  const now = deps.clock.now()
  const open = await deps.db.slot.findMany({ where: { hallId: hall.id, date: body.date, closed: false, startsAt: { gt: now } }, select: { id: true } })
  if (!open.length) throw invalidState(`${body.date} 没有尚未开始的开放时段，无需关闭`)
  return deps.db.$transaction(async (tx) => {
    const r = await closeSlots(tx, open.map((s) => s.id), body.reason, now)
    await audit(tx, actor, { action: 'slot.closeDay', targetType: 'Hall', targetId: hall.id, orgId: hall.orgId, detail: { date: body.date, reason: body.reason, ...r } }, meta)
    return { date: body.date, ...r }
  }, TX_OPTIONS)
}

export async function reopenDay (deps: Deps, actor: StaffActor, body: { hallId: string; date: string }, meta: AuditMeta) {
  const hall = await hallInScope(deps, actor, body.hallId)
  if (!deps.calendar.isWorkday(body.date)) throw invalidState(`${body.date} 是节假日，不能恢复办理；如需上班请先在工作日历中调整`)
  const now = deps.clock.now()
  const closed = await deps.db.slot.findMany({ where: { hallId: hall.id, date: body.date, closed: true, startsAt: { gt: now } }, select: { id: true } })
  if (!closed.length) throw invalidState(`${body.date} 没有可以恢复的已关闭时段`)
  return deps.db.$transaction(async (tx) => {
    const r = await tx.slot.updateMany({ where: { id: { in: closed.map((s) => s.id) }, closed: true }, data: { closed: false, closedReason: null } })
    await audit(tx, actor, { action: 'slot.reopenDay', targetType: 'Hall', targetId: hall.id, orgId: hall.orgId, detail: { date: body.date, reopened: r.count } }, meta)
    return { date: body.date, reopened: r.count }
  }, TX_OPTIONS)
}
