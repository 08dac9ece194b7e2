// Admin CRUD of service items (org-scoped, audited).
import type { z } from 'zod'
import type { serviceItemInput, serviceItemPatch } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import type { Prisma } from '../../generated/sqlite/client.js'
import { AppError, notFound } from '../../platform/errors'
import { assertOrgInScope, inSubtree } from '../../platform/scope'
import { audit, type AuditMeta } from '../../platform/audit'
import { paginate } from '../../platform/paginate'
import { staffItemView } from './service-item.mapper'

const withOrg = { org: { select: { name: true } } } as const

export async function listStaffItems (deps: Deps, actor: StaffActor, q: { q?: string; active?: boolean; limit: number; cursor?: string }) {
  const page = await paginate(q, { by: 'createdAt', dir: 'asc' }, (p) => deps.db.serviceItem.findMany({
    where: {
      org: inSubtree(actor),
      ...(q.active !== undefined ? { active: q.active } : {}),
      ...(q.q ? { OR: [{ name: { contains: q.q } }, { code: { contains: q.q } }] } : {}),
      AND: [p.where],
    },
    include: withOrg, orderBy: p.orderBy, take: p.take,
  }))
  return { items: page.items.map(staffItemView), nextCursor: page.nextCursor }
}

export async function getStaffItem (deps: Deps, actor: StaffActor, id: string) {
  const item = await deps.db.serviceItem.findFirst({ where: { id, org: inSubtree(actor) }, include: withOrg })
  if (!item) throw notFound('事项')
  return staffItemView(item)
}

async function assertCodeFree (deps: Deps, code: string, exceptId?: string) {
  const other = await deps.db.serviceItem.findUnique({ where: { code }, select: { id: true } })
  if (other && other.id !== exceptId) throw new AppError('CONFLICT', `事项编码 ${code} 已被使用`, [{ path: 'code', message: '事项编码已被使用' }])
}

export async function createItem (deps: Deps, actor: StaffActor, input: z.output<typeof serviceItemInput>, meta: AuditMeta) {
  await assertOrgInScope(deps.db, actor, input.orgId)
  await assertCodeFree(deps, input.code)
  return deps.db.$transaction(async (tx) => {
    const item = await tx.serviceItem.create({ data: { ...input, materials: input.materials as Prisma.InputJsonValue, createdAt: deps.clock.now() }, include: withOrg })
    await audit(tx, actor, { action: 'serviceItem.create', targetType: 'ServiceItem', targetId: item.id, orgId: item.orgId, detail: { code: item.code, name: item.name } }, meta)
    return staffItemView(item)
  })
}

export async function updateItem (deps: Deps, actor: StaffActor, id: string, patch: z.output<typeof serviceItemPatch>, meta: AuditMeta) {
  const item = await deps.db.serviceItem.findFirst({ where: { id, org: inSubtree(actor) }, select: { id: true } })
  if (!item) throw notFound('事项')
  if (patch.orgId) await assertOrgInScope(deps.db, actor, patch.orgId)
  if (patch.code) await assertCodeFree(deps, patch.code, id)
  return deps.db.$transaction(async (tx) => {
    const { materials, ...rest } = patch
    const updated = await tx.serviceItem.update({
      where: { id }, data: { ...rest, ...(materials ? { materials: materials as Prisma.InputJsonValue } : {}) }, include: withOrg,
    })
    await audit(tx, actor, { action: 'serviceItem.update', targetType: 'ServiceItem', targetId: id, orgId: updated.orgId, detail: { fields: Object.keys(patch) } }, meta)
    return staffItemView(updated)
  })
}
