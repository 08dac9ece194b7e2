// Admin of halls (便民服务中心), their windows (and the items each handles) and weekly slot templates. Org-scoped, audited.
import type { z } from 'zod'
import type { hallInput, hallPatch, slotTemplateInput, slotTemplatePatch, windowInput, windowPatch } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import { Prisma } from '../../generated/sqlite/client.js'
import { AppError, notFound } from '../../platform/errors'
import { assertOrgInScope, inSubtree } from '../../platform/scope'
import { audit, type AuditMeta } from '../../platform/audit'
import { idList, lineView } from './service-item.mapper'

const hallInclude = {
  org: { select: { name: true } }, windows: { include: { items: { select: { serviceItemId: true } } }, orderBy: { number: 'asc' } },
  lines: { include: { items: { select: { serviceItemId: true } } }, orderBy: [{ sort: 'asc' as const }, { prefix: 'asc' as const }] },
} satisfies Prisma.HallInclude
type HallRow = Prisma.HallGetPayload<{ include: typeof hallInclude }>
type WindowRow = HallRow['windows'][number]

const windowView = (w: WindowRow) => ({ id: w.id, hallId: w.hallId, name: w.name, number: w.number, active: w.active, serviceItemIds: w.items.map((i) => i.serviceItemId) })
const hallView = (h: HallRow) => ({
  id: h.id, orgId: h.orgId, orgName: h.org.name, name: h.name, address: h.address, phone: h.phone, openHours: h.openHours,
  queuePrefix: h.queuePrefix, active: h.active, windows: h.windows.map(windowView),
  lines: h.lines.map(lineView),
})
const templateView = (t: { id: string; hallId: string; windowId: string | null; weekday: number; start: string; end: string; capacity: number; serviceItemIds: unknown; active: boolean }) => ({
  id: t.id, hallId: t.hallId, windowId: t.windowId, weekday: t.weekday, start: t.start, end: t.end, capacity: t.capacity, serviceItemIds: idList(t.serviceItemIds), active: t.active,
})

/** The hall, if it belongs to the actor's org subtree; otherwise 404. */
export async function hallInScope (deps: Deps, actor: StaffActor, hallId: string) {
  const hall = await deps.db.hall.findFirst({ where: { id: hallId, org: inSubtree(actor) } })
  if (!hall) throw notFound('服务中心')
  return hall
}

async function assertItemsExist (deps: Deps, ids: string[] | null | undefined) {
  if (!ids?.length) return
  const n = await deps.db.serviceItem.count({ where: { id: { in: ids } } })
  if (n !== new Set(ids).size) throw new AppError('VALIDATION_FAILED', '所选事项中有不存在的事项', [{ path: 'serviceItemIds', message: '所选事项中有不存在的事项' }])
}

export async function listHalls (deps: Deps, actor: StaffActor) {
  const halls = await deps.db.hall.findMany({ where: { org: inSubtree(actor) }, include: hallInclude, orderBy: [{ active: 'desc' }, { name: 'asc' }] })
  return { items: halls.map(hallView) }
}

export async function createHall (deps: Deps, actor: StaffActor, input: z.output<typeof hallInput>, meta: AuditMeta) {
  await assertOrgInScope(deps.db, actor, input.orgId)
  return deps.db.$transaction(async (tx) => {
    const hall = await tx.hall.create({ data: { ...input, createdAt: deps.clock.now() }, include: hallInclude })
    await audit(tx, actor, { action: 'hall.create', targetType: 'Hall', targetId: hall.id, orgId: hall.orgId, detail: { name: hall.name } }, meta)
    return hallView(hall)
  })
}

export async function updateHall (deps: Deps, actor: StaffActor, id: string, patch: z.output<typeof hallPatch>, meta: AuditMeta) {
  await hallInScope(deps, actor, id)
  if (patch.orgId) await assertOrgInScope(deps.db, actor, patch.orgId)
  if (patch.queuePrefix) {
    const clash = await deps.db.hallLine.findFirst({ where: { hallId: id, prefix: { in: [...patch.queuePrefix] } }, select: { prefix: true, name: true } })
    if (clash) throw new AppError('CONFLICT', `前缀 ${clash.prefix} 已被业务线「${clash.name}」使用，预约号请换一个前缀`, [{ path: 'queuePrefix', message: '与业务线的前缀重复' }])
  }
  return deps.db.$transaction(async (tx) => {
    const hall = await tx.hall.update({ where: { id }, data: patch, include: hallInclude })
    await audit(tx, actor, { action: 'hall.update', targetType: 'Hall', targetId: id, orgId: hall.orgId, detail: { fields: Object.keys(patch) } }, meta)
    return hallView(hall)
  })
}

async function assertNumberFree (deps: Deps, hallId: string, number: string, exceptId?: string) {
  const other = await deps.db.window.findUnique({ where: { hallId_number: { hallId, number } }, select: { id: true } })
  if (other && other.id !== exceptId) throw new AppError('CONFLICT', `该服务中心已有 ${number} 号窗口`, [{ path: 'number', message: '窗口编号已被使用' }])
}

