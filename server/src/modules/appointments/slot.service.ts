// Slot management: list a hall's slots for a day, generate from templates, change capacity (never below what is
// booked: a conditional update) or close a slot (its bookings are cancelled and the residents notified).
import type { StaffSlot } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import { AppError, invalidState, notFound, validation } from '../../platform/errors'
import { audit, type AuditMeta } from '../../platform/audit'
import { toIso, addDays } from '../../platform/clock'
import { inSubtree } from '../../platform/scope'
import { idList } from '../service-items/service-item.mapper'
import { hallInScope } from '../service-items/hall.admin'
import { generateSlots } from './slot.generator'
import { TX_OPTIONS } from './booking.service'
import { closeSlots, DEFAULT_CLOSE_REASON } from './slot.close'

type SlotRow = { id: string; hallId: string; windowId: string | null; date: string; start: string; end: string; startsAt: Date; capacity: number; booked: number; closed: boolean; closedReason: string | null; serviceItemIds: unknown; window: { name: string } | null }

const slotView = (s: SlotRow): StaffSlot => ({
  id: s.id, hallId: s.hallId, windowId: s.windowId, windowName: s.window?.name ?? null, date: s.date, start: s.start, end: s.end,
  startsAt: toIso(s.startsAt), capacity: s.capacity, booked: s.booked, remaining: Math.max(0, s.capacity - s.booked),
  closed: s.closed, closedReason: s.closedReason, serviceItemIds: idList(s.serviceItemIds),
})
const withWindow = { window: { select: { name: true } } } as const

export async function listSlots (deps: Deps, actor: StaffActor, hallId: string, date?: string) {
  await hallInScope(deps, actor, hallId)
  const rows = await deps.db.slot.findMany({ where: { hallId, date: date ?? deps.clock.today() }, include: withWindow, orderBy: [{ start: 'asc' }, { windowKey: 'asc' }] })
  return { items: rows.map(slotView) }
}

export async function generate (deps: Deps, actor: StaffActor, body: { hallId: string; from: string; to: string }, meta: AuditMeta) {
  const hall = await hallInScope(deps, actor, body.hallId)
  if (body.to > addDays(body.from, 92)) throw validation('一次最多生成 93 天的时段', [{ path: 'to', message: '一次最多生成 93 天的时段' }])
  const from = body.from < deps.clock.today() ? deps.clock.today() : body.from
  const created = from > body.to ? 0 : await generateSlots(deps, hall.id, from, body.to)
  await audit(deps.db, actor, { action: 'slot.generate', targetType: 'Hall', targetId: hall.id, orgId: hall.orgId, detail: { from, to: body.to, created } }, meta)
  return { created }
}

export async function updateSlot (deps: Deps, actor: StaffActor, id: string, body: { capacity?: number; closed?: boolean; reason?: string }, meta: AuditMeta) {
  const slot = await deps.db.slot.findFirst({ where: { id, hall: { org: inSubtree(actor) } }, include: { hall: { select: { orgId: true, name: true } } } })
  if (!slot) throw notFound('时段')
  const now = deps.clock.now()
  if (body.closed === false && slot.closed && slot.startsAt <= now) throw invalidState('该时段已开始，不能重新开放')
  const cancelled = await deps.db.$transaction(async (tx) => {
    if (body.capacity !== undefined) {
      const r = await tx.slot.updateMany({ where: { id, booked: { lte: body.capacity } }, data: { capacity: body.capacity } })
      if (r.count === 0) {
        const cur = await tx.slot.findUniqueOrThrow({ where: { id }, select: { booked: true } })
        throw new AppError('INVALID_STATE', `容量不能少于已预约人数（${cur.booked} 人）`, { booked: cur.booked })
      }
    }
    let n = 0
    if (body.closed === true && !slot.closed) {
      n = (await closeSlots(tx, [id], body.reason ?? DEFAULT_CLOSE_REASON, now)).cancelled
    } else if (body.closed === false && slot.closed) {
      await tx.slot.update({ where: { id }, data: { closed: false, closedReason: null } })
    }
    await audit(tx, actor, {
      action: body.closed === true ? 'slot.close' : body.closed === false ? 'slot.reopen' : 'slot.update', targetType: 'Slot', targetId: id, orgId: slot.hall.orgId,
      detail: { ...(body.capacity !== undefined ? { capacity: body.capacity, was: slot.capacity } : {}), ...(body.closed !== undefined ? { closed: body.closed, reason: body.reason ?? null, cancelled: n } : {}) },
    }, meta)
    return n
  }, TX_OPTIONS)
  const s = await deps.db.slot.findUniqueOrThrow({ where: { id }, include: withWindow })
  return { ...slotView(s), cancelled }
}
