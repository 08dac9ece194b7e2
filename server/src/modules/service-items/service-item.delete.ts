// Deleting halls, windows, service items and slot templates. What has history (appointments, home visits, ratings,
// staff accounts assigned to it) is never deleted: 409 CONFLICT with a Chinese message offering 停用 instead, nothing
// changed. What is only configuration goes with it (window–item links, unbooked slots, templates).
import type { Deps, StaffActor } from '../../platform/types'
import { AppError, notFound } from '../../platform/errors'
import { inSubtree } from '../../platform/scope'
import { audit, type AuditMeta } from '../../platform/audit'

const refuse = (what: string, history: string[]) =>
  new AppError('CONFLICT', `该${what}已有${history.join('、')}记录，不能删除；如不再使用，请改为停用`, { history })

function historyOf (counts: [string, number][]): string[] {
  return counts.filter(([, n]) => n > 0).map(([label]) => label)
}

export async function deleteServiceItem (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) {
  const item = await deps.db.serviceItem.findFirst({ where: { id, org: inSubtree(actor) } })
  if (!item) throw notFound('事项')
  const history = historyOf([
    ['预约', await deps.db.appointment.count({ where: { serviceItemId: id } })],
    ['上门服务', await deps.db.homeVisit.count({ where: { serviceItemId: id } })],
    ['评价', await deps.db.rating.count({ where: { serviceItemId: id } })],
    ['取号', await deps.db.ticket.count({ where: { serviceItemId: id } })],
  ])
  if (history.length) throw refuse('事项', history)
  await deps.db.$transaction(async (tx) => {
    await tx.windowServiceItem.deleteMany({ where: { serviceItemId: id } })
    await tx.hallLineItem.deleteMany({ where: { serviceItemId: id } })
    await tx.serviceItem.delete({ where: { id } })
    await audit(tx, actor, { action: 'serviceItem.delete', targetType: 'ServiceItem', targetId: id, orgId: item.orgId, detail: { code: item.code, name: item.name } }, meta)
  })
  return { ok: true as const }
}

export async function deleteWindow (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) {
  const w = await deps.db.window.findFirst({ where: { id, hall: { org: inSubtree(actor) } }, include: { hall: { select: { orgId: true } } } })
  if (!w) throw notFound('窗口')
  const history = historyOf([
    ['预约', await deps.db.appointment.count({ where: { OR: [{ windowId: id }, { slot: { windowId: id } }] } })],
    ['评价', await deps.db.rating.count({ where: { windowId: id } })],
    ['取号', await deps.db.ticket.count({ where: { windowId: id } })],
  ])
  if (history.length) throw refuse('窗口', history)
  await deps.db.$transaction(async (tx) => {
    await tx.slot.deleteMany({ where: { windowId: id } })
    await tx.slotTemplate.deleteMany({ where: { windowId: id } })
    await tx.windowServiceItem.deleteMany({ where: { windowId: id } })
    await tx.window.delete({ where: { id } })
    await audit(tx, actor, { action: 'window.delete', targetType: 'Window', targetId: id, orgId: w.hall.orgId, detail: { hallId: w.hallId, number: w.number, name: w.name } }, meta)
  })
  return { ok: true as const }
}

export async function deleteHall (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) {
  const hall = await deps.db.hall.findFirst({ where: { id, org: inSubtree(actor) } })
  if (!hall) throw notFound('服务中心')
  const history = historyOf([
    ['预约', await deps.db.appointment.count({ where: { hallId: id } })],
    ['评价', await deps.db.rating.count({ where: { hallId: id } })],
    ['取号', await deps.db.ticket.count({ where: { hallId: id } })],
    ['工作人员账号', await deps.db.staff.count({ where: { hallId: id } })],
  ])
  if (history.length) throw refuse('服务中心', history)
  await deps.db.$transaction(async (tx) => {
    await tx.slot.deleteMany({ where: { hallId: id } })
    await tx.slotTemplate.deleteMany({ where: { hallId: id } })
    await tx.windowServiceItem.deleteMany({ where: { window: { hallId: id } } })
    await tx.window.deleteMany({ where: { hallId: id } })
    await tx.hallLineItem.deleteMany({ where: { hallId: id } })
    await tx.hallLine.deleteMany({ where: { hallId: id } })
    await tx.ticketCounter.deleteMany({ where: { hallId: id } })
    await tx.hall.delete({ where: { id } })
    await audit(tx, actor, { action: 'hall.delete', targetType: 'Hall', targetId: id, orgId: hall.orgId, detail: { name: hall.name } }, meta)
  })
  return { ok: true as const }
}

/** A template has no history of its own: slots made from it stay (they keep their bookings), unlinked. */
export async function deleteTemplate (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) {
  const t = await deps.db.slotTemplate.findFirst({ where: { id, hall: { org: inSubtree(actor) } }, include: { hall: { select: { orgId: true } } } })
  if (!t) throw notFound('时段模板')
  await deps.db.$transaction(async (tx) => {
    await tx.slot.updateMany({ where: { templateId: id }, data: { templateId: null } })
    await tx.slotTemplate.delete({ where: { id } })
    await audit(tx, actor, { action: 'slotTemplate.delete', targetType: 'SlotTemplate', targetId: id, orgId: t.hall.orgId, detail: { weekday: t.weekday, start: t.start, end: t.end } }, meta)
  })
  return { ok: true as const }
}
