// 审计日志 reads: filtered, keyset-paginated (newest first), always inside the reader's org subtree.
import type Router from '@koa/router'
import { auditTargetLabels, contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import { addDays, atShanghai, toIso } from '../../platform/clock'
import { decodeCursor, encodeCursor } from '../../platform/cursor'
import { inSubtree, subtreeOrgIds } from '../../platform/scope'

export function auditRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.listAuditFacets, async (_req, c) => {
    const orgIds = await subtreeOrgIds(deps.db, c.actor)
    const [actors, actions, types] = await Promise.all([
      deps.db.staff.findMany({ where: { org: inSubtree(c.actor) }, select: { id: true, name: true, username: true }, orderBy: { username: 'asc' }, take: 500 }),
      deps.db.auditLog.groupBy({ by: ['action'], where: { orgId: { in: orgIds } }, orderBy: { action: 'asc' }, take: 300 }),
      deps.db.auditLog.groupBy({ by: ['targetType'], where: { orgId: { in: orgIds }, targetType: { not: null } }, orderBy: { targetType: 'asc' }, take: 100 }),
    ])
    return {
      actors,
      actions: actions.map((a) => a.action),
      targetTypes: types.flatMap((t) => (t.targetType ? [{ key: t.targetType, label: auditTargetLabels[t.targetType] ?? t.targetType }] : [])),
    }
  })

  mountContract(router, deps, contract.listAudit, async ({ query }, c) => {
    const cur = decodeCursor(query.cursor)
    const createdAt = {
      ...(query.from ? { gte: atShanghai(query.from) } : {}),
      ...(query.to ? { lt: atShanghai(addDays(query.to, 1)) } : {}),
    }
    const rows = await deps.db.auditLog.findMany({
      where: {
        orgId: { in: await subtreeOrgIds(deps.db, c.actor) },
        ...(query.actorId ? { actorId: query.actorId } : {}),
        ...(query.action ? { action: query.action } : {}),
        ...(query.targetType ? { targetType: query.targetType } : {}),
        ...(query.targetId ? { targetId: query.targetId } : {}),
        ...(query.from || query.to ? { createdAt } : {}),
        ...(cur ? { OR: [{ createdAt: { lt: new Date(cur.t) } }, { createdAt: new Date(cur.t), id: { lt: cur.id } }] } : {}),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
    })
    const items = rows.slice(0, query.limit)
    const last = items[items.length - 1]
    return {
      items: items.map((a) => ({
        id: a.id, actorType: a.actorType, actorId: a.actorId, actorName: a.actorName, orgId: a.orgId, action: a.action,
        targetType: a.targetType, targetId: a.targetId, detail: a.detail, requestId: a.requestId, createdAt: toIso(a.createdAt),
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
    }
  })
}
