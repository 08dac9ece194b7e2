// Admin of a hall's business lines (业务线, PRODUCT.md §7): the number prefix of walk-in tickets for the items each
// line takes. An item belongs to at most one line of a hall; the hall's own prefix stays for appointments. Tickets
// already taken keep their numbers (they carry a copy of the line). Org-scoped, audited.
import type { z } from 'zod'
import type { hallLineInput, hallLinePatch } from '@bianmin/shared'
import type { Deps, StaffActor, Tx } from '../../platform/types'
import { AppError, notFound } from '../../platform/errors'
import { inSubtree } from '../../platform/scope'
import { audit, type AuditMeta } from '../../platform/audit'
import { hallInScope } from './hall.admin'
import { lineView } from './service-item.mapper'

const lineInclude = { items: { select: { serviceItemId: true } } } as const

const fieldError = (code: 'VALIDATION_FAILED' | 'CONFLICT', path: string, message: string) => new AppError(code, message, [{ path, message }])

async function assertPrefixFree (deps: Deps, hall: { id: string; queuePrefix: string }, prefix: string, exceptId?: string) {
  if (hall.queuePrefix.startsWith(prefix)) throw fieldError('VALIDATION_FAILED', 'prefix', `前缀 ${prefix} 已用于本服务中心的预约号，请换一个字母`)
  const other = await deps.db.hallLine.findUnique({ where: { hallId_prefix: { hallId: hall.id, prefix } }, select: { id: true, name: true } })
  if (other && other.id !== exceptId) throw fieldError('CONFLICT', 'prefix', `前缀 ${prefix} 已被业务线「${other.name}」使用`)
}

/** Items must exist and not already belong to another line of the hall (an item is numbered by one line). */
async function assertItemsFree (deps: Deps, hallId: string, ids: string[], exceptLineId?: string) {
  if (!ids.length) return
  const n = await deps.db.serviceItem.count({ where: { id: { in: ids } } })
  if (n !== new Set(ids).size) throw fieldError('VALIDATION_FAILED', 'serviceItemIds', '所选事项中有不存在的事项')
  const taken = await deps.db.hallLineItem.findMany({
    where: { hallId, serviceItemId: { in: ids }, ...(exceptLineId ? { lineId: { not: exceptLineId } } : {}) },
    select: { line: { select: { name: true } }, serviceItemId: true },
  })
  if (taken.length) {
    const item = await deps.db.serviceItem.findUnique({ where: { id: taken[0]!.serviceItemId }, select: { name: true } })
    throw fieldError('CONFLICT', 'serviceItemIds', `事项「${item?.name ?? ''}」已属于业务线「${taken[0]!.line.name}」，请先从该业务线中移除`)
  }
}

async function setItems (tx: Tx, line: { id: string; hallId: string }, ids: string[]) {
  await tx.hallLineItem.deleteMany({ where: { lineId: line.id } })
  if (ids.length) await tx.hallLineItem.createMany({ data: [...new Set(ids)].map((serviceItemId) => ({ lineId: line.id, hallId: line.hallId, serviceItemId })) })
}

async function lineInScope (deps: Deps, actor: StaffActor, id: string) {
  const line = await deps.db.hallLine.findFirst({ where: { id, hall: { org: inSubtree(actor) } }, include: { hall: { select: { id: true, orgId: true, queuePrefix: true } } } })
  if (!line) throw notFound('业务线')
  return line
}

export async function createLine (deps: Deps, actor: StaffActor, hallId: string, input: z.output<typeof hallLineInput>, meta: AuditMeta) {
  const hall = await hallInScope(deps, actor, hallId)
  await assertPrefixFree(deps, hall, input.prefix)
  await assertItemsFree(deps, hall.id, input.serviceItemIds)
  const line = await deps.db.$transaction(async (tx) => {
    const l = await tx.hallLine.create({ data: { hallId: hall.id, prefix: input.prefix, name: input.name, sort: input.sort } })
    await setItems(tx, l, input.serviceItemIds)
    await audit(tx, actor, { action: 'hallLine.create', targetType: 'HallLine', targetId: l.id, orgId: hall.orgId, detail: { hallId: hall.id, prefix: l.prefix, name: l.name, serviceItemIds: input.serviceItemIds } }, meta)
    return tx.hallLine.findUniqueOrThrow({ where: { id: l.id }, include: lineInclude })
  })
  deps.state.hall.forget(`config:${hall.id}`)
  return lineView(line)
}

export async function updateLine (deps: Deps, actor: StaffActor, id: string, patch: z.output<typeof hallLinePatch>, meta: AuditMeta) {
  const l0 = await lineInScope(deps, actor, id)
  if (patch.prefix !== undefined) await assertPrefixFree(deps, l0.hall, patch.prefix, id)
  if (patch.serviceItemIds) await assertItemsFree(deps, l0.hallId, patch.serviceItemIds, id)
  const line = await deps.db.$transaction(async (tx) => {
    const { serviceItemIds, ...data } = patch
    await tx.hallLine.update({ where: { id }, data })
    if (serviceItemIds) await setItems(tx, l0, serviceItemIds)
    await audit(tx, actor, { action: 'hallLine.update', targetType: 'HallLine', targetId: id, orgId: l0.hall.orgId, detail: { hallId: l0.hallId, fields: Object.keys(patch) } }, meta)
    return tx.hallLine.findUniqueOrThrow({ where: { id }, include: lineInclude })
  })
  deps.state.hall.forget(`config:${l0.hallId}`)
  return lineView(line)
}

export async function deleteLine (deps: Deps, actor: StaffActor, id: string, meta: AuditMeta) {
  const l0 = await lineInScope(deps, actor, id)
  await deps.db.$transaction(async (tx) => {
    await tx.hallLineItem.deleteMany({ where: { lineId: id } })
    await tx.hallLine.delete({ where: { id } })
    await audit(tx, actor, { action: 'hallLine.delete', targetType: 'HallLine', targetId: id, orgId: l0.hall.orgId, detail: { hallId: l0.hallId, prefix: l0.prefix, name: l0.name } }, meta)
  })
  deps.state.hall.forget(`config:${l0.hallId}`)
  return { ok: true as const }
}
