// 审计日志 reads: filtered, keyset-paginated (newest first), always inside the reader's org subtree.
import type { ParsedRequest } from '@bianmin/shared'
import { auditTargetLabels, contract } from '@bianmin/shared'
import type { Deps, StaffActor } from '../../platform/types'
import { addDays, atShanghai, toIso } from '../../platform/clock'
import { paginate } from '../../platform/paginate'
import { inSubtree, subtreeOrgIds } from '../../platform/scope'

export async function auditFacets (deps: Deps, actor: StaffActor) {
  const orgIds = await subtreeOrgIds(deps.db, actor)
  const [actors, actions, types] = await Promise.all([
    deps.db.staff.findMany({ where: { org: inSubtree(actor) }, select: { id: true, name: true, username: true }, orderBy: { username: 'asc' }, take: 500 }),
    deps.db.auditLog.groupBy({ by: ['action'], where: { orgId: { in: orgIds } }, orderBy: { action: 'asc' }, take: 300 }),
    deps.db.auditLog.groupBy({ by: ['targetType'], where: { orgId: { in: orgIds }, targetType: { not: null } }, orderBy: { targetType: 'asc' }, take: 100 }),
  ])
  return {
    actors,
    actions: actions.map((a) => a.action),
    targetTypes: types.flatMap((t) => (t.targetType ? [{ key: t.targetType, label: auditTargetLabels[t.targetType] ?? t.targetType }] : [])),
  }
}

export async function listAudit (deps: Deps, actor: StaffActor, query: ParsedRequest<typeof contract.listAudit>['query']) {
  const createdAt = {
    ...(query.from ? { gte: atShanghai(query.from) } : {}),
    ...(query.to ? { lt: atShanghai(addDays(query.to, 1)) } : {}),
  }
  const orgIds = await subtreeOrgIds(deps.db, actor)
  const page = await paginate(query, { by: 'createdAt', dir: 'desc' }, (p) => deps.db.auditLog.findMany({
    where: {
      orgId: { in: orgIds },
      ...(query.actorId ? { actorId: query.actorId } : {}),
      ...(query.action ? { action: query.action } : {}),
      ...(query.targetType ? { targetType: query.targetType } : {}),
      ...(query.targetId ? { targetId: query.targetId } : {}),
      ...(query.from || query.to ? { createdAt } : {}),
      ...p.where,
    },
    orderBy: p.orderBy, take: p.take,
  }))
  return {
    items: page.items.map((a) => ({
      id: a.id, actorType: a.actorType, actorId: a.actorId, actorName: a.actorName, orgId: a.orgId, action: a.action,
      targetType: a.targetType, targetId: a.targetId, detail: a.detail, requestId: a.requestId, createdAt: toIso(a.createdAt),
    })),
    nextCursor: page.nextCursor,
  }
}