export async function createWindow (deps: Deps, actor: StaffActor, input: z.output<typeof windowInput>, meta: AuditMeta) {
  const hall = await hallInScope(deps, actor, input.hallId)
  await assertNumberFree(deps, hall.id, input.number)
  await assertItemsExist(deps, input.serviceItemIds)
  return deps.db.$transaction(async (tx) => {
    const { serviceItemIds, ...data } = input
    const w = await tx.window.create({ data: { ...data, createdAt: deps.clock.now(), items: { create: [...new Set(serviceItemIds)].map((serviceItemId) => ({ serviceItemId })) } }, include: { items: { select: { serviceItemId: true } } } })
    await audit(tx, actor, { action: 'window.create', targetType: 'Window', targetId: w.id, orgId: hall.orgId, detail: { hallId: hall.id, number: w.number, serviceItemIds } }, meta)
    return windowView(w)
  })
}

export async function updateWindow (deps: Deps, actor: StaffActor, id: string, patch: z.output<typeof windowPatch>, meta: AuditMeta) {
  const w0 = await deps.db.window.findFirst({ where: { id, hall: { org: inSubtree(actor) } }, include: { hall: { select: { orgId: true } } } })
  if (!w0) throw notFound('窗口')
  if (patch.number) await assertNumberFree(deps, w0.hallId, patch.number, id)
  await assertItemsExist(deps, patch.serviceItemIds)
  return deps.db.$transaction(async (tx) => {
    const { serviceItemIds, ...data } = patch
    if (serviceItemIds) {
      await tx.windowServiceItem.deleteMany({ where: { windowId: id } })
      await tx.windowServiceItem.createMany({ data: [...new Set(serviceItemIds)].map((serviceItemId) => ({ windowId: id, serviceItemId })) })
    }
    const w = await tx.window.update({ where: { id }, data, include: { items: { select: { serviceItemId: true } } } })
    deps.state.hall.forget(`config:${w0.hallId}`)
    await audit(tx, actor, { action: 'window.update', targetType: 'Window', targetId: id, orgId: w0.hall.orgId, detail: { fields: Object.keys(patch) } }, meta)
    return windowView(w)
  })
}

export async function listTemplates (deps: Deps, actor: StaffActor, hallId: string) {
  await hallInScope(deps, actor, hallId)
  const rows = await deps.db.slotTemplate.findMany({ where: { hallId }, orderBy: [{ weekday: 'asc' }, { start: 'asc' }] })
  return { items: rows.map(templateView) }
}

async function assertWindowOfHall (deps: Deps, hallId: string, windowId: string | null | undefined) {
  if (!windowId) return
  const w = await deps.db.window.findFirst({ where: { id: windowId, hallId }, select: { id: true } })
  if (!w) throw new AppError('VALIDATION_FAILED', '所选窗口不属于该服务中心', [{ path: 'windowId', message: '所选窗口不属于该服务中心' }])
}

export async function createTemplate (deps: Deps, actor: StaffActor, input: z.output<typeof slotTemplateInput>, meta: AuditMeta) {
  const hall = await hallInScope(deps, actor, input.hallId)
  await assertWindowOfHall(deps, hall.id, input.windowId)
  await assertItemsExist(deps, input.serviceItemIds)
  return deps.db.$transaction(async (tx) => {
    const t = await tx.slotTemplate.create({
      data: { ...input, windowId: input.windowId ?? null, serviceItemIds: input.serviceItemIds ?? undefined, createdAt: deps.clock.now() },
    })
    await audit(tx, actor, { action: 'slotTemplate.create', targetType: 'SlotTemplate', targetId: t.id, orgId: hall.orgId, detail: { weekday: t.weekday, start: t.start, end: t.end, capacity: t.capacity } }, meta)
    return templateView(t)
  })
}

export async function updateTemplate (deps: Deps, actor: StaffActor, id: string, patch: z.output<typeof slotTemplatePatch>, meta: AuditMeta) {
  const t0 = await deps.db.slotTemplate.findFirst({ where: { id, hall: { org: inSubtree(actor) } }, include: { hall: { select: { orgId: true } } } })
  if (!t0) throw notFound('时段模板')
  await assertWindowOfHall(deps, t0.hallId, patch.windowId)
  await assertItemsExist(deps, patch.serviceItemIds)
  const start = patch.start ?? t0.start
  const end = patch.end ?? t0.end
  if (start >= end) throw new AppError('VALIDATION_FAILED', '结束时间必须晚于开始时间', [{ path: 'end', message: '结束时间必须晚于开始时间' }])
  return deps.db.$transaction(async (tx) => {
    const { serviceItemIds, ...rest } = patch
    const data: Prisma.SlotTemplateUncheckedUpdateInput = { ...rest }
    if (serviceItemIds !== undefined) data.serviceItemIds = serviceItemIds === null ? Prisma.DbNull : serviceItemIds
    const t = await tx.slotTemplate.update({ where: { id }, data })
    await audit(tx, actor, { action: 'slotTemplate.update', targetType: 'SlotTemplate', targetId: id, orgId: t0.hall.orgId, detail: { fields: Object.keys(patch) } }, meta)
    return templateView(t)
  })
}
