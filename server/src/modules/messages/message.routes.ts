import type Router from '@koa/router'
import { contract } from '@bianmin/shared'
import type { AppState, Deps } from '../../platform/types'
import { mountContract } from '../../platform/http'
import { toIso } from '../../platform/clock'
import { decodeCursor, encodeCursor } from '../../platform/cursor'
import { notFound } from '../../platform/errors'

export function messageRoutes (router: Router<AppState>, deps: Deps): void {
  mountContract(router, deps, contract.listMessages, async ({ query }, c) => {
    const cur = decodeCursor(query.cursor)
    const where = { residentId: c.actor.id }
    const [rows, unread] = await Promise.all([
      deps.db.notification.findMany({
        where: { ...where, ...(cur ? { OR: [{ createdAt: { lt: new Date(cur.t) } }, { createdAt: new Date(cur.t), id: { lt: cur.id } }] } : {}) },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: query.limit + 1,
      }),
      deps.db.notification.count({ where: { ...where, readAt: null } }),
    ])
    const items = rows.slice(0, query.limit)
    const last = items[items.length - 1]
    return {
      items: items.map((n) => ({
        id: n.id, kind: n.kind, title: n.title, body: n.body, read: n.readAt !== null, createdAt: toIso(n.createdAt),
        page: typeof (n.data as { page?: unknown } | null)?.page === 'string' ? (n.data as { page: string }).page : null,
      })),
      nextCursor: rows.length > query.limit && last ? encodeCursor({ t: last.createdAt.toISOString(), id: last.id }) : null,
      unread,
    }
  })

  mountContract(router, deps, contract.readMessage, async ({ params }, c) => {
    const r = await deps.db.notification.updateMany({ where: { id: params.id, residentId: c.actor.id, readAt: null }, data: { readAt: deps.clock.now() } })
    if (r.count === 0 && !(await deps.db.notification.findFirst({ where: { id: params.id, residentId: c.actor.id }, select: { id: true } }))) throw notFound('消息')
    return { ok: true as const }
  })

  mountContract(router, deps, contract.readAllMessages, async (_req, c) => {
    await deps.db.notification.updateMany({ where: { residentId: c.actor.id, readAt: null }, data: { readAt: deps.clock.now() } })
    return { ok: true as const }
  })
}
